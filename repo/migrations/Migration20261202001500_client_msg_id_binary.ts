import { Migration } from '@mikro-orm/migrations';

/**
 * client_msg_id is compared byte for byte: with the table's case-insensitive collation, 'abc'
 * and 'ABC' from one sender were one key, and the second send was answered with the first.
 */
export class Migration20261202001500_client_msg_id_binary extends Migration {
  override name = 'Migration20261202001500_client_msg_id_binary';

  override up(): void | Promise<void> {
    this.addSql('alter table `messages` modify `client_msg_id` varchar(64) character set utf8mb4 collate utf8mb4_bin not null;');
  }

  override down(): void | Promise<void> {
    this.addSql('alter table `messages` modify `client_msg_id` varchar(64) character set utf8mb4 collate utf8mb4_general_ci not null;');
  }
}
