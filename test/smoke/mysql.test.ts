// A row written and read back through MikroORM on the stack's MariaDB/MySQL, in a table of its
// own that the test creates and drops, so it depends on nothing but the driver and the server.
import { defineEntity, p, MikroORM } from '@mikro-orm/mysql';
import { describe, expect, it } from 'vitest';
import { testConfig, uniqueName } from '../helpers/config.ts';

describe('smoke: MySQL through MikroORM', () => {
  it('writes a row and reads it back', async () => {
    const config = testConfig();
    const table = uniqueName('smoke');
    const SmokeRow = defineEntity({
      name: 'SmokeRow',
      tableName: table,
      properties: {
        id: p.bigint('string').primary().autoincrement(),
        body: p.string().length(200),
        createdAt: p.datetime().onCreate(() => new Date()),
      },
    });
    const orm = await MikroORM.init({
      entities: [SmokeRow],
      host: config.mysql.host,
      port: config.mysql.port,
      user: config.mysql.user,
      password: config.mysql.password,
      dbName: config.mysql.database,
      debug: false,
    });
    try {
      await orm.schema.create();
      const em = orm.em.fork();
      const row = em.create(SmokeRow, { body: 'hello, 你好' });
      await em.flush();
      expect(typeof row.id).toBe('string');

      const found = await orm.em.fork().findOneOrFail(SmokeRow, { id: row.id });
      expect(found.body).toBe('hello, 你好');
    } finally {
      await orm.em.getConnection().execute(`DROP TABLE IF EXISTS \`${table}\``);
      await orm.close(true);
    }
  });
});
