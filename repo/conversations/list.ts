// The conversation list of seed 003 §3: conversation, the user's membership, last message with
// its sender and the unread count, in one SQL query whatever the number of conversations.
// The user's own settings shape it: pinned conversations first (then by activity, like the
// rest), hidden ones left out until a message arrives after the hide (last_seq passes the
// hidden seq; that message bumps the conversation's version, so a cached list is rebuilt).
import type { RepoCtx } from '../context.ts';
import { cacheKeys, CACHE_TTL_SECONDS, currentVersions, publishVersions } from '../cache.ts';
import type { Em } from '../orm.ts';
import { bool, idOf, ms, num, rows, type Row } from '../sql.ts';
import type { ConversationWithDetails, Id } from '../types.ts';
import { checkId, checkInt } from '../validate.ts';
import { UNREAD_RULE } from '../read-pointers/read-pointers.ts';
import { visibleContent } from '../messages/messages.ts';
import { CONVERSATION_COLUMNS, membershipOf, toConversationView } from './views.ts';

/** How many of a user's conversations the list cache holds; pages beyond it go to MySQL. */
const CACHED_LIST_SIZE = 500;
const PREVIEW_CHARS = 256;

const LIST_SQL = `
SELECT ${CONVERSATION_COLUMNS},
       cm.role, cm.muted, cm.muted_until, cm.joined_at, cm.do_not_disturb, cm.pinned_at, cm.hidden_seq,
       COALESCE(urp.last_read_seq_id, 0) AS last_read_seq,
       lm.id AS lm_id, lm.seq_id AS lm_seq, lm.type AS lm_type, LEFT(lm.content, ${PREVIEW_CHARS}) AS lm_content,
       lm.deleted AS lm_deleted, lm.recalled AS lm_recalled, lm.created_at AS lm_created_at,
       s.id AS s_id, s.username AS s_username, s.nickname AS s_nickname, s.avatar_url AS s_avatar_url,
       (SELECT COUNT(*) FROM messages m
         WHERE m.conversation_id = c.id AND m.seq_id > COALESCE(urp.last_read_seq_id, 0)
           AND ${UNREAD_RULE.replace('?', 'cm.user_id')}) AS unread_count,
       (SELECT COUNT(*) FROM messages m
         WHERE m.conversation_id = c.id AND m.seq_id > COALESCE(urp.last_read_seq_id, 0)
           AND ${UNREAD_RULE.replace('?', 'cm.user_id')}
           AND (m.mention_all = 1 OR JSON_CONTAINS(m.mentions, JSON_QUOTE(CAST(cm.user_id AS CHAR))))) AS mention_count
  FROM conversation_members cm
  JOIN conversations c ON c.id = cm.conversation_id
  LEFT JOIN messages lm ON lm.id = c.last_message_id
  LEFT JOIN users s ON s.id = lm.sender_id
  LEFT JOIN user_read_pointers urp ON urp.user_id = cm.user_id AND urp.conversation_id = c.id
 WHERE cm.user_id = ? /*visible*/
 ORDER BY cm.pinned_at IS NULL, c.updated_at DESC, c.id DESC
 LIMIT ? OFFSET ?`;

/** A conversation the user hid shows again once a message arrived after the hide. */
const VISIBLE = 'AND (cm.hidden_seq IS NULL OR c.last_seq > cm.hidden_seq)';
const isVisible = (i: ConversationWithDetails) => i.membership.hiddenSeq === null || i.conversation.lastSeq > i.membership.hiddenSeq;

function toDetails(r: Row): ConversationWithDetails {
  const deleted = bool(r.lm_deleted);
  const recalled = bool(r.lm_recalled);
  return {
    conversation: toConversationView(r),
    membership: {
      ...membershipOf(r),
      hiddenSeq: r.hidden_seq === null || r.hidden_seq === undefined ? null : num(r.hidden_seq),
    },
    lastMessage: r.lm_id === null || r.lm_id === undefined ? null : {
      id: idOf(r.lm_id),
      seq: num(r.lm_seq),
      type: num(r.lm_type),
      content: visibleContent(r.lm_content, deleted, recalled),
      deleted,
      recalled,
      createdAt: ms(r.lm_created_at),
      sender: {
        id: idOf(r.s_id),
        username: r.s_username as string,
        nickname: (r.s_nickname as string | null) ?? null,
        avatarUrl: (r.s_avatar_url as string | null) ?? null,
      },
    },
    unreadCount: num(r.unread_count),
    mentionCount: num(r.mention_count),
    lastReadSeq: num(r.last_read_seq),
  };
}

/** `visibleOnly`: without the hidden ones (pages beyond the cache); the cache holds them too. */
async function queryList(em: Em, userId: Id, offset: number, limit: number, visibleOnly: boolean): Promise<ConversationWithDetails[]> {
  return (await rows(em, LIST_SQL.replace('/*visible*/', visibleOnly ? VISIBLE : ''), [userId, limit, offset])).map(toDetails);
}

/** Raised when the cached item's shape changes: a list cached in an older shape is rebuilt. */
const LIST_FORMAT = 3;

interface CachedList {
  gen: number;
  format?: number;
  items: ConversationWithDetails[];
}

interface CachedUnread {
  gen: number;
  /** conversation id -> [version, unread count] */
  counts: Record<Id, [number, number]>;
}

async function isCurrent(ctx: RepoCtx, versionsById: [Id, number][]): Promise<boolean> {
  const current = await currentVersions(ctx.em, ctx.redis, versionsById.map(([id]) => id));
  return versionsById.every(([id, v]) => current.get(id) === v);
}

/** Rebuilds both per-user caches from one query; `gen` was read before querying. */
async function rebuild(ctx: RepoCtx, userId: Id, gen: number): Promise<ConversationWithDetails[]> {
  const items = await queryList(ctx.em, userId, 0, CACHED_LIST_SIZE, false);
  const unread: CachedUnread = { gen, counts: {} };
  for (const item of items) unread.counts[item.conversation.id] = [item.conversation.version, item.unreadCount];
  await ctx.redis
    .multi()
    .set(cacheKeys.conversationsFull(userId), JSON.stringify({ gen, format: LIST_FORMAT, items } satisfies CachedList), 'EX', CACHE_TTL_SECONDS.conversationsFull)
    .set(cacheKeys.unread(userId), JSON.stringify(unread), 'EX', CACHE_TTL_SECONDS.unread)
    .exec();
  await publishVersions(ctx.redis, items.map((i) => ({ id: i.conversation.id, version: i.conversation.version })));
  return items;
}

/** Pinned first, then newest activity first; hidden ones left out. Served from `user:conversations:full:{userId}` while it is current. */
export async function getUserConversationsWithDetails(ctx: RepoCtx, userId: Id, offset: number, limit: number): Promise<ConversationWithDetails[]> {
  checkId('userId', userId);
  checkInt('offset', offset, 0, 1_000_000);
  checkInt('limit', limit, 1, 500);
  if (offset + limit > CACHED_LIST_SIZE) return queryList(ctx.em, userId, offset, limit, true);
  const [raw, genRaw] = await ctx.redis.mget(cacheKeys.conversationsFull(userId), cacheKeys.userGeneration(userId));
  const gen = Number(genRaw ?? '0');
  let items: ConversationWithDetails[] | undefined;
  if (raw) {
    const cached = JSON.parse(raw) as CachedList;
    // Hidden conversations are cached too: a message arriving in one moves its version, which
    // makes the cached list stale like any other change.
    if (cached.gen === gen && cached.format === LIST_FORMAT && (await isCurrent(ctx, cached.items.map((i) => [i.conversation.id, i.conversation.version])))) {
      items = cached.items;
    }
  }
  ctx.onCacheRead?.('conversations_full', items !== undefined);
  items ??= await rebuild(ctx, userId, gen);
  const visible = items.filter(isVisible);
  // A full cache whose visible part ends before the page: the rest is beyond what it holds.
  if (items.length === CACHED_LIST_SIZE && offset + limit > visible.length) return queryList(ctx.em, userId, offset, limit, true);
  return visible.slice(offset, offset + limit);
}

