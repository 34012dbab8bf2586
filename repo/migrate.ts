// Applies pending migrations: used by `npm run migrate`, `npm start` and the test global setup.
import type { Config } from '../config/index.ts';
import { createOrm } from './orm.ts';

export async function runMigrations(config: Config): Promise<string[]> {
  const orm = await createOrm(config);
  try {
    const applied = await orm.migrator.up();
    return applied.map((m) => m.name);
  } finally {
    await orm.close(true);
  }
}
