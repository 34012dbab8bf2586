// Every migration, in order. Listed explicitly so they run from source without file discovery.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261121233613_initial } from './Migration20261121233613_initial.ts';
import { Migration20261201231500_revoked_tokens } from './Migration20261201231500_revoked_tokens.ts';
import { Migration20261202001500_client_msg_id_binary } from './Migration20261202001500_client_msg_id_binary.ts';
import { Migration20261202020000_gateway_positions } from './Migration20261202020000_gateway_positions.ts';
import { Migration20261202120000_message_search } from './Migration20261202120000_message_search.ts';
import { Migration20261202121000_message_edits } from './Migration20261202121000_message_edits.ts';
import { Migration20261202122000_reactions } from './Migration20261202122000_reactions.ts';
import { Migration20261202123000_replies } from './Migration20261202123000_replies.ts';
import { Migration20261202124000_blocks } from './Migration20261202124000_blocks.ts';
import { Migration20261202125000_group_admin } from './Migration20261202125000_group_admin.ts';
import { Migration20261202130000_attachments } from './Migration20261202130000_attachments.ts';

export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261121233613_initial', class: Migration20261121233613_initial },
  { name: 'Migration20261201231500_revoked_tokens', class: Migration20261201231500_revoked_tokens },
  { name: 'Migration20261202001500_client_msg_id_binary', class: Migration20261202001500_client_msg_id_binary },
  { name: 'Migration20261202020000_gateway_positions', class: Migration20261202020000_gateway_positions },
  { name: 'Migration20261202120000_message_search', class: Migration20261202120000_message_search },
  { name: 'Migration20261202121000_message_edits', class: Migration20261202121000_message_edits },
  { name: 'Migration20261202122000_reactions', class: Migration20261202122000_reactions },
  { name: 'Migration20261202123000_replies', class: Migration20261202123000_replies },
  { name: 'Migration20261202124000_blocks', class: Migration20261202124000_blocks },
  { name: 'Migration20261202125000_group_admin', class: Migration20261202125000_group_admin },
  { name: 'Migration20261202130000_attachments', class: Migration20261202130000_attachments },
];
