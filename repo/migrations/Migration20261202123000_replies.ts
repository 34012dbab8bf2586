import { Migration } from '@mikro-orm/migrations';

/**
 * Replies and mentions (docs/protocol.md, "Replies and mentions").
 * - `reply_to_id`: the quoted message (same conversation, checked when storing); null: not a
 *   reply. No foreign key: messages are never deleted as rows (recall and delete are flags), and
 *   the batch insert stays one statement.
 * - `mentions`: the mentioned user ids as a JSON array of decimal strings (null: none). They are
 *   read with the message (no extra query per history page) and counted per member in the
 *   conversation list over the same unread range the unread count scans.
 * - `mention_all`: @all, the owner's or an admin's.
 */
export class Migration20261202123000_replies extends Migration {
  override name = 'Migration20261202123000_replies';

  override up(): void | Promise<void> {
    this.addSql('alter table `messages` add `reply_to_id` bigint unsigned null, add `mentions` json null, add `mention_all` tinyint(1) not null default 0;');
  }

  override down(): void | Promise<void> {
    this.addSql('alter table `messages` drop column `reply_to_id`, drop column `mentions`, drop column `mention_all`;');
  }
}
