import { NotFoundError } from '../errors.ts';
import type { Em } from '../orm.ts';
import { idOf, marks, rows } from '../sql.ts';
import type { ConversationView, Id } from '../types.ts';
import { CONVERSATION_COLUMNS, toConversationView } from './views.ts';

export const DEFAULT_MAX_MEMBERS = 200_000;

/** The unique key of a pair's single conversation: "{lowId}:{highId}". */
export function singlePairKey(a: Id, b: Id): string {
  return BigInt(a) < BigInt(b) ? `${a}:${b}` : `${b}:${a}`;
}

/** Throws NotFoundError for the first id that has no user. */
export async function requireUsers(em: Em, ids: Id[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    const found = new Set((await rows(em, `SELECT id FROM users WHERE id IN (${marks(chunk.length)})`, chunk)).map((r) => idOf(r.id)));
    const missing = chunk.find((id) => !found.has(id));
    if (missing !== undefined) throw new NotFoundError('user', missing);
  }
}

/** `lock` takes the row lock that serialises seq assignment and member changes of a conversation. */
export async function selectConversation(em: Em, id: Id, lock = false): Promise<ConversationView | null> {
  const [row] = await rows(em, `SELECT ${CONVERSATION_COLUMNS} FROM conversations c WHERE c.id = ?${lock ? ' FOR UPDATE' : ''}`, [id]);
  return row ? toConversationView(row) : null;
}
