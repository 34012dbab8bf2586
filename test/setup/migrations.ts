// Runs once before all suites: brings the shared test database to the latest schema.
import { runMigrations } from '../../repo/migrate.ts';
import { testConfig } from '../helpers/config.ts';

export default async function setup(): Promise<void> {
  await runMigrations(testConfig());
}
