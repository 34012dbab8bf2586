import { describe, expect, it } from 'vitest';
import { runMigrations } from '../../repo/index.ts';
import { testConfig } from '../helpers/config.ts';
import { setupFixture } from './fixture.ts';

const f = await setupFixture();

describe('migrations', () => {
  it('are applied by the global setup, and a second run has nothing to do', async () => {
    expect(await runMigrations(testConfig())).toEqual([]);
    expect(await f.orm.migrator.getPending()).toEqual([]);
    const tables = await f.orm.em.fork().execute<{ t: string }[]>(
      "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name IN ('users','friendship_requests','friendships','conversations','conversation_members','messages','user_read_pointers')",
    );
    expect(tables).toHaveLength(7);
  });
});
