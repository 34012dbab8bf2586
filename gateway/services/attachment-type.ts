// What an upload is, from its first bytes: the signature (magic number) file-type knows, or
// plain UTF-8 text. Neither the file name nor the client's Content-Type is believed.
import { fileTypeFromBuffer } from 'file-type';

/** Bytes read before the type is decided (what file-type reads of a file); the rest is not looked at. */
export const SAMPLE_BYTES = 4100;

/** Types that are images here: decoded, measured and given a thumbnail. Anything else is a file. */
export const IMAGE_TYPES: ReadonlySet<string> = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif']);

/** Unknown bytes: refused unless an operator allows this type itself. */
export const UNKNOWN_TYPE = 'application/octet-stream';

export async function detectType(sample: Uint8Array): Promise<string> {
  const found = await fileTypeFromBuffer(sample);
  if (found) return found.mime;
  return looksLikeText(sample) ? 'text/plain' : UNKNOWN_TYPE;
}

// Text has no signature: valid UTF-8 (a character cut at the sample's end is fine) without NUL
// or other control characters than tab, line breaks and form feed.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/;
function looksLikeText(sample: Uint8Array): boolean {
  try {
    return !CONTROL.test(new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true }));
  } catch {
    return false;
  }
}
