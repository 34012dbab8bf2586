// Small helpers for the hand-written SQL: row decoding and retrying transient lock errors.
import { DeadlockException, LockWaitTimeoutException, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Em } from './orm.ts';

export type Row = Record<string, unknown>;

/** mysql2 gives BIGINT as number when it fits a double and as string otherwise. */
export function idOf(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}

export function idOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : idOf(value);
}

export function num(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

/** DATETIME(3) values come back as UTC strings ("YYYY-MM-DD hh:mm:ss.fff"); dates go in as UTC. */
export function ms(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  return Date.parse(`${String(value).replace(' ', 'T')}Z`);
}

export function msOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : ms(value);
}

export function bool(value: unknown): boolean {
  return value === true || value === 1 || value === '1';
}

export function isUniqueViolation(err: unknown, key?: string): boolean {
  if (!(err instanceof UniqueConstraintViolationException)) return false;
  return key === undefined || err.message.includes(key);
}

/**
 * Runs `work` in a transaction, retrying when InnoDB picks it as a deadlock victim or a lock wait
 * times out: both roll the whole transaction back, so a retry is safe.
 */
export async function inTransaction<T>(em: Em, work: (tem: Em) => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await em.fork().transactional((tem) => work(tem));
    } catch (err) {
      const transient = err instanceof DeadlockException || err instanceof LockWaitTimeoutException;
      if (!transient || attempt >= attempts) throw err;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
    }
  }
}

export async function rows(em: Em, sql: string, params: unknown[] = []): Promise<Row[]> {
  return em.execute<Row[]>(sql, params);
}

export async function run(em: Em, sql: string, params: unknown[] = []): Promise<{ affectedRows: number; insertId: string }> {
  const res = await em.execute<{ affectedRows: number; insertId: number | string }>(sql, params, 'run');
  return { affectedRows: res.affectedRows, insertId: idOf(res.insertId) };
}

/** "?, ?, ?" for an IN list. */
export function marks(count: number): string {
  return new Array<string>(count).fill('?').join(', ');
}
