// What became of one upstream send: stored and delivered (live or by the fan-out workflow), or
// refused with the code its sender is told. The logic worker produces it; its metrics and spans
// read it.
import type { ChatMessage, ErrorCode, UpstreamMessage } from '../contract/index.ts';

export type SendOutcome =
  | { status: 'delivered'; message: ChatMessage; duplicate: boolean; fanout: 'direct' | 'workflow' }
  | { status: 'rejected'; code: ErrorCode; reason: string; upstream: UpstreamMessage };
