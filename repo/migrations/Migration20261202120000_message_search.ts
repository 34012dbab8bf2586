import { Migration } from '@mikro-orm/migrations';
import { chunkBySize } from '../multi-statement.ts';
import { searchBody } from '../search/tokens.ts';

/** Messages per back-fill read; their rows are inserted a few MiB at a time (max_allowed_packet). */
const BACKFILL_ROWS = 1000;
const INSERT_BYTES = 4 * 2 ** 20;

/**
 * Full-text search over messages (docs/search.md): `message_search` holds each visible message's
 * content in the indexed form of repo/search/tokens.ts (CJK as bigrams), written in the
 * transaction that stores the message and removed with a recall. The existing messages are
 * back-filled before the FULLTEXT index is built, which InnoDB then does in one sorted pass
 * instead of row by row. The index is made without a stopword list ("the", "will" and "about"
 * are words people search for), a setting InnoDB takes when the index is created.
 */
export class Migration20261202120000_message_search extends Migration {
  override name = 'Migration20261202120000_message_search';

  override async up(): Promise<void> {
    await this.execute(
      'create table `message_search` (' +
        '`message_id` bigint unsigned not null, ' +
        '`conversation_id` bigint unsigned not null, ' +
        '`body` mediumtext not null, ' +
        'primary key (`message_id`), ' +
        'index `idx_message_search_conversation` (`conversation_id`, `message_id`)' +
        ') default character set utf8mb4 collate utf8mb4_bin engine = InnoDB;',
    );
    for (let after = '0'; ;) {
      const page = await this.execute(
        'select id, conversation_id, content from messages where id > ? and deleted = 0 and recalled = 0 order by id limit ?',
        [after, BACKFILL_ROWS],
      );
      const rows = page.map((r) => ({ id: String(r.id), conversationId: String(r.conversation_id), body: searchBody(String(r.conversation_id), String(r.content)) })).filter((r) => r.body !== '');
      for (const part of chunkBySize(rows, (r) => Buffer.byteLength(r.body) + 50, INSERT_BYTES)) {
        await this.execute(
          `insert into message_search (message_id, conversation_id, body) values ${part.map(() => '(?, ?, ?)').join(', ')}`,
          part.flatMap((r) => [r.id, r.conversationId, r.body]),
        );
      }
      if (page.length < BACKFILL_ROWS) break;
      after = String(page.at(-1)!.id);
    }
    await this.execute('set session innodb_ft_enable_stopword = 0');
    await this.execute('alter table `message_search` add fulltext index `ft_message_search_body` (`body`)');
    await this.execute('set session innodb_ft_enable_stopword = default');
  }

  override async down(): Promise<void> {
    await this.execute('drop table if exists `message_search`');
  }
}
