// What the offline-push workflow reads: who may be notified, of what.
export { getPushAudience, type PushAudience, type PushConversationState } from './audience.ts';
