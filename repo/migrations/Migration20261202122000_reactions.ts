import { Migration } from '@mikro-orm/migrations';

/**
 * Reactions and delivery receipts (docs/protocol.md).
 * - `message_reactions`: one row per (message, user, emoji). The emoji compares byte for byte
 *   (utf8mb4_bin): the general collations take many distinct emoji for equal.
 * - `message_reaction_versions`: per reacted message, a counter raised by every change and the
 *   time of the last one. Writers lock its row, which serialises the changes of one message (the
 *   bound on distinct kinds holds under concurrency); the time tells a reconnecting device which
 *   messages it holds had their reactions changed, removals included (a removal leaves no row in
 *   `message_reactions`).
 * - `user_read_pointers.last_delivered_seq_id`: the member's delivered pointer. Read implies
 *   delivered: readers take the greater of the two, so existing rows need no back-fill.
 */
export class Migration20261202122000_reactions extends Migration {
  override name = 'Migration20261202122000_reactions';

  override up(): void | Promise<void> {
    this.addSql(
      'create table `message_reactions` (' +
        '`message_id` bigint unsigned not null, ' +
        '`user_id` bigint unsigned not null, ' +
        '`emoji` varchar(32) character set utf8mb4 collate utf8mb4_bin not null, ' +
        '`created_at` datetime(3) not null, ' +
        'primary key (`message_id`, `user_id`, `emoji`), ' +
        'constraint `message_reactions_message_id_foreign` foreign key (`message_id`) references `messages` (`id`) on delete cascade, ' +
        'constraint `message_reactions_user_id_foreign` foreign key (`user_id`) references `users` (`id`) on delete cascade' +
        ') default character set utf8mb4 engine = InnoDB;',
    );
    this.addSql(
      'create table `message_reaction_versions` (' +
        '`message_id` bigint unsigned not null, ' +
        '`conversation_id` bigint unsigned not null, ' +
        '`seq_id` bigint unsigned not null, ' +
        '`version` int unsigned not null default 0, ' +
        '`changed_at` datetime(3) not null, ' +
        'primary key (`message_id`), ' +
        'index `idx_reaction_versions_conv_seq` (`conversation_id`, `seq_id`), ' +
        'constraint `message_reaction_versions_message_id_foreign` foreign key (`message_id`) references `messages` (`id`) on delete cascade' +
        ') default character set utf8mb4 engine = InnoDB;',
    );
    this.addSql('alter table `user_read_pointers` add `last_delivered_seq_id` bigint unsigned not null default 0;');
  }

  override down(): void | Promise<void> {
    this.addSql('alter table `user_read_pointers` drop column `last_delivered_seq_id`;');
    this.addSql('drop table if exists `message_reaction_versions`;');
    this.addSql('drop table if exists `message_reactions`;');
  }
}
