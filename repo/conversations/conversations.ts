import type { RepoCtx } from '../context.ts';
import { cacheKeys, CACHE_TTL_SECONDS, bumpUserGenerations, publishVersions } from '../cache.ts';
import { ConflictError, ValidationError } from '../errors.ts';
import { inTransaction, isUniqueViolation, rows, run } from '../sql.ts';
import type { ConversationView, Id } from '../types.ts';
import { checkId, checkIds, checkInt, checkOptionalString, checkString } from '../validate.ts';
import { CONVERSATION_NAME_MAX } from './conversation.entity.ts';
import { insertMembers } from './members.ts';
import { CONVERSATION_COLUMNS, toConversationView } from './views.ts';
import { DEFAULT_MAX_MEMBERS, requireUsers, selectConversation, singlePairKey } from './queries.ts';

export { DEFAULT_MAX_MEMBERS };

/** The single conversation of a pair: created once, found again afterwards (also when two race). */
export async function createSingleConversation(ctx: RepoCtx, a: Id, b: Id): Promise<{ conversation: ConversationView; created: boolean }> {
  checkId('userA', a);
  checkId('userB', b);
  if (a === b) throw new ValidationError('userB', 'a single conversation needs two different users');
  const key = singlePairKey(a, b);
  const findExisting = async () => {
    const [row] = await rows(ctx.em, `SELECT ${CONVERSATION_COLUMNS} FROM conversations c WHERE c.pair_key = ?`, [key]);
    return row ? toConversationView(row) : null;
  };
  const existing = await findExisting();
  if (existing) return { conversation: existing, created: false };
  await requireUsers(ctx.em, [a, b]);
  try {
    const conversation = await inTransaction(ctx.em, async (tem) => {
      const now = new Date();
      const res = await run(
        tem,
        'INSERT INTO conversations (type, pair_key, member_count, last_seq, version, created_at, updated_at) VALUES (1, ?, 2, 0, 0, ?, ?)',
        [key, now, now],
      );
      await insertMembers(tem, res.insertId, [a, b], 'member', 0, now);
      const view = await selectConversation(tem, res.insertId);
      if (!view) throw new Error(`conversation ${res.insertId} vanished inside its own transaction`);
      return view;
    });
    await bumpUserGenerations(ctx.redis, [a, b]);
    return { conversation, created: true };
  } catch (err) {
    if (!isUniqueViolation(err, 'uq_conversations_pair_key')) throw err;
    const raced = await findExisting();
    if (!raced) throw err;
    return { conversation: raced, created: false };
  }
}

export async function createGroupConversation(
  ctx: RepoCtx,
  input: { ownerId: Id; name: string; avatarUrl?: string | null; memberIds?: Id[]; type?: 2 | 3; maxMembers?: number },
): Promise<ConversationView> {
  const ownerId = checkId('ownerId', input.ownerId);
  const name = checkString('name', input.name, { min: 1, max: CONVERSATION_NAME_MAX });
  const avatarUrl = checkOptionalString('avatarUrl', input.avatarUrl, { max: 512 });
  const type = input.type === undefined ? 2 : checkInt('type', input.type, 2, 3);
  const maxMembers = input.maxMembers === undefined ? DEFAULT_MAX_MEMBERS : checkInt('maxMembers', input.maxMembers, 1, 10_000_000);
  const others = checkIds('memberIds', input.memberIds ?? [], maxMembers).filter((id) => id !== ownerId);
  if (others.length + 1 > maxMembers) {
    throw new ConflictError('capacity_exceeded', `a group holds at most ${maxMembers} members, ${others.length + 1} requested`);
  }
  await requireUsers(ctx.em, [ownerId, ...others]);
  const conversation = await inTransaction(ctx.em, async (tem) => {
    const now = new Date();
    const res = await run(
      tem,
      'INSERT INTO conversations (type, name, avatar_url, owner_id, member_count, last_seq, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, 0, ?, ?)',
      [type, name, avatarUrl, ownerId, others.length + 1, now, now],
    );
    await insertMembers(tem, res.insertId, [ownerId], 'owner', 0, now);
    await insertMembers(tem, res.insertId, others, 'member', 0, now);
    const view = await selectConversation(tem, res.insertId);
    if (!view) throw new Error(`conversation ${res.insertId} vanished inside its own transaction`);
    return view;
  });
  await bumpUserGenerations(ctx.redis, [ownerId, ...others]);
  return conversation;
}

/** Read through `conversation:basic:{id}`; an entry older than the published version is ignored. */
export async function getConversation(ctx: RepoCtx, id: Id): Promise<ConversationView | null> {
  checkId('conversationId', id);
  const [cached, published] = await ctx.redis.mget(cacheKeys.conversationBasic(id), cacheKeys.conversationVersion(id));
  if (cached) {
    const view = JSON.parse(cached) as ConversationView;
    // An entry cached before the group-administration fields existed is read again.
    if (published !== null && published !== undefined && view.version >= Number(published) && 'muteAll' in view) {
      ctx.onCacheRead?.('conversation_basic', true);
      return view;
    }
  }
  ctx.onCacheRead?.('conversation_basic', false);
  const view = await selectConversation(ctx.em, id);
  if (!view) return null;
  await ctx.redis.set(cacheKeys.conversationBasic(id), JSON.stringify(view), 'EX', CACHE_TTL_SECONDS.conversationBasic);
  if (published === null || published === undefined) await publishVersions(ctx.redis, [{ id, version: view.version }]);
  return view;
}
