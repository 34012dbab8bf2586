import { Migration } from '@mikro-orm/migrations';

/**
 * Group administration and per-member settings (docs/protocol.md, "Group administration",
 * "Conversation settings").
 * - `conversations.announcement`: the group's notice (null: none).
 * - `conversations.mute_all`: only the owner and admins may send while it is set.
 * - `conversations.dissolved_at`: set once by the owner; members and history stay, sends and
 *   administration are refused.
 * - `conversation_members.muted_until`: a timed mute; a past time no longer applies, so nothing
 *   has to clear it. The older `muted` flag stays the mute without an end.
 * - `conversation_members.do_not_disturb`, `pinned_at` (null: not pinned), `hidden_seq`: the
 *   conversation's last seq when the member hid it (null: not hidden); the list leaves it out
 *   until a message arrives after it.
 */
export class Migration20261202125000_group_admin extends Migration {
  override name = 'Migration20261202125000_group_admin';

  override up(): void | Promise<void> {
    this.addSql('alter table `conversations` add `announcement` varchar(2000) null, add `mute_all` tinyint(1) not null default 0, add `dissolved_at` datetime(3) null;');
    this.addSql(
      'alter table `conversation_members` add `muted_until` datetime(3) null, add `do_not_disturb` tinyint(1) not null default 0, ' +
        'add `pinned_at` datetime(3) null, add `hidden_seq` bigint unsigned null;',
    );
  }

  override down(): void | Promise<void> {
    this.addSql('alter table `conversation_members` drop column `muted_until`, drop column `do_not_disturb`, drop column `pinned_at`, drop column `hidden_seq`;');
    this.addSql('alter table `conversations` drop column `announcement`, drop column `mute_all`, drop column `dissolved_at`;');
  }
}
