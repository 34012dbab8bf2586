// The attachment service's dependencies on the store of record: repo functions, each call in
// its own EntityManager fork (one unit of work).
import * as repo from '../../repo/index.ts';
import type { AttachmentsDeps } from './attachments.ts';

type Ctx = () => repo.RepoCtx;

export function attachmentsRepoDeps(ctx: Ctx): Pick<AttachmentsDeps, 'getAttachment' | 'markSent' | 'createAttachment' | 'completeAttachment' | 'deletePendingAttachment'> {
  return {
    getAttachment: (id) => repo.getAttachment(ctx(), id),
    markSent: (id) => repo.markAttachmentSent(ctx(), id),
    createAttachment: (input) => repo.createAttachment(ctx(), input),
    completeAttachment: (id) => repo.completeAttachment(ctx(), id),
    deletePendingAttachment: (id) => repo.deletePendingAttachment(ctx(), id),
  };
}
