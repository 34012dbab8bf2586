// Bench data made through the repo layer (no REST, so the per-IP registration limit does not
// apply and 50,000 users take seconds): users in multi-row inserts, tokens minted with the
// gateway's own token module, conversations and messages with the repo functions.
import { loadConfig, type Config } from '../../config/index.ts';
import { createTokens } from '../../gateway/services/tokens.ts';
import {
  addMembers, createGroupConversation, createOrm, createRedis, createSingleConversation, repoCtx, saveMessage,
  type Orm, type RedisClient, type RepoCtx,
} from '../../repo/index.ts';
import { marks, rows, run } from '../../repo/sql.ts';

export interface BenchUser {
  id: string;
  token: string;
}

export class Seeder {
  readonly config: Config;
  readonly orm: Orm;
  readonly redis: RedisClient;

  private constructor(orm: Orm, redis: RedisClient, config: Config) {
    this.orm = orm;
    this.redis = redis;
    this.config = config;
  }

  static async open(env: Record<string, string>): Promise<Seeder> {
    const config = loadConfig({ ...process.env, ...env });
    const orm = await createOrm(config, { pool: { min: 1, max: 8 } });
    return new Seeder(orm, createRedis(config), config);
  }

  ctx(): RepoCtx {
    return repoCtx(this.orm, this.redis);
  }

  async users(n: number, prefix: string): Promise<BenchUser[]> {
    const ctx = this.ctx();
    const now = new Date();
    for (let i = 0; i < n; i += 1000) {
      const count = Math.min(1000, n - i);
      const params: unknown[] = [];
      for (let k = 0; k < count; k++) params.push(`${prefix}${i + k}`, 'bench-no-password', now, now);
      await run(ctx.em, `INSERT INTO users (username, password_hash, created_at, updated_at) VALUES ${Array(count).fill('(?, ?, ?, ?)').join(', ')}`, params);
    }
    const found = await rows(ctx.em, 'SELECT id FROM users WHERE username LIKE ? ORDER BY id', [`${prefix}%`]);
    const tokens = createTokens(this.config.auth);
    return Promise.all(found.map(async (r) => {
      const id = String(r.id);
      return { id, token: (await tokens.issue(id, false)).token };
    }));
  }

  /** 1:1 conversations for [a, b] pairs, a few at a time. */
  async pairs(pairs: [string, string][]): Promise<string[]> {
    const out: string[] = new Array<string>(pairs.length);
    let i = 0;
    await Promise.all(Array.from({ length: 8 }, async () => {
      while (i < pairs.length) {
        const k = i++;
        const [a, b] = pairs[k]!;
        out[k] = (await createSingleConversation(this.ctx(), a, b)).conversation.id;
      }
    }));
    return out;
  }

  async group(owner: string, members: string[], name: string): Promise<string> {
    const first = members.slice(0, 499);
    const conv = await createGroupConversation(this.ctx(), { ownerId: owner, name, memberIds: first, maxMembers: this.config.chat.maxGroupMembers });
    for (let i = first.length; i < members.length; i += 5000) {
      await addMembers(this.ctx(), conv.id, members.slice(i, i + 5000), { maxMembers: this.config.chat.maxGroupMembers });
    }
    return conv.id;
  }

  async message(conversationId: string, senderId: string, clientMsgId: string, content: string): Promise<void> {
    await saveMessage(this.ctx(), { conversationId, senderId, clientMsgId, messageType: 1, content });
  }

  async lastSeq(conversationId: string): Promise<number> {
    const [r] = await rows(this.ctx().em, `SELECT last_seq FROM conversations WHERE id IN (${marks(1)})`, [conversationId]);
    return Number(r?.last_seq ?? 0);
  }

  async close(): Promise<void> {
    await this.orm.close();
    this.redis.disconnect();
  }
}
