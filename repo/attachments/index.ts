// Uploaded objects: their rows and the rule that a message may reference only a complete one.
export {
  createAttachment, completeAttachment, deletePendingAttachment, getAttachment, markAttachmentSent,
  type AttachmentView, type NewAttachment,
} from './attachments.ts';
