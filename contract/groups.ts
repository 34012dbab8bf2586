// Group administration and per-member conversation settings (docs/protocol.md, "Group
// administration", "Conversation settings"): the bounds the REST schemas and the store share.

/** Characters of a group's announcement. */
export const ANNOUNCEMENT_MAX_CHARS = 2000;

/** The longest timed mute: a year and a day; a mute without `duration_seconds` has no end. */
export const MUTE_MAX_SECONDS = 366 * 24 * 3600;
