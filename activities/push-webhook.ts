// The operator's push service over HTTP: one signed POST per attempt (docs/push.md, "Signature").
// The signature covers the timestamp and the exact body, so a receiver can refuse forgeries and
// replays of old requests; each attempt signs anew with its own timestamp.
import { createHmac } from 'node:crypto';
import {
  PUSH_DELIVERY_HEADER,
  PUSH_SIGNATURE_HEADER,
  PUSH_SIGNATURE_PREFIX,
  PUSH_TIMESTAMP_HEADER,
  pushSignedPayload,
} from '../contract/index.ts';
import type { PushWebhook } from './push-deps.ts';

export function signPushPayload(secret: string, timestamp: number, body: string): string {
  return `${PUSH_SIGNATURE_PREFIX}${createHmac('sha256', secret).update(pushSignedPayload(timestamp, body)).digest('hex')}`;
}

/** Retry-After as delay-seconds or an HTTP date, in ms from now. */
export function retryAfterMs(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export function httpPushWebhook(opts: { url: string; secret: string; timeoutMs: number; now?: () => number }): PushWebhook {
  const now = opts.now ?? Date.now;
  return {
    async post(deliveryId, body) {
      const timestamp = Math.floor(now() / 1000);
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'user-agent': 'GoChat-Push/1',
        [PUSH_TIMESTAMP_HEADER]: String(timestamp),
        [PUSH_DELIVERY_HEADER]: deliveryId,
      };
      // Unsigned only where configuration allows no secret (outside production).
      if (opts.secret) headers[PUSH_SIGNATURE_HEADER] = signPushPayload(opts.secret, timestamp, body);
      const res = await fetch(opts.url, {
        method: 'POST',
        headers,
        body,
        // A redirect is the receiver's misconfiguration; following it would resend the body elsewhere.
        redirect: 'manual',
        signal: AbortSignal.timeout(opts.timeoutMs),
      });
      // The answer's body is not used; reading it lets the connection be reused.
      await res.arrayBuffer().catch(() => undefined);
      const retryAfter = retryAfterMs(res.headers.get('retry-after'), now());
      return retryAfter === undefined ? { status: res.status } : { status: res.status, retryAfterMs: retryAfter };
    },
  };
}
