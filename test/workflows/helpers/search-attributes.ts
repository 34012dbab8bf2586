// The time-skipping server starts without GoChat's search attributes; the dev server of the
// local stack and createLocal get them at start (scripts/stack/temporal.sh, `searchAttributes`).
import type { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { ConversationIdKey, UserIdKey } from '../../../workflows/definitions.ts';

export const gochatSearchAttributes = [UserIdKey, ConversationIdKey];

export async function registerSearchAttributes(connection: Connection, namespace: string): Promise<void> {
  const keyword = temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD;
  await connection.operatorService.addSearchAttributes({
    namespace,
    searchAttributes: Object.fromEntries(gochatSearchAttributes.map((k) => [k.name, keyword])),
  });
}
