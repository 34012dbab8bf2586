// Download links: a URL naming the attachment, the variant and an expiry, with an HMAC-SHA256 of
// the three. Anyone holding it may fetch the bytes until it expires, without a token (an <img>
// cannot send one); only members are given one. Checked in constant time.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AttachmentVariant } from '../../contract/index.ts';

export type LinkCheck = 'ok' | 'invalid' | 'expired';

/**
 * The signing key: ATTACHMENTS_URL_SECRET, or else one derived from the JWT secret (production
 * requires that to be a secret of its own), so a token's key never signs a link as it is.
 */
export function linkKey(urlSecret: string | undefined, jwtSecret: string): Buffer {
  return urlSecret !== undefined ? Buffer.from(urlSecret, 'utf8') : createHmac('sha256', jwtSecret).update('gochat attachment download links').digest();
}

export function createLinkSigner(key: Buffer) {
  const sign = (id: string, variant: AttachmentVariant, expires: number): string =>
    createHmac('sha256', key).update(`gochat-attachment\n${id}\n${variant}\n${expires}`).digest('base64url');
  return {
    sign,
    /** Signature first: an altered link learns nothing, not even whether it expired. */
    check(id: string, variant: AttachmentVariant, expires: number, signature: string, nowSeconds: number): LinkCheck {
      const want = Buffer.from(sign(id, variant, expires), 'latin1');
      const given = Buffer.from(signature, 'latin1');
      if (given.length !== want.length || !timingSafeEqual(given, want)) return 'invalid';
      return expires < nowSeconds ? 'expired' : 'ok';
    },
  };
}

export type LinkSigner = ReturnType<typeof createLinkSigner>;
