import { Migration } from '@mikro-orm/migrations';

/**
 * Where each gateway is in its downstream topic moves from the committed offsets of a Kafka group
 * nobody joins to MariaDB: storing a group's offsets failed whenever two saves met. Gateway ids
 * and topic names are ASCII and case-sensitive (Kafka tells `gw1` from `GW1`), hence ascii_bin.
 */
export class Migration20261202020000_gateway_positions extends Migration {
  override name = 'Migration20261202020000_gateway_positions';

  override up(): void | Promise<void> {
    this.addSql(
      'create table `gateway_positions` (' +
        '`gateway_id` varchar(64) character set ascii collate ascii_bin not null, ' +
        '`topic` varchar(249) character set ascii collate ascii_bin not null, ' +
        '`partition_no` int not null, ' +
        '`next_offset` bigint unsigned not null, ' +
        '`updated_at` timestamp(3) not null default current_timestamp(3), ' +
        'primary key (`gateway_id`, `topic`, `partition_no`)' +
        ') default character set utf8mb4 engine = InnoDB;',
    );
  }

  override down(): void | Promise<void> {
    this.addSql('drop table if exists `gateway_positions`;');
  }
}
