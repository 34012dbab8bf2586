// Adding and taking back a reaction: the whole write (checks, row, version) in one transaction.
// Every change of one message's reactions locks its version row first, so the bound on
// distinct kinds holds under any concurrency and versions count the changes exactly.
import { isReactionEmoji, REACTION_EMOJI_RULE, type ReactionCount, type ReactionOp } from '../../contract/index.ts';
import type { RepoCtx } from '../context.ts';
import type { Em } from '../orm.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { bool, idOf, inTransaction, num, rows, run } from '../sql.ts';
import type { Id } from '../types.ts';
import { checkId, checkInt } from '../validate.ts';
import { selectReactions } from './summaries.ts';

export interface ReactionInput {
  conversationId: Id;
  messageId: Id;
  userId: Id;
  emoji: string;
  op: ReactionOp;
  /** Distinct kinds a message may carry. */
  maxKinds: number;
  now?: number;
}

export interface ReactionResult {
  seq: number;
  /** False when it was already so (added twice, or taking back one never given): nothing written. */
  changed: boolean;
  /** Raised by every change of this message's reactions. */
  version: number;
  /** Every kind now, as the acting user sees it. */
  reactions: ReactionCount[];
}

/**
 * Adds or takes back `userId`'s `emoji` on a message of `conversationId`. Refused, with nothing
 * written, when the message is not in that conversation (`not_found`), the user is not a member
 * (`not_member`), the message was recalled or deleted (`message_recalled`), or adding would
 * make more than `maxKinds` kinds (`reaction_limit`). Doing what is already so writes nothing.
 */
export async function setReaction(ctx: RepoCtx, input: ReactionInput): Promise<ReactionResult> {
  const { conversationId, messageId, userId, emoji, op } = input;
  checkId('conversationId', conversationId);
  checkId('messageId', messageId);
  checkId('userId', userId);
  if (!isReactionEmoji(emoji)) throw new ValidationError('emoji', REACTION_EMOJI_RULE);
  if (op !== 'add' && op !== 'remove') throw new ValidationError('op', "must be 'add' or 'remove'");
  const maxKinds = checkInt('maxKinds', input.maxKinds, 1, 1000);
  const now = new Date(input.now ?? Date.now());

  return inTransaction(ctx.em, async (tem): Promise<ReactionResult> => {
    // Every read before the version row's lock is a locking read: under REPEATABLE READ the first
    // plain read fixes the snapshot, which must not be older than the last change committed by
    // whoever held that lock before. A shared lock on the message also makes a recall wait for
    // this change to commit (or this one see it recalled).
    const [msg] = await rows(tem, 'SELECT conversation_id, seq_id, recalled, deleted FROM messages WHERE id = ? LOCK IN SHARE MODE', [messageId]);
    if (!msg || idOf(msg.conversation_id) !== conversationId) throw new NotFoundError('message', messageId);
    const [member] = await rows(tem, 'SELECT 1 AS ok FROM conversation_members WHERE conversation_id = ? AND user_id = ? LOCK IN SHARE MODE', [conversationId, userId]);
    if (!member) throw new ForbiddenError('not_member', `user ${userId} is not a member of conversation ${conversationId}`);
    if (bool(msg.recalled) || bool(msg.deleted)) throw new ConflictError('message_recalled', `message ${messageId} was recalled: its reactions can no longer change`);
    const seq = num(msg.seq_id);

    // Creates the version row on the first reaction and locks it in every case.
    await run(
      tem,
      `INSERT INTO message_reaction_versions (message_id, conversation_id, seq_id, version, changed_at) VALUES (?, ?, ?, 0, ?)
       ON DUPLICATE KEY UPDATE message_id = message_id`,
      [messageId, conversationId, seq, now],
    );
    const changed = op === 'add' ? await add(tem, messageId, userId, emoji, maxKinds, now) : await remove(tem, messageId, userId, emoji);
    if (changed) await run(tem, 'UPDATE message_reaction_versions SET version = version + 1, changed_at = ? WHERE message_id = ?', [now, messageId]);
    const [v] = await rows(tem, 'SELECT version FROM message_reaction_versions WHERE message_id = ?', [messageId]);
    const reactions = (await selectReactions(tem, userId, [messageId])).get(messageId) ?? [];
    return { seq, changed, version: num(v?.version ?? 0), reactions };
  });
}

async function add(tem: Em, messageId: Id, userId: Id, emoji: string, maxKinds: number, now: Date): Promise<boolean> {
  const kinds = await rows(tem, 'SELECT emoji, MAX(user_id = ?) AS mine FROM message_reactions WHERE message_id = ? GROUP BY emoji LOCK IN SHARE MODE', [userId, messageId]);
  const same = kinds.find((k) => k.emoji === emoji);
  if (same && bool(num(same.mine))) return false;
  if (!same && kinds.length >= maxKinds) {
    throw new ConflictError('reaction_limit', `message ${messageId} already carries ${kinds.length} kinds of reaction, the most allowed: add one of those`);
  }
  await run(tem, 'INSERT INTO message_reactions (message_id, user_id, emoji, created_at) VALUES (?, ?, ?, ?)', [messageId, userId, emoji, now]);
  return true;
}

async function remove(tem: Em, messageId: Id, userId: Id, emoji: string): Promise<boolean> {
  const res = await run(tem, 'DELETE FROM message_reactions WHERE message_id = ? AND user_id = ? AND emoji = ?', [messageId, userId, emoji]);
  return res.affectedRows > 0;
}
