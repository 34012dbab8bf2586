// Writes to `message_search`, each inside the transaction that changes the message: a message is
// searchable exactly when it is committed, and stops being so with its recall in one commit.
import { chunkBySize, type Statement } from '../multi-statement.ts';
import type { Em } from '../orm.ts';
import { run } from '../sql.ts';
import type { Id } from '../types.ts';
import { isAttachmentMsgType, TEXT_MSG_TYPE } from '../../contract/index.ts';
import { searchBody } from './tokens.ts';

/** Rows per INSERT and bytes of indexed text per INSERT, well under max_allowed_packet (16 MiB). */
const INSERT_ROWS = 500;
const INSERT_BYTES = 4 * 2 ** 20;

export interface NewMessageText {
  conversationId: Id;
  seq: number;
  messageType: number;
  content: string;
}

/**
 * What of a message is searched: its text, or for an image or file its name (its content is the
 * attachment's metadata as JSON, whose keys and types would otherwise match every search).
 */
function searchableText(messageType: number, content: string): string {
  if (!isAttachmentMsgType(messageType)) return content;
  try {
    const name = (JSON.parse(content) as { name?: unknown } | null)?.name;
    return typeof name === 'string' ? name : '';
  } catch {
    return '';
  }
}

/**
 * Multi-row INSERTs indexing messages inserted earlier in the same transaction, found by
 * (conversation, seq): the batch store learns the new ids only afterwards, and this way the
 * index rows travel in the same request as the messages. Text with nothing to index (only
 * punctuation or emoji) gets no row.
 */
export function indexInserts(messages: NewMessageText[]): Statement[] {
  const rows = messages.map((m) => ({ ...m, body: searchBody(m.conversationId, searchableText(m.messageType, m.content)) })).filter((r) => r.body !== '');
  return chunkBySize(rows, (r) => Buffer.byteLength(r.body, 'utf8') + 40, INSERT_BYTES, INSERT_ROWS).map((part) => ({
    sql: `INSERT INTO message_search (message_id, conversation_id, body) VALUES ${part.map(() => '((SELECT id FROM messages WHERE conversation_id = ? AND seq_id = ?), ?, ?)').join(', ')}`,
    params: part.flatMap((r) => [r.conversationId, r.seq, r.conversationId, r.body]),
    bytes: part.reduce((n, r) => n + Buffer.byteLength(r.body, 'utf8'), 0),
  }));
}

/** Indexes one message stored in the transaction `tem` is in. */
export async function indexMessage(tem: Em, messageId: Id, conversationId: Id, messageType: number, content: string): Promise<void> {
  const body = searchBody(conversationId, searchableText(messageType, content));
  if (body !== '') await run(tem, 'INSERT INTO message_search (message_id, conversation_id, body) VALUES (?, ?, ?)', [messageId, conversationId, body]);
}

/** Replaces a message's indexed text (an edit, which only text messages get), in the transaction `tem` is in. */
export async function reindexMessage(tem: Em, messageId: Id, conversationId: Id, text: string): Promise<void> {
  await unindexMessage(tem, messageId);
  await indexMessage(tem, messageId, conversationId, TEXT_MSG_TYPE, text);
}

/** Takes a recalled or deleted message out of the index, in the transaction `tem` is in. */
export async function unindexMessage(tem: Em, messageId: Id): Promise<void> {
  await run(tem, 'DELETE FROM message_search WHERE message_id = ?', [messageId]);
}
