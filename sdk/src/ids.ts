// Client-side ids: fresh client_msg_ids, and the user a token names.

/** A client_msg_id: time plus 96 random bits, within the contract's 1-64 of [A-Za-z0-9_.:-]. */
export function newClientMsgId(): string {
  // getRandomValues, unlike randomUUID, also exists on pages served over plain http.
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(12));
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return `c${Date.now().toString(36)}-${hex}`;
}

/** The `sub` of a JWT (the user id), read without verifying it: the server verifies. */
export function userIdOfToken(token: string): string | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const b64 = payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '=');
    const claims = JSON.parse(atob(b64)) as { sub?: unknown };
    return typeof claims.sub === 'string' ? claims.sub : undefined;
  } catch {
    return undefined;
  }
}
