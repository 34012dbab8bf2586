// Every migration, in order. Listed explicitly so they run from source without file discovery.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261121233613_initial } from './Migration20261121233613_initial.ts';

export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261121233613_initial', class: Migration20261121233613_initial },
];
