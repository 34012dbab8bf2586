// Compiled checkers for contract schemas, and one way to say what is wrong with a value:
// the first problem, naming the field, in words a client author understands.
import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';

/** The parts of a TypeBox (or Ajv) validation error this module reads. */
export interface SchemaError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

const firstName = (v: unknown): string | undefined => (Array.isArray(v) ? firstName(v[0]) : typeof v === 'string' ? v : undefined);

const FORMAT_WORDS: Record<string, string> = {
  'gochat-id': 'must be a decimal id string from 1 to 18446744073709551615',
};

/** `{ field: 'conversation_id', problem: 'must be a decimal id string …' }` for the most telling error. */
export function describeSchemaErrors(errors: readonly SchemaError[], prefix?: string): { field: string; problem: string } {
  const join = (...parts: (string | undefined)[]) => parts.filter(Boolean).join('.');
  const path = (e: SchemaError) => e.instancePath.split('/').filter(Boolean).join('.');
  const extra = errors.find((e) => e.keyword === 'additionalProperties');
  if (extra) {
    const name = firstName(extra.params.additionalProperties) ?? firstName(extra.params.additionalProperty);
    return { field: join(prefix, path(extra), name), problem: 'unknown field' };
  }
  const missing = errors.find((e) => e.keyword === 'required');
  if (missing) {
    const name = firstName(missing.params.requiredProperties) ?? firstName(missing.params.missingProperty);
    return { field: join(prefix, path(missing), name), problem: 'is required' };
  }
  // Errors about a value itself, rather than the union or object around it, say the most.
  const specific = errors.find((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && e.keyword !== 'boolean') ?? errors[0];
  if (!specific) return { field: prefix ?? 'value', problem: 'is invalid' };
  const format = specific.keyword === 'format' ? FORMAT_WORDS[String(specific.params.format)] : undefined;
  return { field: join(prefix, path(specific)) || (prefix ?? 'value'), problem: format ?? specific.message ?? 'is invalid' };
}

/**
 * An untrusted value in an error message: bounded, and never serialised whole (a deeply nested
 * value would overflow the stack of JSON.stringify).
 */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  return Array.isArray(value) ? 'an array' : `a value of type ${typeof value}`;
}

export interface Checker<T extends TSchema> {
  check(value: unknown): value is Static<T>;
  /** Undefined when valid, otherwise the first problem. */
  problem(value: unknown, prefix?: string): { field: string; problem: string } | undefined;
}

export function checker<T extends TSchema>(schema: T): Checker<T> {
  const compiled = Compile(schema);
  return {
    check: (value): value is Static<T> => compiled.Check(value),
    problem(value, prefix) {
      if (compiled.Check(value)) return undefined;
      return describeSchemaErrors(compiled.Errors(value), prefix);
    },
  };
}
