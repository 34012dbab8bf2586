import { Migration } from '@mikro-orm/migrations';

/**
 * The sender may edit a text message within MESSAGE_EDIT_WINDOW_SECONDS; `edited_at` says when it
 * last was (null: never), for history and for telling a reconnecting device which of the
 * messages it already holds changed while it was away.
 */
export class Migration20261202121000_message_edits extends Migration {
  override name = 'Migration20261202121000_message_edits';

  override up(): void | Promise<void> {
    this.addSql('alter table `messages` add `edited_at` datetime(3) null;');
  }

  override down(): void | Promise<void> {
    this.addSql('alter table `messages` drop column `edited_at`;');
  }
}
