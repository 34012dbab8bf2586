// Typed errors of the data layer. Transports map them to statuses by class or `code`; every one
// names what was wrong, and a function that throws one has written nothing.

export type NotFoundEntity = 'user' | 'conversation' | 'message' | 'friend_request' | 'member';

export type ConflictReason =
  | 'username_taken'
  | 'self_request'
  | 'request_pending'
  | 'already_friends'
  | 'request_not_pending'
  | 'client_msg_id_reused'
  | 'capacity_exceeded'
  | 'single_conversation_fixed'
  | 'last_owner'
  | 'not_editable'
  | 'message_recalled'
  | 'reaction_limit'
  | 'group_dissolved';

export class RepoError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Input that can never be stored: wrong type, empty, too long, out of range. */
export class ValidationError extends RepoError {
  readonly field: string;
  constructor(field: string, problem: string) {
    super('invalid_input', `${field}: ${problem}`);
    this.field = field;
  }
}

export class NotFoundError extends RepoError {
  readonly entity: NotFoundEntity;
  readonly id: string;
  constructor(entity: NotFoundEntity, id: string) {
    super('not_found', `${entity} ${id} not found`);
    this.entity = entity;
    this.id = id;
  }
}

/** The input is well formed but the current state refuses it. */
export class ConflictError extends RepoError {
  readonly reason: ConflictReason;
  constructor(reason: ConflictReason, message: string) {
    super(reason, message);
    this.reason = reason;
  }
}

export type ForbiddenReason =
  | 'not_member'
  | 'muted'
  | 'group_muted'
  | 'blocked'
  | 'not_friends'
  | 'not_sender'
  | 'not_target'
  | 'recall_window_passed'
  | 'edit_window_passed';

/** The acting user may not do this (not a member, not the sender, recall or edit window passed). */
export class ForbiddenError extends RepoError {
  constructor(reason: ForbiddenReason, message: string) {
    super(reason, message);
  }
}
