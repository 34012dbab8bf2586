// Attachments: upload and download shapes (docs/protocol.md).
export {};
