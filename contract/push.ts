// Offline push: the Kafka record of a message for offline members, the workflow input and the webhook body (docs/push.md).
export {};
