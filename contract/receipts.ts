// Plain constants (no schema library), so any client bundle may take them.
// Delivery receipts: each member has a `delivered` pointer beside the read pointer. Devices
// report what they received with a `delivered` frame; these numbers are the agreement on how
// often (docs/protocol.md, "Delivery receipts").

/**
 * A client sends at most one `delivered` frame per conversation this often (the highest seq it
 * holds, not one frame per message); a gateway announces a member's moved pointer at most this
 * often per conversation, with the latest value at the end of the interval.
 */
export const DELIVERED_REPORT_INTERVAL_MS = 1000;

/**
 * Conversations with more members get no `delivered` events: every member's report would reach
 * every member (quadratic traffic). Their senders ask `GET …/receipts` instead.
 */
export const DELIVERED_EVENT_MAX_MEMBERS = 20;
