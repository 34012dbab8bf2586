// Offline push: the operator's webhook and how notifications are batched and retried.
import type { EnvReader } from './env.ts';

export function pushConfig(_e: EnvReader) {
  return {};
}
