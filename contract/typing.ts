// Plain constants (no schema library), so any client bundle may take them.
// Typing indicators are ephemeral: nothing about them is stored, and a lost one only makes an
// indicator show or hide late. These two numbers are the whole agreement between the gateway
// and clients (docs/protocol.md, "Typing indicators").

/**
 * How long a `start` holds. The typist's gateway sends `stop` when this passes without a
 * forwarded refresh; a client drops an indicator this long after its last `start` even when no
 * `stop` comes (the typist's gateway may have died with it).
 */
export const TYPING_TTL_MS = 6000;

/**
 * A connection's `start`s for one conversation are forwarded at most this often; one sooner is
 * dropped without an answer. Clients refresh a `start` every TYPING_REFRESH_MS while typing.
 */
export const TYPING_MIN_INTERVAL_MS = 2000;

/** How often a client typing without pause sends `start` again: above the minimum, well under the TTL. */
export const TYPING_REFRESH_MS = 3000;

export type TypingState = 'start' | 'stop';
