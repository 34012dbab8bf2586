import { Migration } from '@mikro-orm/migrations';

/**
 * Blocks and unfriending (docs/protocol.md, "Blocks and unfriending").
 * - `user_blocks`: one row per (blocker, blocked). The primary key answers "did A block B", the
 *   index on `blocked_id` "who blocked B"; the store checks both directions of a 1:1 pair.
 * - `conversations.unfriended_at`: set on a 1:1 conversation when its two users stop being
 *   friends, cleared when they become friends again. Sends in it are refused while it is set;
 *   the history stays. A column of the conversation (read with the row the store locks anyway)
 *   keeps the check free of a friendship lookup per message.
 */
export class Migration20261202124000_blocks extends Migration {
  override name = 'Migration20261202124000_blocks';

  override up(): void | Promise<void> {
    this.addSql(
      'create table `user_blocks` (' +
        '`blocker_id` bigint unsigned not null, ' +
        '`blocked_id` bigint unsigned not null, ' +
        '`created_at` datetime(3) not null, ' +
        'primary key (`blocker_id`, `blocked_id`), ' +
        'index `idx_user_blocks_blocked` (`blocked_id`), ' +
        'constraint `user_blocks_blocker_id_foreign` foreign key (`blocker_id`) references `users` (`id`) on delete cascade, ' +
        'constraint `user_blocks_blocked_id_foreign` foreign key (`blocked_id`) references `users` (`id`) on delete cascade' +
        ') default character set utf8mb4 engine = InnoDB;',
    );
    this.addSql('alter table `conversations` add `unfriended_at` datetime(3) null;');
  }

  override down(): void | Promise<void> {
    this.addSql('alter table `conversations` drop column `unfriended_at`;');
    this.addSql('drop table if exists `user_blocks`;');
  }
}
