import { Migration } from '@mikro-orm/migrations';

export class Migration20261121233613_initial extends Migration {

  override name = 'Migration20261121233613_initial';

  override up(): void | Promise<void> {
    this.addSql(`create table \`users\` (\`id\` bigint unsigned not null auto_increment primary key, \`username\` varchar(32) not null, \`password_hash\` varchar(255) not null, \`nickname\` varchar(64) null, \`avatar_url\` varchar(512) null, \`is_guest\` tinyint(1) not null default false, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`users\` add unique \`uq_users_username\` (\`username\`);`);

    this.addSql(`create table \`friendships\` (\`user_id\` bigint unsigned not null, \`friend_id\` bigint unsigned not null, \`created_at\` datetime(3) not null, primary key (\`user_id\`, \`friend_id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`friendships\` add index \`friendships_friend_id_index\` (\`friend_id\`);`);

    this.addSql(`create table \`friendship_requests\` (\`id\` bigint unsigned not null auto_increment primary key, \`requester_id\` bigint unsigned not null, \`target_id\` bigint unsigned not null, \`message\` varchar(255) null, \`status\` tinyint not null default 0, \`created_at\` datetime(3) not null, \`handled_at\` datetime(3) null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`friendship_requests\` add index \`idx_freq_target_status\` (\`target_id\`, \`status\`, \`id\`);`);
    this.addSql(`alter table \`friendship_requests\` add index \`idx_freq_requester_status\` (\`requester_id\`, \`status\`, \`id\`);`);

    this.addSql(`create table \`conversations\` (\`id\` bigint unsigned not null auto_increment primary key, \`type\` tinyint not null, \`name\` varchar(128) null, \`avatar_url\` varchar(512) null, \`owner_id\` bigint unsigned null, \`pair_key\` varchar(41) null, \`member_count\` int unsigned not null default 0, \`last_message_id\` bigint unsigned null, \`last_seq\` bigint unsigned not null default '0', \`version\` bigint unsigned not null default '0', \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`conversations\` add index \`conversations_owner_id_index\` (\`owner_id\`);`);
    this.addSql(`alter table \`conversations\` add unique \`uq_conversations_pair_key\` (\`pair_key\`);`);

    this.addSql(`create table \`user_read_pointers\` (\`user_id\` bigint unsigned not null, \`conversation_id\` bigint unsigned not null, \`last_read_seq_id\` bigint unsigned not null default '0', \`updated_at\` datetime(3) not null, primary key (\`user_id\`, \`conversation_id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`user_read_pointers\` add index \`user_read_pointers_conversation_id_index\` (\`conversation_id\`);`);

    this.addSql(`create table \`messages\` (\`id\` bigint unsigned not null auto_increment primary key, \`conversation_id\` bigint unsigned not null, \`sender_id\` bigint unsigned not null, \`seq_id\` bigint unsigned not null, \`type\` smallint unsigned not null default 1, \`content\` text not null, \`client_msg_id\` varchar(64) not null, \`deleted\` tinyint(1) not null default false, \`recalled\` tinyint(1) not null default false, \`created_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`messages\` add index \`idx_messages_unread\` (\`conversation_id\`, \`seq_id\`, \`sender_id\`, \`deleted\`, \`recalled\`);`);
    this.addSql(`alter table \`messages\` add unique \`uq_messages_conv_seq\` (\`conversation_id\`, \`seq_id\`);`);
    this.addSql(`alter table \`messages\` add unique \`uq_messages_sender_client\` (\`sender_id\`, \`client_msg_id\`);`);

    this.addSql(`create table \`conversation_members\` (\`conversation_id\` bigint unsigned not null, \`user_id\` bigint unsigned not null, \`role\` enum('owner','admin','member') not null default 'member', \`muted\` tinyint(1) not null default false, \`joined_at\` datetime(3) not null, primary key (\`conversation_id\`, \`user_id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`conversation_members\` add index \`idx_members_user\` (\`user_id\`, \`conversation_id\`);`);

    this.addSql(`alter table \`friendships\` add constraint \`friendships_user_id_foreign\` foreign key (\`user_id\`) references \`users\` (\`id\`) on update cascade on delete cascade;`);
    this.addSql(`alter table \`friendships\` add constraint \`friendships_friend_id_foreign\` foreign key (\`friend_id\`) references \`users\` (\`id\`) on update cascade on delete cascade;`);

    this.addSql(`alter table \`friendship_requests\` add constraint \`friendship_requests_requester_id_foreign\` foreign key (\`requester_id\`) references \`users\` (\`id\`);`);
    this.addSql(`alter table \`friendship_requests\` add constraint \`friendship_requests_target_id_foreign\` foreign key (\`target_id\`) references \`users\` (\`id\`);`);

    this.addSql(`alter table \`conversations\` add constraint \`conversations_owner_id_foreign\` foreign key (\`owner_id\`) references \`users\` (\`id\`) on delete set null;`);

    this.addSql(`alter table \`user_read_pointers\` add constraint \`user_read_pointers_user_id_foreign\` foreign key (\`user_id\`) references \`users\` (\`id\`) on update cascade on delete cascade;`);
    this.addSql(`alter table \`user_read_pointers\` add constraint \`user_read_pointers_conversation_id_foreign\` foreign key (\`conversation_id\`) references \`conversations\` (\`id\`) on update cascade on delete cascade;`);

    this.addSql(`alter table \`messages\` add constraint \`messages_conversation_id_foreign\` foreign key (\`conversation_id\`) references \`conversations\` (\`id\`);`);
    this.addSql(`alter table \`messages\` add constraint \`messages_sender_id_foreign\` foreign key (\`sender_id\`) references \`users\` (\`id\`);`);

    this.addSql(`alter table \`conversation_members\` add constraint \`conversation_members_conversation_id_foreign\` foreign key (\`conversation_id\`) references \`conversations\` (\`id\`) on update cascade on delete cascade;`);
    this.addSql(`alter table \`conversation_members\` add constraint \`conversation_members_user_id_foreign\` foreign key (\`user_id\`) references \`users\` (\`id\`) on update cascade on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`friendships\` drop foreign key \`friendships_user_id_foreign\`;`);
    this.addSql(`alter table \`friendships\` drop foreign key \`friendships_friend_id_foreign\`;`);
    this.addSql(`alter table \`friendship_requests\` drop foreign key \`friendship_requests_requester_id_foreign\`;`);
    this.addSql(`alter table \`friendship_requests\` drop foreign key \`friendship_requests_target_id_foreign\`;`);
    this.addSql(`alter table \`conversations\` drop foreign key \`conversations_owner_id_foreign\`;`);
    this.addSql(`alter table \`user_read_pointers\` drop foreign key \`user_read_pointers_user_id_foreign\`;`);
    this.addSql(`alter table \`messages\` drop foreign key \`messages_sender_id_foreign\`;`);
    this.addSql(`alter table \`conversation_members\` drop foreign key \`conversation_members_user_id_foreign\`;`);
    this.addSql(`alter table \`user_read_pointers\` drop foreign key \`user_read_pointers_conversation_id_foreign\`;`);
    this.addSql(`alter table \`messages\` drop foreign key \`messages_conversation_id_foreign\`;`);
    this.addSql(`alter table \`conversation_members\` drop foreign key \`conversation_members_conversation_id_foreign\`;`);

    this.addSql(`drop table if exists \`users\`;`);
    this.addSql(`drop table if exists \`friendships\`;`);
    this.addSql(`drop table if exists \`friendship_requests\`;`);
    this.addSql(`drop table if exists \`conversations\`;`);
    this.addSql(`drop table if exists \`user_read_pointers\`;`);
    this.addSql(`drop table if exists \`messages\`;`);
    this.addSql(`drop table if exists \`conversation_members\`;`);
  }

}
