import { Migration } from '@mikro-orm/migrations';

/** Revocations move to MariaDB so a Redis data loss cannot make a logged-out token valid again. */
export class Migration20261201231500_revoked_tokens extends Migration {
  override name = 'Migration20261201231500_revoked_tokens';

  override up(): void | Promise<void> {
    this.addSql(`create table \`revoked_tokens\` (\`jti\` varchar(64) not null, \`user_id\` bigint unsigned not null, \`expires_at\` datetime(3) not null, \`created_at\` datetime(3) not null, primary key (\`jti\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`revoked_tokens\` add index \`idx_revoked_tokens_expires_at\` (\`expires_at\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`revoked_tokens\`;`);
  }
}
