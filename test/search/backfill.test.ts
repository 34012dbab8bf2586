// The search migration back-fills the messages stored before it: on a scratch database migrated
// up to the migration before it, messages are written, then the rest of the migrations run.
// Visible messages become searchable; recalled and deleted ones and text with nothing to index
// get no row.
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrm, createRedis, repoCtx, saveMessage, searchMessages, type Orm } from '../../repo/index.ts';
import type { RedisClient } from '../../repo/redis.ts';
import { testConfig } from '../helpers/config.ts';

const config = testConfig();
const database = `gochat_search_backfill_${randomBytes(4).toString('hex')}`;
const admin = await mysql.createConnection({ host: config.mysql.host, port: config.mysql.port, user: config.mysql.user, password: config.mysql.password });
let orm: Orm;
let redis: RedisClient;

beforeAll(async () => {
  await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const scratch = testConfig({ MYSQL_DATABASE: database });
  orm = await createOrm(scratch);
  redis = createRedis(scratch);
});

afterAll(async () => {
  await orm?.close(true);
  redis?.disconnect();
  await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await admin.end();
});

describe('the message_search migration', () => {
  it('indexes the visible messages that were there before it', async () => {
    await orm.migrator.up({ to: 'Migration20261202020000_gateway_positions' });
    const em = orm.em.fork();
    const now = new Date();
    await em.execute("INSERT INTO users (id, username, password_hash, created_at, updated_at) VALUES (1, 'backfill', 'x', ?, ?)", [now, now]);
    await em.execute('INSERT INTO conversations (id, type, name, owner_id, member_count, last_seq, created_at, updated_at) VALUES (10, 2, ?, 1, 1, 5, ?, ?)', ['g', now, now]);
    await em.execute("INSERT INTO conversation_members (conversation_id, user_id, role, muted, joined_at) VALUES (10, 1, 'owner', 0, ?)", [now]);
    const rows: [number, string, number, number][] = [
      [1, '这是一条测试消息', 0, 0],
      [2, 'Backfilled English text', 0, 0],
      [3, '撤回的消息 recalled', 1, 0],
      [4, '删除的消息 deleted', 0, 1],
      [5, '!!! …', 0, 0],
    ];
    for (const [seq, content, recalled, deleted] of rows) {
      await em.execute(
        'INSERT INTO messages (id, conversation_id, sender_id, seq_id, type, content, client_msg_id, deleted, recalled, created_at) VALUES (?, 10, 1, ?, 1, ?, ?, ?, ?, ?)',
        [100 + seq, seq, content, `b${seq}`, deleted, recalled, now],
      );
    }

    await orm.migrator.up();
    expect(await orm.migrator.getPending()).toEqual([]);
    const indexed = await orm.em.fork().execute<{ message_id: number }[]>('SELECT message_id FROM message_search ORDER BY message_id');
    expect(indexed.map((r) => Number(r.message_id))).toEqual([101, 102]);

    const ctx = repoCtx(orm, redis);
    const search = async (query: string) => (await searchMessages(ctx, { userId: '1', query, limit: 10 })).map((m) => m.id);
    expect(await search('消息')).toEqual(['101']);
    expect(await search('backfilled')).toEqual(['102']);
    expect(await search('english')).toEqual(['102']);
    expect(await search('recalled')).toEqual([]);
    // The index was built without a stopword list: "the" is found.
    const saved = await saveMessage(repoCtx(orm, redis), { conversationId: '10', senderId: '1', clientMsgId: 'b6', messageType: 1, content: 'The end' });
    expect((await searchMessages(repoCtx(orm, redis), { userId: '1', query: 'the', conversationId: '10', limit: 10 })).map((m) => m.id)).toEqual([saved.messageId]);
  });
});
