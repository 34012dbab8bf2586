// Synthetic chat text for the search benchmark: English, Chinese and mixed messages whose words
// follow a Zipf distribution (a few words everywhere, a long tail of rare ones), with chat-like
// lengths (most messages short, some long). Seeded, so every run indexes the same corpus.

/** mulberry32: small, fast, seedable. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EN_COMMON = (
  'the to you and is it for that on of in have be are this we can do with not will just at so what my me but if get all ' +
  'about your know was like no up how out now go time good think there one see back when then they need want come today ' +
  'yes okay thanks please really right well tomorrow meeting work going also maybe sure still day let would make call ' +
  'here morning night sorry great home tonight week later send check file project team update issue review done sounds ' +
  'plan idea coffee lunch dinner office weekend office client release deploy server build test message photo video link ' +
  'happy birthday price order ticket flight hotel train station movie music game football weather rain snow party'
).split(' ');

const ZH_COMMON = (
  '我们 你们 他们 今天 明天 昨天 现在 时候 什么 怎么 为什么 没有 可以 知道 觉得 一下 一起 已经 还是 因为 所以 但是 如果 ' +
  '工作 公司 会议 项目 问题 时间 消息 电话 朋友 老师 学生 同学 周末 晚上 早上 中午 下午 吃饭 咖啡 喜欢 需要 应该 发送 ' +
  '文件 图片 视频 链接 测试 版本 发布 服务器 客户 订单 价格 机票 酒店 火车 电影 音乐 游戏 天气 下雨 生日 快乐 谢谢 ' +
  '不好意思 没问题 好的 收到 辛苦 加油 哈哈 真的 确实 然后 其实 大家 东西 地方 事情 检查 更新 计划 想法 回家 出门 开会'
).split(' ');

/** Frequent Han characters the rare Chinese words are made of. */
const ZH_CHARS = [...(
  '的一是不了人我在有他这中大来上个国到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴切否响料预拉支'
)];

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tar', 'vel', 'son', 'qui', 'bra', 'dex', 'fin', 'gor', 'hal', 'jup', 'mor', 'nex', 'pla', 'rud', 'sti', 'tov', 'ul', 'zen', 'cor', 'ly'];

/** Cumulative weights of a Zipf distribution with exponent s over n ranks. */
function zipf(n: number, s: number): Float64Array {
  const cum = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cum[i] = sum += 1 / (i + 1) ** s;
  for (let i = 0; i < n; i++) cum[i]! /= sum;
  return cum;
}

function pick(cum: Float64Array, r: number): number {
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid]! < r) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface Vocabulary {
  en: string[];
  zh: string[];
}

/** The common words first (the head of the distribution), then generated rare ones. */
export function vocabulary(seed: number, size = 20_000): Vocabulary {
  const r = rng(seed);
  const en = new Set(EN_COMMON);
  while (en.size < size) en.add(Array.from({ length: 2 + Math.floor(r() * 3) }, () => SYLLABLES[Math.floor(r() * SYLLABLES.length)]).join(''));
  const zh = new Set(ZH_COMMON);
  while (zh.size < size) zh.add(ZH_CHARS[Math.floor(r() * ZH_CHARS.length)]! + ZH_CHARS[Math.floor(r() * ZH_CHARS.length)]!);
  return { en: [...en], zh: [...zh] };
}

/** Message texts: half English, 40% Chinese, 10% Chinese with English words. */
export function textGenerator(vocab: Vocabulary, seed: number): () => string {
  const r = rng(seed);
  const enCum = zipf(vocab.en.length, 1.05);
  const zhCum = zipf(vocab.zh.length, 1.05);
  // Chat lengths: log-normal, median about 7 words, a tail of long messages.
  const length = (median: number, max: number) => Math.max(1, Math.min(max, Math.round(Math.exp(Math.log(median) + 0.8 * gauss()))));
  function gauss(): number {
    return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  }
  const en = () => vocab.en[pick(enCum, r())]!;
  const zh = () => vocab.zh[pick(zhCum, r())]!;
  return () => {
    const kind = r();
    if (kind < 0.5) {
      const words = Array.from({ length: length(7, 80) }, en);
      words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
      return `${words.join(' ')}${r() < 0.3 ? '?' : r() < 0.5 ? '.' : ''}`;
    }
    if (kind < 0.9) return `${Array.from({ length: length(5, 60) }, zh).join('')}${r() < 0.3 ? '？' : r() < 0.5 ? '。' : ''}`;
    return Array.from({ length: length(6, 40) }, () => (r() < 0.75 ? zh() : ` ${en()} `)).join('').trim();
  };
}

export interface BenchQuery {
  /** What is asked for, as a user would type it. */
  q: string;
  kind: string;
}

/** Queries from the head, the middle and the tail of both vocabularies. */
export function queries(vocab: Vocabulary): BenchQuery[] {
  const en = (rank: number) => vocab.en[rank]!;
  const zh = (rank: number) => vocab.zh[rank]!;
  return [
    { q: en(3), kind: 'English, frequent word' },
    { q: en(60), kind: 'English, common word' },
    { q: en(800), kind: 'English, medium word' },
    { q: en(12_000), kind: 'English, rare word' },
    { q: en(60).slice(0, 4), kind: 'English, word prefix' },
    { q: `${en(40)} ${en(90)}`, kind: 'English, two words' },
    { q: zh(5), kind: 'Chinese, frequent word' },
    { q: zh(60), kind: 'Chinese, common word' },
    { q: zh(800), kind: 'Chinese, medium word' },
    { q: zh(12_000), kind: 'Chinese, rare word' },
    { q: `${zh(30)}${zh(70)}`, kind: 'Chinese, four characters' },
    { q: [...zh(40)][0]!, kind: 'Chinese, one character' },
  ];
}
