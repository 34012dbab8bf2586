// The text InnoDB's FULLTEXT index sees, and the boolean query that matches it. InnoDB has no
// CJK parser on MariaDB (no `ngram`), and its default parser takes a run of CJK characters as one
// word; so the index column holds CJK text as overlapping bigrams and Latin text as words.
// Every token is spelled so that the server's defaults cannot drop it: at least three characters
// (`innodb_ft_min_token_size` = 3) and made of [0-9a-z_] or letters only, so neither the
// character classes of a collation nor the boolean-mode operators come into play:
//   - a Latin (or any non-CJK) word: NFKC, lower case, accents removed, cut at WORD_MAX, padded
//     with '_' to three characters ("ok" -> "ok_");
//   - CJK: each character as '_' + its code point in five hex digits; every adjacent pair of a
//     run is one token ("消息" -> "_06d88_0606f" without the middle '_'), and the last character
//     of a run is a token of its own, so a one-character query (a prefix query) finds every
//     place the character occurs.
// Latin words never contain '_' (it separates words), so the two kinds cannot meet. A third kind,
// '__c' + the conversation id, names the message's conversation: matching it in the same boolean
// query lets InnoDB intersect the word's doc list with the conversation's before it reads any row
// (a frequent word otherwise costs one row read per message holding it, in every conversation).

/** Han, kana and Hangul: written without spaces, indexed as bigrams. */
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\p{Script=Bopomofo}';
const RUNS = new RegExp(`([${CJK}]+)|([[\\p{L}\\p{N}\\p{M}]--[${CJK}]]+)`, 'gv');
const MARKS = /\p{M}/gu;
/** Longer words are cut (InnoDB drops tokens over 84 characters); a query word is cut alike. */
const WORD_MAX = 40;
const MIN_TOKEN = 3;

type Run = { cjk: true; chars: string[] } | { cjk: false; word: string };

function runsOf(text: string): Run[] {
  const out: Run[] = [];
  for (const m of text.normalize('NFKC').toLowerCase().matchAll(RUNS)) {
    if (m[1]) {
      out.push({ cjk: true, chars: [...m[1]] });
    } else if (m[2]) {
      const word = [...m[2].normalize('NFKD').replace(MARKS, '')].slice(0, WORD_MAX).join('');
      if (word) out.push({ cjk: false, word });
    }
  }
  return out;
}

const hex = (ch: string): string => ch.codePointAt(0)!.toString(16).padStart(5, '0');

/** The token that stands for a conversation in every indexed message of it. */
export const conversationToken = (conversationId: string): string => `__c${conversationId}`;

/**
 * The indexed form of a message's content (duplicates dropped: the search is boolean), or ''
 * when there is nothing to search for in it.
 */
export function searchBody(conversationId: string, content: string): string {
  const tokens = new Set<string>();
  for (const run of runsOf(content)) {
    if (!run.cjk) {
      tokens.add(run.word.padEnd(MIN_TOKEN, '_'));
      continue;
    }
    const codes = run.chars.map(hex);
    for (let i = 0; i + 1 < codes.length; i++) tokens.add(`_${codes[i]}${codes[i + 1]}`);
    tokens.add(`_${codes.at(-1)}`);
  }
  return tokens.size > 0 ? `${[...tokens].join(' ')} ${conversationToken(conversationId)}` : '';
}

/**
 * A boolean-mode query every term of which must match: a word matches the words it begins
 * ("mess" finds "message"), a CJK run of two or more characters matches messages holding each
 * of its bigrams, one CJK character matches wherever it occurs. Null when `q` has nothing to
 * search for (only punctuation or spaces).
 */
export function booleanQuery(q: string): string | null {
  const terms = new Set<string>();
  for (const run of runsOf(q)) {
    if (!run.cjk) {
      terms.add(`+${run.word}*`);
    } else if (run.chars.length === 1) {
      terms.add(`+_${hex(run.chars[0]!)}*`);
    } else {
      const codes = run.chars.map(hex);
      for (let i = 0; i + 1 < codes.length; i++) terms.add(`+_${codes[i]}${codes[i + 1]}`);
    }
  }
  return terms.size > 0 ? [...terms].join(' ') : null;
}
