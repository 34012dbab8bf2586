// Checks a record read from the upstream topic against the contract. Anything that fails is
// poison: it goes to the dead-letter topic with the reason instead of blocking its partition.
import { readJson, showValue, upstreamRecord, type UpstreamMessage } from '../contract/index.ts';

export type ParseResult = { ok: true; message: UpstreamMessage } | { ok: false; reason: string; value?: unknown };

export function parseUpstream(raw: Buffer | null, maxContentBytes: number): ParseResult {
  const json = readJson(raw);
  if (!json.ok) return json;
  const v = json.value;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return { ok: false, reason: 'not an object' };
  const kind = (v as { kind?: unknown }).kind;
  if (kind !== 'send') return { ok: false, reason: `unknown kind ${showValue(kind)}`, value: v };
  const problem = upstreamRecord.problem(v);
  if (problem) return { ok: false, reason: `${problem.field}: ${problem.problem}`, value: v };
  const message = v as UpstreamMessage;
  const bytes = Buffer.byteLength(message.content);
  if (bytes > maxContentBytes) return { ok: false, reason: `content exceeds ${maxContentBytes} bytes (${bytes})`, value: v };
  return { ok: true, message };
}
