import { Migration } from '@mikro-orm/migrations';

/**
 * Attachments (docs/attachments.md).
 * - `attachments`: one row per upload, in the conversation it was uploaded to. `state` 0 is
 *   pending (the bytes are being stored), 1 complete; a message may name only a complete one.
 *   `sent_at` is set when its uploader first sends it: until then no other member may download
 *   it. The index on (`conversation_id`, `id`) serves a conversation's uploads, the one on
 *   `uploader_id` a user's.
 */
export class Migration20261202130000_attachments extends Migration {
  override name = 'Migration20261202130000_attachments';

  override up(): void | Promise<void> {
    this.addSql(
      'create table `attachments` (' +
        '`id` bigint unsigned not null auto_increment primary key, ' +
        '`conversation_id` bigint unsigned not null, ' +
        '`uploader_id` bigint unsigned not null, ' +
        '`state` tinyint unsigned not null default 0, ' +
        '`name` varchar(255) not null, ' +
        '`content_type` varchar(127) not null, ' +
        '`size` bigint unsigned not null, ' +
        '`width` int unsigned null, ' +
        '`height` int unsigned null, ' +
        '`has_thumbnail` tinyint(1) not null default 0, ' +
        '`created_at` datetime(3) not null, ' +
        '`completed_at` datetime(3) null, ' +
        '`sent_at` datetime(3) null, ' +
        'index `idx_attachments_conversation` (`conversation_id`, `id`), ' +
        'index `idx_attachments_uploader` (`uploader_id`), ' +
        'constraint `attachments_conversation_id_foreign` foreign key (`conversation_id`) references `conversations` (`id`) on delete cascade, ' +
        'constraint `attachments_uploader_id_foreign` foreign key (`uploader_id`) references `users` (`id`) on delete cascade' +
        ') default character set utf8mb4 engine = InnoDB;',
    );
  }

  override down(): void | Promise<void> {
    this.addSql('drop table if exists `attachments`;');
  }
}
