// `npm run migrate`: applies pending migrations (also run at the start of `npm start`).
// `npm run migrate -- create [name]`: writes a new migration from the entity definitions' diff
// against the database; register it in repo/migrations/index.ts and commit both.
import { loadConfigOrExit } from '../config/index.ts';
import { runMigrations } from '../repo/migrate.ts';
import { createOrm } from '../repo/orm.ts';

const config = loadConfigOrExit();
const [command = 'up', name] = process.argv.slice(2);

if (command === 'up') {
  const applied = await runMigrations(config);
  console.log(applied.length === 0 ? 'migrations: up to date' : `migrations applied: ${applied.join(', ')}`);
} else if (command === 'create') {
  const orm = await createOrm(config);
  try {
    const result = await orm.migrator.create(undefined, false, false, name);
    if (!result.fileName) console.log('no schema changes: nothing to generate');
    else console.log(`created ${result.fileName}: add it to repo/migrations/index.ts`);
  } finally {
    await orm.close(true);
  }
} else {
  console.error(`unknown command "${command}": use "up" (default) or "create [name]"`);
  process.exit(64);
}
