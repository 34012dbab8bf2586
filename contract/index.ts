// The contract: every shape that crosses a boundary of GoChat (REST bodies, WebSocket frames,
// Kafka records, workflow inputs), the id format and the one list of error codes.
export * from './ids.ts';
export * from './errors.ts';
export * from './events.ts';
export * from './messages.ts';
export * from './replies.ts';
export * from './typing.ts';
export * from './reactions.ts';
export * from './receipts.ts';
export * from './groups.ts';
export * from './attachments.ts';
export * from './push.ts';
export * from './frames.ts';
export * from './records.ts';
export * from './validate.ts';
export * from './tracing.ts';
