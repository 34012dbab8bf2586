// The one error the SDK rejects with: the contract's error code (docs/protocol.md), or one of
// the SDK's own codes below for failures that never reached the server's answer.
export class GoChatError extends Error {
  code: string;
  /** HTTP status, for a REST refusal. */
  status?: number;
  /** The field at fault, when the server named it. */
  field?: string;
  /** With INTERNAL_ERROR: quote it to the operator. */
  requestId?: string;

  constructor(code: string, message: string, extra: { status?: number; field?: string; requestId?: string } = {}) {
    super(message);
    this.name = 'GoChatError';
    this.code = code;
    if (extra.status !== undefined) this.status = extra.status;
    if (extra.field !== undefined) this.field = extra.field;
    if (extra.requestId !== undefined) this.requestId = extra.requestId;
  }
}

/** SDK codes (not from the server): the request did not get an answer, or the client was closed. */
export const NETWORK_ERROR = 'NETWORK_ERROR';
export const CLIENT_CLOSED = 'CLIENT_CLOSED';
