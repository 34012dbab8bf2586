// Full-text search over the messages of the conversations a user is a member of, newest first.
// Membership, recall and deletion are checked in the same query as the match, so a page never
// holds a message of a conversation the user has left, nor one taken back meanwhile.
//
// What a search costs in InnoDB (measured, docs/search.md): matching words alone reads one row
// per message holding them, in every conversation, so a frequent word costs in proportion to
// the whole table. Naming conversations in the match too (their tokens, tokens.ts) lets InnoDB
// intersect doc lists before it reads rows: one conversation's token costs little, a group of
// tokens costs in proportion to the messages of the group, whatever the words. So a search names
// its conversation; a search across names the user's conversations in one group as far as a
// budget of messages goes and searches each larger one on its own (pages merged by id); a user
// in too many conversations is left to the membership join alone.
import type { RepoCtx } from '../context.ts';
import { ValidationError } from '../errors.ts';
import { COLUMNS, toMessageView } from '../messages/messages.ts';
import { idOf, num, rows } from '../sql.ts';
import type { Id, MessageView } from '../types.ts';
import { checkId, checkInt, checkString } from '../validate.ts';
import { booleanQuery, conversationToken } from './tokens.ts';

/** The most rows one call reads (a page of 100 plus the row that tells whether there is more). */
const LIMIT_MAX = 101;
const QUERY_MAX = 1000;
/** The most conversations, and the most messages in them, named in one group. */
const GROUP_CONVERSATIONS_MAX = 500;
const GROUP_MESSAGES_MAX = 50_000;
/** The most conversations too large for the group that are searched one by one. */
const ALONE_MAX = 8;

const MESSAGE_COLUMNS = COLUMNS.split(',').map((c) => `m.${c.trim()}`).join(', ');

export interface SearchInput {
  userId: Id;
  query: string;
  /** One conversation; all of the user's conversations when absent. */
  conversationId?: Id;
  /** Only messages with a smaller id (the previous page's last). */
  beforeId?: Id;
  limit: number;
}

/**
 * Groups of conversations, one search each, whose tokens the match requires: the user's smallest
 * conversations together while they fit the group's budget, each larger one alone. Null when the
 * membership join alone narrows (too many conversations, or too many too large).
 */
async function conversationGroups(ctx: RepoCtx, userId: Id, conversationId: Id | undefined): Promise<Id[][] | null> {
  if (conversationId !== undefined) return [[conversationId]];
  const mine = await rows(
    ctx.em,
    `SELECT cm.conversation_id, c.last_seq FROM conversation_members cm JOIN conversations c ON c.id = cm.conversation_id WHERE cm.user_id = ? LIMIT ${GROUP_CONVERSATIONS_MAX + ALONE_MAX + 1}`,
    [userId],
  );
  if (mine.length > GROUP_CONVERSATIONS_MAX + ALONE_MAX) return null;
  const group: Id[] = [];
  const alone: Id[][] = [];
  let messages = 0;
  for (const r of mine.sort((a, b) => num(a.last_seq) - num(b.last_seq))) {
    const size = num(r.last_seq);
    if (group.length < GROUP_CONVERSATIONS_MAX && messages + size <= GROUP_MESSAGES_MAX) {
      group.push(idOf(r.conversation_id));
      messages += size;
    } else {
      alone.push([idOf(r.conversation_id)]);
    }
  }
  if (alone.length > ALONE_MAX) return null;
  return group.length > 0 ? [group, ...alone] : alone;
}

/** `+token` for one conversation, `+(token token …)` for several (a group of one would cost as much as a long one). */
function required(group: Id[]): string {
  return group.length === 1 ? `+${conversationToken(group[0]!)}` : `+(${group.map(conversationToken).join(' ')})`;
}

const newestFirst = (a: MessageView, b: MessageView): number => (BigInt(b.id) > BigInt(a.id) ? 1 : BigInt(b.id) < BigInt(a.id) ? -1 : 0);

/** Matching messages, newest (highest id) first. A query with no letter or digit is refused. */
export async function searchMessages(ctx: RepoCtx, input: SearchInput): Promise<MessageView[]> {
  checkId('userId', input.userId);
  if (input.conversationId !== undefined) checkId('conversationId', input.conversationId);
  if (input.beforeId !== undefined) checkId('beforeId', input.beforeId);
  checkInt('limit', input.limit, 1, LIMIT_MAX);
  const words = booleanQuery(checkString('query', input.query, { min: 1, max: QUERY_MAX }));
  if (words === null) throw new ValidationError('query', 'has no letter or digit to search for');

  const where = ['MATCH (s.body) AGAINST (? IN BOOLEAN MODE)', 'm.deleted = 0', 'm.recalled = 0'];
  const params: unknown[] = [];
  if (input.conversationId !== undefined) {
    where.push('s.conversation_id = ?');
    params.push(input.conversationId);
  }
  if (input.beforeId !== undefined) {
    where.push('s.message_id < ?');
    params.push(input.beforeId);
  }
  const page = async (against: string) => (await rows(
    ctx.em,
    `SELECT ${MESSAGE_COLUMNS} FROM message_search s
      JOIN conversation_members cm ON cm.conversation_id = s.conversation_id AND cm.user_id = ?
      JOIN messages m ON m.id = s.message_id
      WHERE ${where.join(' AND ')}
      ORDER BY s.message_id DESC LIMIT ?`,
    [input.userId, against, ...params, input.limit],
  )).map(toMessageView);

  const groups = await conversationGroups(ctx, input.userId, input.conversationId);
  if (groups === null) return page(words);
  // The groups hold different conversations: the newest of their pages merged are the page.
  const found: MessageView[] = [];
  for (const group of groups) found.push(...(await page(`${words} ${required(group)}`)));
  return groups.length === 1 ? found : found.sort(newestFirst).slice(0, input.limit);
}
