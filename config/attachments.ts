// Attachments: where uploaded files are kept and what an upload may be.
import type { EnvReader } from './env.ts';

export function attachmentsConfig(_e: EnvReader) {
  return {};
}
