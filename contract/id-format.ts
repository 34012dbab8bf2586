// The id format alone, with no schema library: what clients that bundle for a browser import
// (the web client's routes) besides the schemas' users. ids.ts builds the schemas on it.

export const ID_PATTERN = '^[1-9][0-9]{0,19}$';
export const MAX_ID = 18446744073709551615n;
const ID_RE = new RegExp(ID_PATTERN);

/** A decimal string from 1 to 2^64-1 (a pattern alone cannot bound a 20-digit number). */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_RE.test(value) && (value.length < 20 || BigInt(value) <= MAX_ID);
}
