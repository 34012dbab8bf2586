// The one world conversation (type 3) that every user, guests included, reads and writes. Its
// identity lives in MySQL: the unique pair_key 'world' makes a second one impossible, also when
// several gateways create it at the same moment.
import type { RepoCtx } from '../context.ts';
import { isUniqueViolation, rows, run, inTransaction } from '../sql.ts';
import type { ConversationView, Id } from '../types.ts';
import { checkId, checkString } from '../validate.ts';
import { CONVERSATION_NAME_MAX } from './conversation.entity.ts';
import { insertMembers } from './members.ts';
import { requireUsers, selectConversation } from './queries.ts';
import { CONVERSATION_COLUMNS, toConversationView } from './views.ts';

const WORLD_KEY = 'world';

async function findWorldConversation(ctx: RepoCtx): Promise<ConversationView | null> {
  const [row] = await rows(ctx.em, `SELECT ${CONVERSATION_COLUMNS} FROM conversations c WHERE c.pair_key = ?`, [WORLD_KEY]);
  return row ? toConversationView(row) : null;
}

/** Finds the world conversation, creating it (owned by `ownerId`) the first time. */
export async function ensureWorldConversation(ctx: RepoCtx, ownerId: Id, name = 'World'): Promise<ConversationView> {
  checkId('ownerId', ownerId);
  checkString('name', name, { min: 1, max: CONVERSATION_NAME_MAX });
  const existing = await findWorldConversation(ctx);
  if (existing) return existing;
  await requireUsers(ctx.em, [ownerId]);
  try {
    return await inTransaction(ctx.em, async (tem) => {
      const now = new Date();
      const res = await run(
        tem,
        'INSERT INTO conversations (type, name, owner_id, pair_key, member_count, last_seq, version, created_at, updated_at) VALUES (3, ?, ?, ?, 1, 0, 0, ?, ?)',
        [name, ownerId, WORLD_KEY, now, now],
      );
      await insertMembers(tem, res.insertId, [ownerId], 'owner', 0, now);
      const view = await selectConversation(tem, res.insertId);
      if (!view) throw new Error(`conversation ${res.insertId} vanished inside its own transaction`);
      return view;
    });
  } catch (err) {
    if (!isUniqueViolation(err, 'uq_conversations_pair_key')) throw err;
    const raced = await findWorldConversation(ctx);
    if (!raced) throw err;
    return raced;
  }
}
