// Span names and attribute keys. Messaging conventions are still experimental in OpenTelemetry,
// whose guidance is to copy such keys rather than import them from the incubating entry point
// (they may change between releases); GoChat's own attributes are under `gochat.`. The stable
// keys used on the hot path are written out too: importing @opentelemetry/semantic-conventions
// here would load it in every process, tracing on or off.
export const SPAN = {
  wsSend: 'ws send',
  produceUpstream: 'kafka produce upstream',
  logicBatch: 'logic batch',
  dbStore: 'db store',
  produceDownstream: 'kafka produce downstream',
  deliver: 'deliver',
} as const;

export const DB_SYSTEM_NAME = 'db.system.name';
export const DB_SYSTEM_NAME_MARIADB = 'mariadb';
export const DB_OPERATION_BATCH_SIZE = 'db.operation.batch.size';

export const MESSAGING_SYSTEM = 'messaging.system';
export const MESSAGING_OPERATION_TYPE = 'messaging.operation.type';
export const MESSAGING_DESTINATION_NAME = 'messaging.destination.name';
export const MESSAGING_DESTINATION_PARTITION_ID = 'messaging.destination.partition.id';
export const MESSAGING_KAFKA_OFFSET = 'messaging.kafka.offset';
export const MESSAGING_BATCH_MESSAGE_COUNT = 'messaging.batch.message_count';
export const MESSAGING_CONSUMER_GROUP_NAME = 'messaging.consumer.group.name';

export const GOCHAT_CONVERSATION_ID = 'gochat.conversation_id';
export const GOCHAT_CLIENT_MSG_ID = 'gochat.client_msg_id';
export const GOCHAT_MESSAGE_ID = 'gochat.message_id';
export const GOCHAT_SEQ = 'gochat.seq';
export const GOCHAT_GATEWAY_ID = 'gochat.gateway_id';
/** What became of a consumed send: delivered, rejected (with gochat.error_code) or abandoned. */
export const GOCHAT_OUTCOME = 'gochat.outcome';
export const GOCHAT_ERROR_CODE = 'gochat.error_code';
/** Downstream record kind: message, ack, error, event. */
export const GOCHAT_RECORD_KIND = 'gochat.record_kind';
/** Sockets a delivered record was written to. */
export const GOCHAT_SOCKETS = 'gochat.sockets';
/** Records of the whole produce request a span's records left in. */
export const GOCHAT_REQUEST_RECORDS = 'gochat.request_records';
