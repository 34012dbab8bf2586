// What a batch save answers per message, the checks every input gets before it is stored, and
// the one-message save saveMessagesAcross (save-across.ts) falls back to after losing a race.
import type { RepoCtx } from '../context.ts';
import { ConflictError, RepoError, ValidationError } from '../errors.ts';
import type { Id, SavedMessage, SaveMessageInput } from '../types.ts';
import { checkId, checkInt, checkString } from '../validate.ts';
import { CLIENT_MSG_ID_MAX, CONTENT_MAX_BYTES } from './message.entity.ts';
import { saveMessage } from './messages.ts';
import { checkReferences, MessageReferenceError, type ReferenceRefusal } from './references.ts';
import type { SendRefusalCode } from './send-rules.ts';

/** Per input: stored (or found stored before), or refused with the reason. */
export type BatchSaveResult =
  | { ok: true; saved: SavedMessage }
  | { ok: false; code: SendRefusalCode | 'not_found' | 'invalid_input' | 'client_msg_id_reused' | ReferenceRefusal; message: string };

const REFUSED_CODES = new Set<string>(['not_member', 'muted', 'group_muted', 'blocked', 'not_friends', 'group_dissolved', 'not_found', 'invalid_input']);

/** Why an input cannot be stored, or undefined when it can be. */
export function validateInput(conversationId: Id, input: SaveMessageInput, maxBytes: number): string | undefined {
  try {
    if (input.conversationId !== conversationId) throw new ValidationError('conversationId', `must be ${conversationId} in this batch`);
    checkId('senderId', input.senderId);
    checkString('clientMsgId', input.clientMsgId, { min: 1, max: CLIENT_MSG_ID_MAX });
    checkInt('messageType', input.messageType, 0, 65_535);
    checkString('content', input.content, { max: CONTENT_MAX_BYTES });
    const bytes = Buffer.byteLength(input.content, 'utf8');
    if (bytes > maxBytes) throw new ValidationError('content', `must be at most ${maxBytes} bytes of UTF-8, got ${bytes}`);
    checkReferences(input);
    return undefined;
  } catch (err) {
    if (err instanceof RepoError) return err.message;
    throw err;
  }
}

export const pairKey = (senderId: Id, clientMsgId: string): string => `${senderId}\u0000${clientMsgId}`;

/** One message on its own (the path after a concurrent writer won a race), answered like a batch. */
export async function saveOne(ctx: RepoCtx, input: SaveMessageInput, maxBytes: number): Promise<BatchSaveResult> {
  try {
    return { ok: true, saved: await saveMessage(ctx, input, { maxContentBytes: maxBytes }) };
  } catch (err) {
    if (err instanceof ConflictError && err.reason === 'client_msg_id_reused') return { ok: false, code: 'client_msg_id_reused', message: err.message };
    if (err instanceof MessageReferenceError) return { ok: false, code: err.code, message: err.message };
    if (err instanceof RepoError && REFUSED_CODES.has(err.code)) {
      return { ok: false, code: err.code as SendRefusalCode | 'not_found' | 'invalid_input', message: err.message };
    }
    throw err;
  }
}
