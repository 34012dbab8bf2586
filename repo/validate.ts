// Input checks shared by the repo functions. They run before any SQL, so bad input fails with a
// ValidationError naming the field and nothing is written.
import { isId, showValue } from '../contract/index.ts';
import { ValidationError } from './errors.ts';
import type { Id } from './types.ts';

export function checkId(field: string, value: unknown): Id {
  if (!isId(value)) {
    throw new ValidationError(field, `must be a positive 64-bit integer as a decimal string, got ${showValue(value)}`);
  }
  return value;
}

export function checkIds(field: string, values: unknown, max = 10_000): Id[] {
  if (!Array.isArray(values)) throw new ValidationError(field, `must be an array of ids, got ${showValue(values)}`);
  if (values.length > max) throw new ValidationError(field, `at most ${max} ids, got ${values.length}`);
  return [...new Set(values.map((v, i) => checkId(`${field}[${i}]`, v)))];
}

export function checkString(field: string, value: unknown, opts: { min?: number; max: number; pattern?: RegExp; hint?: string }): string {
  if (typeof value !== 'string') throw new ValidationError(field, `must be a string, got ${showValue(value)}`);
  const length = [...value].length;
  if (length < (opts.min ?? 0)) throw new ValidationError(field, `must be at least ${opts.min} characters`);
  if (length > opts.max) throw new ValidationError(field, `must be at most ${opts.max} characters, got ${length}`);
  if (opts.pattern && !opts.pattern.test(value)) throw new ValidationError(field, `must be ${opts.hint ?? `like ${String(opts.pattern)}`}`);
  return value;
}

export function checkOptionalString(field: string, value: unknown, opts: { max: number }): string | null {
  if (value === undefined || value === null) return null;
  return checkString(field, value, opts);
}

export function checkInt(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new ValidationError(field, `must be an integer from ${min} to ${max}, got ${showValue(value)}`);
  }
  return value;
}

export function checkBool(field: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new ValidationError(field, `must be a boolean, got ${showValue(value)}`);
  return value;
}
