// Builds the MikroORM instance from Config. The driver follows config.mysql.driver; every query
// the repo writes is plain SQL that both MySQL 8 and MariaDB 10.11 accept.
import type { MikroORM } from '@mikro-orm/core';
import { MikroORM as MySqlMikroORM, type Options, type SqlEntityManager, type AbstractSqlDriver } from '@mikro-orm/mysql';
import { MikroORM as MariaDbMikroORM } from '@mikro-orm/mariadb';
import { Migrator } from '@mikro-orm/migrations';
import type { Config } from '../config/index.ts';
import { entities } from './entities.ts';
import { migrationsList } from './migrations/index.ts';
import { closeMultiStatementPool } from './multi-statement.ts';
import { MYSQL2_OPTIONS } from './mysql2-options.ts';

export type Orm = MikroORM<AbstractSqlDriver, SqlEntityManager>;
/** The unit of work every repo function receives: always a fork (`orm.em.fork()`), never the global one. */
export type Em = SqlEntityManager;

const MIGRATIONS_PATH = new URL('./migrations', import.meta.url).pathname;

function ormOptions(config: Config, overrides: Partial<Options> = {}): Partial<Options> {
  return {
    entities,
    host: config.mysql.host,
    port: config.mysql.port,
    user: config.mysql.user,
    password: config.mysql.password,
    dbName: config.mysql.database,
    pool: { min: 0, max: config.mysql.poolMax },
    driverOptions: MYSQL2_OPTIONS,
    // The database is provisioned by the operator (or the local stack), not by the application.
    ensureDatabase: false,
    debug: false,
    extensions: [Migrator],
    migrations: {
      path: MIGRATIONS_PATH,
      migrationsList,
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      emit: 'ts',
      silent: true,
      // The committed snapshot is the entity model, written by `migrate create` only; never from a live database.
      snapshotOnMigrate: false,
    },
    ...overrides,
  };
}

export async function createOrm(config: Config, overrides: Partial<Options> = {}): Promise<Orm> {
  const options = ormOptions(config, overrides);
  const orm = config.mysql.driver === 'mariadb'
    ? await MariaDbMikroORM.init(options as never)
    : await MySqlMikroORM.init(options);
  // The batch store's own pool (multi-statement.ts) closes with the ORM.
  const close = orm.close.bind(orm);
  orm.close = async (force?: boolean) => {
    await closeMultiStatementPool(orm.em.getDriver());
    await close(force);
  };
  return orm as unknown as Orm;
}
