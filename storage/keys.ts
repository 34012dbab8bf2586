// Object keys of an attachment: named after its id, so nothing a client sends becomes a path.
import { isId } from '../contract/id-format.ts';
import { checkKey } from './types.ts';

export type ObjectVariant = 'original' | 'thumbnail';

export function attachmentKey(attachmentId: string, variant: ObjectVariant): string {
  if (!isId(attachmentId)) throw new Error(`invalid attachment id ${JSON.stringify(attachmentId)}`);
  return checkKey(`attachments/${attachmentId}/${variant}`);
}
