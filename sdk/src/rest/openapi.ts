// Generated from the gateway's OpenAPI document (gateway/openapi-document.ts, the one served at
// /docs/json) by openapi-typescript. Do not edit: change the route schemas and regenerate with
// `npm run sdk:types`.

export interface paths {
    "/attachments/{id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download by a signed URL from GET /attachments/{id}/url (no token) */
        get: {
            parameters: {
                query: {
                    /** @description seconds since epoch */
                    expires: number;
                    /** @description HMAC-SHA256 of id, variant and expires (base64url) */
                    signature: string;
                    /** @description `original` (the bytes uploaded) or `thumbnail` (images only: WebP, longest side `ATTACHMENTS_THUMBNAIL_SIZE`) */
                    variant: "original" | "thumbnail";
                };
                header?: never;
                path: {
                    /** @description 64-bit id as a decimal string (1 to 18446744073709551615) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the attachment's bytes, with its content type, `Content-Disposition` and `X-Content-Type-Options: nosniff` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/attachments/{id}/url": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A short-lived download URL of an attachment (members of its conversation)
         * @description Until it is sent in a message only its uploader gets one. The URL needs no token and expires after ATTACHMENTS_URL_TTL_SECONDS.
         */
        get: {
            parameters: {
                query?: {
                    /** @description `original` (the bytes uploaded) or `thumbnail` (images only: WebP, longest side `ATTACHMENTS_THUMBNAIL_SIZE`) */
                    variant?: "original" | "thumbnail";
                };
                header?: never;
                path: {
                    /** @description 64-bit id as a decimal string (1 to 18446744073709551615) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description ms since epoch */
                            expires_at: number;
                            /** @description GET it without a token until `expires_at`; it serves the bytes with their stored content type */
                            url: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/guest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a guest account with a generated name and sign in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description ms since epoch */
                            expires_at: number;
                            token: string;
                            /** @enum {string} */
                            token_type: "Bearer";
                            user: {
                                avatar_url: string | null;
                                /** @description ms since epoch */
                                created_at: number;
                                /**
                                 * Format: gochat-id
                                 * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                 */
                                id: string;
                                is_guest: boolean;
                                nickname: string | null;
                                username: string;
                            };
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with username and password (rate-limited per account and per address) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                        username: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description ms since epoch */
                            expires_at: number;
                            token: string;
                            /** @enum {string} */
                            token_type: "Bearer";
                            user: {
                                avatar_url: string | null;
                                /** @description ms since epoch */
                                created_at: number;
                                /**
                                 * Format: gochat-id
                                 * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                 */
                                id: string;
                                is_guest: boolean;
                                nickname: string | null;
                                username: string;
                            };
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke the token used for this request, on every gateway instance */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description no content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account and sign in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 8-128 characters with a letter and a digit */
                        password: string;
                        /** @description 3-32 letters, digits, '_', '.', '-' */
                        username: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description ms since epoch */
                            expires_at: number;
                            token: string;
                            /** @enum {string} */
                            token_type: "Bearer";
                            user: {
                                avatar_url: string | null;
                                /** @description ms since epoch */
                                created_at: number;
                                /**
                                 * Format: gochat-id
                                 * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                 */
                                id: string;
                                is_guest: boolean;
                                nickname: string | null;
                                username: string;
                            };
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/blocks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The users you blocked, in user id order (page on with next_after_user_id) */
        get: {
            parameters: {
                query?: {
                    /** @description 64-bit id as a decimal string (1 to 18446744073709551615) */
                    after_user_id?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            blocks: {
                                /** @description when you blocked them (ms) */
                                since: number;
                                user: {
                                    avatar_url: string | null;
                                    /** @description ms since epoch */
                                    created_at: number;
                                    /**
                                     * Format: gochat-id
                                     * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                     */
                                    id: string;
                                    is_guest: boolean;
                                    nickname: string | null;
                                    username: string;
                                };
                            }[];
                            next_after_user_id: string | null;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/blocks/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Block a user (blocking again changes nothing)
         * @description While a block stands (whoever set it), the two users cannot send each other friend requests or 1:1 messages (refused with BLOCKED) and neither sees the other's presence. Friendship and the 1:1 history stay. Nothing is announced.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 64-bit id as a decimal string (1 to 18446744073709551615) */
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description no content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /**
         * Unblock a user (unblocking one not blocked changes nothing)
         * @description While a block stands (whoever set it), the two users cannot send each other friend requests or 1:1 messages (refused with BLOCKED) and neither sees the other's presence. Friendship and the 1:1 history stay. Nothing is announced.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 64-bit id as a decimal string (1 to 18446744073709551615) */
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description no content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your conversations with last message and unread count, most recent first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            conversations: {
                                conversation: {
                                    announcement: string | null;
                                    avatar_url: string | null;
                                    created_at: number;
                                    /** @description groups: dissolved by the owner; history readable, sends refused (GROUP_DISSOLVED) */
                                    dissolved: boolean;
                                    /**
                                     * Format: gochat-id
                                     * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                     */
                                    id: string;
                                    last_seq: number;
                                    member_count: number;
                                    /** @description groups: only the owner and admins may send (GROUP_MUTED for others) */
                                    mute_all: boolean;
                                    name: string | null;
                                    owner_id: string | null;
                                    /** @description 1 single, 2 group, 3 world */
                                    type: number;
                                };
                                last_message: {
                                    /** @description empty once recalled or deleted */
                                    content: string;
                                    created_at: number;
                                    /**
                                     * Format: gochat-id
                                     * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                     */
                                    message_id: string;
                                    msg_type: number;
                                    recalled: boolean;
                                    sender: {
                                        avatar_url: string | null;
                                        /**
                                         * Format: gochat-id
                                         * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                         */
                                        id: string;
                                        nickname: string | null;
                                        username: string;
                                    };
                                    seq: number;
                                } | null;
                                /** @description your read pointer: the last seq you marked read */
                                last_read_seq: number;
                                membership: {
                                    /** @description your setting: notify quietly, if at all (clients and push honour it) */
                                    do_not_disturb: boolean;
                                    joined_at: number;
                                    /** @description muted now (sends refused with MUTED) */
                                    muted: boolean;
                                    muted_until: number | null;
                                    /** @description your setting: listed before the others */
                                    pinned: boolean;
                                    role: "owner" | "admin" | "member";
                                };
                                /** @description unread messages (as unread_count counts them) that mention you or everyone (`mention_all`) */
                                mention_count: number;
                                unread_count: number;
                            }[];
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a group you own (not for guests) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description an http(s) URL */
                        avatar_url?: string;
                        /** @description initial members besides you (more can be added later) */
                        member_ids: string[];
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            announcement: string | null;
                            avatar_url: string | null;
                            created_at: number;
                            /** @description groups: dissolved by the owner; history readable, sends refused (GROUP_DISSOLVED) */
                            dissolved: boolean;
                            /**
                             * Format: gochat-id
                             * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                             */
                            id: string;
                            last_seq: number;
                            member_count: number;
                            /** @description groups: only the owner and admins may send (GROUP_MUTED for others) */
                            mute_all: boolean;
                            name: string | null;
                            owner_id: string | null;
                            /** @description 1 single, 2 group, 3 world */
                            type: number;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/conversations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A conversation you belong to, with your membership */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 64-bit id as a decimal string (1 to 18446744073709551615) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            conversation: {
                                announcement: string | null;
                                avatar_url: string | null;
                                created_at: number;
                                /** @description groups: dissolved by the owner; history readable, sends refused (GROUP_DISSOLVED) */
                                dissolved: boolean;
                                /**
                                 * Format: gochat-id
                                 * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                 */
                                id: string;
                                last_seq: number;
                                member_count: number;
                                /** @description groups: only the owner and admins may send (GROUP_MUTED for others) */
                                mute_all: boolean;
                                name: string | null;
                                owner_id: string | null;
                                /** @description 1 single, 2 group, 3 world */
                                type: number;
                            };
                            membership: {
                                /** @description your setting: notify quietly, if at all (clients and push honour it) */
                                do_not_disturb: boolean;
                                joined_at: number;
                                /** @description muted now (sends refused with MUTED) */
                                muted: boolean;
                                muted_until: number | null;
                                /** @description your setting: listed before the others */
                                pinned: boolean;
                                role: "owner" | "admin" | "member";
                            };
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Dissolve a group (owner only): history stays readable, sends and changes are refused (GROUP_DISSOLVED)
         * @description Every member's devices get a `group_dissolved` event.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 64-bit id as a decimal string (1 to 18446744073709551615) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            announcement: string | null;
                            avatar_url: string | null;
                            created_at: number;
                            /** @description groups: dissolved by the owner; history readable, sends refused (GROUP_DISSOLVED) */
                            dissolved: boolean;
                            /**
                             * Format: gochat-id
                             * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                             */
                            id: string;
                            last_seq: number;
                            member_count: number;
                            /** @description groups: only the owner and admins may send (GROUP_MUTED for others) */
                            mute_all: boolean;
                            name: string | null;
                            owner_id: string | null;
                            /** @description 1 single, 2 group, 3 world */
                            type: number;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Rename a group, change its avatar or announcement (owner or admin)
         * @description Every member's devices get a `group_updated` event with the group as it is after the change.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 64-bit id as a decimal string (1 to 18446744073709551615) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description null (or empty) removes it */
                        announcement?: string | null;
                        /** @description null removes it */
                        avatar_url?: string | null;
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            announcement: string | null;
                            avatar_url: string | null;
                            created_at: number;
                            /** @description groups: dissolved by the owner; history readable, sends refused (GROUP_DISSOLVED) */
                            dissolved: boolean;
                            /**
                             * Format: gochat-id
                             * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                             */
                            id: string;
                            last_seq: number;
                            member_count: number;
                            /** @description groups: only the owner and admins may send (GROUP_MUTED for others) */
                            mute_all: boolean;
                            name: string | null;
                            owner_id: string | null;
                            /** @description 1 single, 2 group, 3 world */
                            type: number;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/conversations/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a file or image into a conversation (members only); the body is the file's bytes
         * @description The type is detected from the bytes and must be in ATTACHMENTS_ALLOWED_TYPES (415 ATTACHMENT_TYPE_NOT_ALLOWED); more than ATTACHMENTS_MAX_BYTES is refused as soon as it is exceeded (413 ATTACHMENT_TOO_LARGE). Images get a thumbnail and their dimensions. Send it with a message of msg_type 2 (image) or 3 (file) whose content is {"attachment_id": "<id>"}.
         */
        post: {
            parameters: {
                query: {
                    /** @description the file name shown to members: 1–255 characters, no `/`, `\`, control characters or bidirectional overrides */
                    name: string;
                };
                header?: never;
                path: {
                    /** @description 64-bit id as a decimal string (1 to 18446744073709551615) */
                    id: string;
                };
                cookie?: never;
            };
            /** @description the file's bytes; any Content-Type (it is not believed: the type is detected from the bytes) */
            requestBody: {
                content: {
                    "application/octet-stream": string;
                };
            };
            responses: {
                /** @description An uploaded attachment, complete: ready to be sent in a message of its conversation */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description detected from the bytes, never taken from the client */
                            content_type: string;
                            /**
                             * Format: gochat-id
                             * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                             */
                            conversation_id: string;
                            /** @description ms since epoch */
                            created_at: number;
                            /** @description images only: pixels, as displayed */
                            height?: number;
                            /**
                             * Format: gochat-id
                             * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                             */
                            id: string;
                            /** @description the file name shown to members: 1–255 characters, no `/`, `\`, control characters or bidirectional overrides */
                            name: string;
                            /** @description bytes */
                            size: number;
                            /** @description whether a `thumbnail` variant exists (images) */
                            thumbnail: boolean;
                            /** @description images only: pixels, as displayed (EXIF orientation applied) */
                            width?: number;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/conversations/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members of a conversation you belong to, in user id order (page on with next_after_user_id) */
        get: {
            parameters: {
                query?: {
                    /** @description 64-bit id as a decimal string (1 to 18446744073709551615) */
                    after_user_id?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    /** @description 64-bit id as a decimal string (1 to 18446744073709551615) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            members: {
                                joined_at: number;
                                /** @description the member's delivered pointer: the last seq one of their devices reported received (never below last_read_seq) */
                                last_delivered_seq: number;
                                /** @description the member's read pointer (what read receipts show) */
                                last_read_seq: number;
                                muted: boolean;
                                muted_until: number | null;
                                role: "owner" | "admin" | "member";
                                user: {
                                    avatar_url: string | null;
                                    /** @description ms since epoch */
                                    created_at: number;
                                    /**
                                     * Format: gochat-id
                                     * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                     */
                                    id: string;
                                    is_guest: boolean;
                                    nickname: string | null;
                                    username: string;
                                } | null;
                                /**
                                 * Format: gochat-id
                                 * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                 */
                                user_id: string;
                            }[];
                            next_after_user_id: string | null;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add members to a group (owner or admin); returns those newly added */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 64-bit id as a decimal string (1 to 18446744073709551615) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        user_ids: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            added: string[];
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/conversations/{id}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member (owner or admin), or leave (your own id) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 64-bit id as a decimal string (1 to 18446744073709551615) */
                    id: string;
                    /** @description 64-bit id as a decimal string (1 to 18446744073709551615) */
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description no content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/conversations/{id}/members/{userId}/mute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Mute a member for `duration_seconds`, or until unmuted (owner or admin; an admin cannot mute the owner or another admin)
         * @description Every member's devices get a `member_muted` event. Muting again replaces the previous mute.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 64-bit id as a decimal string (1 to 18446744073709551615) */
                    id: string;
                    /** @description 64-bit id as a decimal string (1 to 18446744073709551615) */
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description how long; left out: until unmuted */
                        duration_seconds?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            muted: boolean;
                            /** @description ms; null when unmuted or muted without an end */
                            muted_until: number | null;
                            /**
                             * Format: gochat-id
                             * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                             */
                            user_id: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /**
         * Unmute a member (the same roles as muting)
         * @description Every member's devices get a `member_muted` event with `muted: false`.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 64-bit id as a decimal string (1 to 18446744073709551615) */
                    id: string;
                    /** @description 64-bit id as a decimal string (1 to 18446744073709551615) */
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            muted: boolean;
                            /** @description ms; null when unmuted or muted without an end */
                            muted_until: number | null;
                            /**
                             * Format: gochat-id
                             * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                             */
                            user_id: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/conversations/{id}/members/{userId}/role": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a member's role (owner only); 'owner' hands the group over */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 64-bit id as a decimal string (1 to 18446744073709551615) */
                    id: string;
                    /** @description 64-bit id as a decimal string (1 to 18446744073709551615) */
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        role: "owner" | "admin" | "member";
                    };
                };
            };
            responses: {
                /** @description no content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/conversations/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** History by seq: the latest page, or before_seq / after_seq (ascending seq order) */
        get: {
            parameters: {
                query?: {
                    after_seq?: number;
                    before_seq?: number;
                    limit?: number;
                };
                header?: never;
                path: {
                    /** @description 64-bit id as a decimal string (1 to 18446744073709551615) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            has_more: boolean;
                            messages: {
                                client_msg_id: string;
                                /** @description empty once recalled or deleted */
                                content: string;
                                /**
                                 * Format: gochat-id
                                 * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                 */
                                conversation_id: string;
                                /** @description ms since epoch */
                                created_at: number;
                                /** @description ms since epoch of the last edit; absent when never edited (or recalled) */
                                edited_at?: number;
                                /** @description true when it mentions every member (@all); absent otherwise */
                                mention_all?: boolean;
                                /** @description user ids this message mentions; absent when none (or recalled) */
                                mentions?: string[];
                                /**
                                 * Format: gochat-id
                                 * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                 */
                                message_id: string;
                                msg_type: number;
                                /** @description history and sync only: the reactions now, in the order first given, `me` for yours; absent when none */
                                reactions?: {
                                    count: number;
                                    emoji: string;
                                    me: boolean;
                                }[];
                                recalled: boolean;
                                /** @description The message this one replies to */
                                reply_to?: {
                                    /**
                                     * Format: gochat-id
                                     * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                     */
                                    message_id: string;
                                    /** @description the first 100 characters of the quoted message's current content (edits included); empty once it is recalled */
                                    preview: string;
                                    recalled: boolean;
                                    /**
                                     * Format: gochat-id
                                     * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                     */
                                    sender_id: string;
                                };
                                sender?: {
                                    avatar_url: string | null;
                                    /**
                                     * Format: gochat-id
                                     * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                     */
                                    id: string;
                                    nickname: string | null;
                                    username: string;
                                };
                                /**
                                 * Format: gochat-id
                                 * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                 */
                                sender_id: string;
                                seq: number;
                            }[];
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Send without a socket: 201 with the stored message, or 202 while it is still being stored
         * @description Goes through the same pipeline as a WebSocket send. Resending the same client_msg_id never stores a second copy and returns the stored message.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 64-bit id as a decimal string (1 to 18446744073709551615) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 1-64 of letters, digits, '_', '-', '.', ':'; resending the same id never stores twice */
                        client_msg_id: string;
                        /** @description at most 16384 bytes of UTF-8 */
                        content: string;
                        /** @description mention every member; owner and admins only */
                        mention_all?: boolean;
                        /** @description user ids mentioned (members of the conversation), at most 50 */
                        mentions?: string[];
                        /**
                         * @description message type: 1 = text, 2 = image, 3 = file (the content of 2 and 3 names an upload: docs/protocol.md, "Attachments")
                         * @default 1
                         */
                        msg_type?: number;
                        /**
                         * Format: gochat-id
                         * @description id of a message of the same conversation this one replies to
                         */
                        reply_to?: string;
                    };
                };
            };
            responses: {
                /** @description A stored message, as every client sees it */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            client_msg_id: string;
                            /** @description empty once recalled or deleted */
                            content: string;
                            /**
                             * Format: gochat-id
                             * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                             */
                            conversation_id: string;
                            /** @description ms since epoch */
                            created_at: number;
                            /** @description ms since epoch of the last edit; absent when never edited (or recalled) */
                            edited_at?: number;
                            /** @description true when it mentions every member (@all); absent otherwise */
                            mention_all?: boolean;
                            /** @description user ids this message mentions; absent when none (or recalled) */
                            mentions?: string[];
                            /**
                             * Format: gochat-id
                             * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                             */
                            message_id: string;
                            msg_type: number;
                            /** @description history and sync only: the reactions now, in the order first given, `me` for yours; absent when none */
                            reactions?: {
                                count: number;
                                emoji: string;
                                me: boolean;
                            }[];
                            recalled: boolean;
                            /** @description The message this one replies to */
                            reply_to?: {
                                /**
                                 * Format: gochat-id
                                 * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                 */
                                message_id: string;
                                /** @description the first 100 characters of the quoted message's current content (edits included); empty once it is recalled */
                                preview: string;
                                recalled: boolean;
                                /**
                                 * Format: gochat-id
                                 * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                 */
                                sender_id: string;
                            };
                            sender?: {
                                avatar_url: string | null;
                                /**
                                 * Format: gochat-id
                                 * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                 */
                                id: string;
                                nickname: string | null;
                                username: string;
                            };
                            /**
                             * Format: gochat-id
                             * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                             */
                            sender_id: string;
                            seq: number;
                        };
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            client_msg_id: string;
                            /** @enum {string} */
                            status: "accepted";
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/conversations/{id}/messages/{message_id}/reactions/{emoji}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * React to a message with an emoji (one of each kind per member)
         * @description The emoji is one fully-qualified RGI emoji, percent-encoded in the path (👍 is %F0%9F%91%8D). Doing what is already so changes nothing and answers the same. Every member's devices get a `reaction` event. Refused with MESSAGE_RECALLED for a recalled message and REACTION_LIMIT when the message already has 20 other kinds.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description one fully-qualified RGI emoji (percent-encoded in a path), e.g. 👍 or ❤️ */
                    emoji: string;
                    /** @description 64-bit id as a decimal string (1 to 18446744073709551615) */
                    id: string;
                    /** @description 64-bit id as a decimal string (1 to 18446744073709551615) */
                    message_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description false when it was already so (added twice, or taking back one never given) */
                            changed: boolean;
                            /**
                             * Format: gochat-id
                             * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                             */
                            conversation_id: string;
                            /**
                             * Format: gochat-id
                             * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                             */
                            message_id: string;
                            /** @description every kind now, in the order first given; `me` for yours */
                            reactions: {
                                count: number;
                                emoji: string;
                                me: boolean;
                            }[];
                            seq: number;
                            /** @description raised by every change of this message's reactions; `reaction` events carry it too */
                            version: number;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /**
         * Take back your reaction with this emoji
         * @description The emoji is one fully-qualified RGI emoji, percent-encoded in the path (👍 is %F0%9F%91%8D). Doing what is already so changes nothing and answers the same. Every member's devices get a `reaction` event. Refused with MESSAGE_RECALLED for a recalled message and REACTION_LIMIT when the message already has 20 other kinds.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description one fully-qualified RGI emoji (percent-encoded in a path), e.g. 👍 or ❤️ */
                    emoji: string;
                    /** @description 64-bit id as a decimal string (1 to 18446744073709551615) */
                    id: string;
                    /** @description 64-bit id as a decimal string (1 to 18446744073709551615) */
                    message_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description false when it was already so (added twice, or taking back one never given) */
                            changed: boolean;
                            /**
                             * Format: gochat-id
                             * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                             */
                            conversation_id: string;
                            /**
                             * Format: gochat-id
                             * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                             */
                            message_id: string;
                            /** @description every kind now, in the order first given; `me` for yours */
                            reactions: {
                                count: number;
                                emoji: string;
                                me: boolean;
                            }[];
                            seq: number;
                            /** @description raised by every change of this message's reactions; `reaction` events carry it too */
                            version: number;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/conversations/{id}/messages/{message_id}/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How far a message got: delivered to and read by how many of the other members
         * @description Any member may ask. Counts the members other than the sender who were members when it was sent; in a 1:1 conversation `peer` says it for the other member as booleans.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 64-bit id as a decimal string (1 to 18446744073709551615) */
                    id: string;
                    /** @description 64-bit id as a decimal string (1 to 18446744073709551615) */
                    message_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: gochat-id
                             * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                             */
                            conversation_id: string;
                            /** @description how many of them have it on a device (read counts as delivered) */
                            delivered: number;
                            /**
                             * Format: gochat-id
                             * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                             */
                            message_id: string;
                            /** @description members other than the sender who were members when it was sent */
                            of: number;
                            /** @description 1:1 conversations only: the member who is not the sender */
                            peer?: {
                                delivered: boolean;
                                read: boolean;
                                /**
                                 * Format: gochat-id
                                 * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                 */
                                user_id: string;
                            };
                            /** @description how many of them read it */
                            read: number;
                            /**
                             * Format: gochat-id
                             * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                             */
                            sender_id: string;
                            seq: number;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/conversations/{id}/messages/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Full-text search in one conversation, newest first (members only)
         * @description Recalled and deleted messages are never found. Page with before_id = the previous page's next_before_id.
         */
        get: {
            parameters: {
                query: {
                    /** @description the previous page's next_before_id: only older messages */
                    before_id?: string;
                    limit?: number;
                    /** @description search text: 1-100 characters once trimmed; every word must match (a word matches the words it begins), Chinese, Japanese and Korean text by its character pairs */
                    q: string;
                };
                header?: never;
                path: {
                    /** @description 64-bit id as a decimal string (1 to 18446744073709551615) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            has_more: boolean;
                            /** @description newest first */
                            messages: {
                                client_msg_id: string;
                                /** @description empty once recalled or deleted */
                                content: string;
                                /**
                                 * Format: gochat-id
                                 * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                 */
                                conversation_id: string;
                                /** @description ms since epoch */
                                created_at: number;
                                /** @description ms since epoch of the last edit; absent when never edited (or recalled) */
                                edited_at?: number;
                                /** @description true when it mentions every member (@all); absent otherwise */
                                mention_all?: boolean;
                                /** @description user ids this message mentions; absent when none (or recalled) */
                                mentions?: string[];
                                /**
                                 * Format: gochat-id
                                 * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                 */
                                message_id: string;
                                msg_type: number;
                                /** @description history and sync only: the reactions now, in the order first given, `me` for yours; absent when none */
                                reactions?: {
                                    count: number;
                                    emoji: string;
                                    me: boolean;
                                }[];
                                recalled: boolean;
                                /** @description The message this one replies to */
                                reply_to?: {
                                    /**
                                     * Format: gochat-id
                                     * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                     */
                                    message_id: string;
                                    /** @description the first 100 characters of the quoted message's current content (edits included); empty once it is recalled */
                                    preview: string;
                                    recalled: boolean;
                                    /**
                                     * Format: gochat-id
                                     * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                     */
                                    sender_id: string;
                                };
                                sender?: {
                                    avatar_url: string | null;
                                    /**
                                     * Format: gochat-id
                                     * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                     */
                                    id: string;
                                    nickname: string | null;
                                    username: string;
                                };
                                /**
                                 * Format: gochat-id
                                 * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                 */
                                sender_id: string;
                                seq: number;
                            }[];
                            /** @description pass as before_id for the next page; null on the last page */
                            next_before_id: string | null;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/conversations/{id}/mute-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Mute (or unmute) the group for members: only the owner and admins may send (owner or admin)
         * @description Every member's devices get a `group_updated` event with the group as it is after the change.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 64-bit id as a decimal string (1 to 18446744073709551615) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            announcement: string | null;
                            avatar_url: string | null;
                            created_at: number;
                            /** @description groups: dissolved by the owner; history readable, sends refused (GROUP_DISSOLVED) */
                            dissolved: boolean;
                            /**
                             * Format: gochat-id
                             * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                             */
                            id: string;
                            last_seq: number;
                            member_count: number;
                            /** @description groups: only the owner and admins may send (GROUP_MUTED for others) */
                            mute_all: boolean;
                            name: string | null;
                            owner_id: string | null;
                            /** @description 1 single, 2 group, 3 world */
                            type: number;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/conversations/{id}/owner": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Hand the group to another member (owner only); you become an admin
         * @description Every member's devices get a `group_updated` event with the group as it is after the change.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 64-bit id as a decimal string (1 to 18446744073709551615) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: gochat-id
                         * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                         */
                        user_id: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            announcement: string | null;
                            avatar_url: string | null;
                            created_at: number;
                            /** @description groups: dissolved by the owner; history readable, sends refused (GROUP_DISSOLVED) */
                            dissolved: boolean;
                            /**
                             * Format: gochat-id
                             * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                             */
                            id: string;
                            last_seq: number;
                            member_count: number;
                            /** @description groups: only the owner and admins may send (GROUP_MUTED for others) */
                            mute_all: boolean;
                            name: string | null;
                            owner_id: string | null;
                            /** @description 1 single, 2 group, 3 world */
                            type: number;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/conversations/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark messages up to seq as read (the pointer only moves forward) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 64-bit id as a decimal string (1 to 18446744073709551615) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        seq: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: gochat-id
                             * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                             */
                            conversation_id: string;
                            last_read_seq: number;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/conversations/{id}/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Your own settings of a conversation: do-not-disturb, pinned (listed first), hidden (left out of the list until a new message) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 64-bit id as a decimal string (1 to 18446744073709551615) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        do_not_disturb?: boolean;
                        /** @description left out of GET /conversations until a new message arrives (or false) */
                        hidden?: boolean;
                        /** @description pinned conversations come first in GET /conversations */
                        pinned?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            do_not_disturb: boolean;
                            hidden: boolean;
                            pinned: boolean;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/conversations/world": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The world conversation every account (guests too) can read and write */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            conversation: {
                                announcement: string | null;
                                avatar_url: string | null;
                                created_at: number;
                                /** @description groups: dissolved by the owner; history readable, sends refused (GROUP_DISSOLVED) */
                                dissolved: boolean;
                                /**
                                 * Format: gochat-id
                                 * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                 */
                                id: string;
                                last_seq: number;
                                member_count: number;
                                /** @description groups: only the owner and admins may send (GROUP_MUTED for others) */
                                mute_all: boolean;
                                name: string | null;
                                owner_id: string | null;
                                /** @description 1 single, 2 group, 3 world */
                                type: number;
                            };
                            membership: {
                                /** @description your setting: notify quietly, if at all (clients and push honour it) */
                                do_not_disturb: boolean;
                                joined_at: number;
                                /** @description muted now (sends refused with MUTED) */
                                muted: boolean;
                                muted_until: number | null;
                                /** @description your setting: listed before the others */
                                pinned: boolean;
                                role: "owner" | "admin" | "member";
                            };
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/friends": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your friends in user id order (page on with next_after_user_id) */
        get: {
            parameters: {
                query?: {
                    /** @description 64-bit id as a decimal string (1 to 18446744073709551615) */
                    after_user_id?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            friends: {
                                /** @description connected to some gateway now; `presence` events tell the changes */
                                online: boolean;
                                since: number;
                                user: {
                                    avatar_url: string | null;
                                    /** @description ms since epoch */
                                    created_at: number;
                                    /**
                                     * Format: gochat-id
                                     * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                     */
                                    id: string;
                                    is_guest: boolean;
                                    nickname: string | null;
                                    username: string;
                                };
                            }[];
                            next_after_user_id: string | null;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/friends/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Unfriend: the friendship ends both ways; your 1:1 history stays readable, new sends in it are refused (NOT_FRIENDS) until you are friends again */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 64-bit id as a decimal string (1 to 18446744073709551615) */
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description no content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/friends/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Incoming or outgoing friend requests, newest first (page on with next_before_id) */
        get: {
            parameters: {
                query?: {
                    /** @description 64-bit id as a decimal string (1 to 18446744073709551615) */
                    before_id?: string;
                    direction?: "incoming" | "outgoing";
                    limit?: number;
                    status?: "pending" | "accepted" | "rejected" | "expired";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            next_before_id: string | null;
                            requests: {
                                created_at: number;
                                handled_at: number | null;
                                /**
                                 * Format: gochat-id
                                 * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                 */
                                id: string;
                                message: string | null;
                                requester: {
                                    avatar_url: string | null;
                                    /** @description ms since epoch */
                                    created_at: number;
                                    /**
                                     * Format: gochat-id
                                     * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                     */
                                    id: string;
                                    is_guest: boolean;
                                    nickname: string | null;
                                    username: string;
                                } | null;
                                /**
                                 * Format: gochat-id
                                 * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                 */
                                requester_id: string;
                                status: "pending" | "accepted" | "rejected" | "expired";
                                target: {
                                    avatar_url: string | null;
                                    /** @description ms since epoch */
                                    created_at: number;
                                    /**
                                     * Format: gochat-id
                                     * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                     */
                                    id: string;
                                    is_guest: boolean;
                                    nickname: string | null;
                                    username: string;
                                } | null;
                                /**
                                 * Format: gochat-id
                                 * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                 */
                                target_id: string;
                            }[];
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Ask a user to be friends (201 new, 200 when the same request is already pending) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        message?: string;
                        /**
                         * Format: gochat-id
                         * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                         */
                        target_user_id: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created_at: number;
                            handled_at: number | null;
                            /**
                             * Format: gochat-id
                             * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                             */
                            id: string;
                            message: string | null;
                            requester: {
                                avatar_url: string | null;
                                /** @description ms since epoch */
                                created_at: number;
                                /**
                                 * Format: gochat-id
                                 * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                 */
                                id: string;
                                is_guest: boolean;
                                nickname: string | null;
                                username: string;
                            } | null;
                            /**
                             * Format: gochat-id
                             * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                             */
                            requester_id: string;
                            status: "pending" | "accepted" | "rejected" | "expired";
                            target: {
                                avatar_url: string | null;
                                /** @description ms since epoch */
                                created_at: number;
                                /**
                                 * Format: gochat-id
                                 * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                 */
                                id: string;
                                is_guest: boolean;
                                nickname: string | null;
                                username: string;
                            } | null;
                            /**
                             * Format: gochat-id
                             * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                             */
                            target_id: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created_at: number;
                            handled_at: number | null;
                            /**
                             * Format: gochat-id
                             * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                             */
                            id: string;
                            message: string | null;
                            requester: {
                                avatar_url: string | null;
                                /** @description ms since epoch */
                                created_at: number;
                                /**
                                 * Format: gochat-id
                                 * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                 */
                                id: string;
                                is_guest: boolean;
                                nickname: string | null;
                                username: string;
                            } | null;
                            /**
                             * Format: gochat-id
                             * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                             */
                            requester_id: string;
                            status: "pending" | "accepted" | "rejected" | "expired";
                            target: {
                                avatar_url: string | null;
                                /** @description ms since epoch */
                                created_at: number;
                                /**
                                 * Format: gochat-id
                                 * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                 */
                                id: string;
                                is_guest: boolean;
                                nickname: string | null;
                                username: string;
                            } | null;
                            /**
                             * Format: gochat-id
                             * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                             */
                            target_id: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/friends/requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Accept (1) or reject (2) a request addressed to you; accepting returns the 1:1 conversation id */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 64-bit id as a decimal string (1 to 18446744073709551615) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 1 accept, 2 reject */
                        action: 1 | 2;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: gochat-id
                             * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                             */
                            conversation_id?: string;
                            request: {
                                created_at: number;
                                handled_at: number | null;
                                /**
                                 * Format: gochat-id
                                 * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                 */
                                id: string;
                                message: string | null;
                                requester: {
                                    avatar_url: string | null;
                                    /** @description ms since epoch */
                                    created_at: number;
                                    /**
                                     * Format: gochat-id
                                     * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                     */
                                    id: string;
                                    is_guest: boolean;
                                    nickname: string | null;
                                    username: string;
                                } | null;
                                /**
                                 * Format: gochat-id
                                 * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                 */
                                requester_id: string;
                                status: "pending" | "accepted" | "rejected" | "expired";
                                target: {
                                    avatar_url: string | null;
                                    /** @description ms since epoch */
                                    created_at: number;
                                    /**
                                     * Format: gochat-id
                                     * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                     */
                                    id: string;
                                    is_guest: boolean;
                                    nickname: string | null;
                                    username: string;
                                } | null;
                                /**
                                 * Format: gochat-id
                                 * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                 */
                                target_id: string;
                            };
                            status: "accepted" | "rejected" | "expired";
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/messages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Recall your own message within the recall window; members are told in real time */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 64-bit id as a decimal string (1 to 18446744073709551615) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A stored message, as every client sees it */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            client_msg_id: string;
                            /** @description empty once recalled or deleted */
                            content: string;
                            /**
                             * Format: gochat-id
                             * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                             */
                            conversation_id: string;
                            /** @description ms since epoch */
                            created_at: number;
                            /** @description ms since epoch of the last edit; absent when never edited (or recalled) */
                            edited_at?: number;
                            /** @description true when it mentions every member (@all); absent otherwise */
                            mention_all?: boolean;
                            /** @description user ids this message mentions; absent when none (or recalled) */
                            mentions?: string[];
                            /**
                             * Format: gochat-id
                             * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                             */
                            message_id: string;
                            msg_type: number;
                            /** @description history and sync only: the reactions now, in the order first given, `me` for yours; absent when none */
                            reactions?: {
                                count: number;
                                emoji: string;
                                me: boolean;
                            }[];
                            recalled: boolean;
                            /** @description The message this one replies to */
                            reply_to?: {
                                /**
                                 * Format: gochat-id
                                 * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                 */
                                message_id: string;
                                /** @description the first 100 characters of the quoted message's current content (edits included); empty once it is recalled */
                                preview: string;
                                recalled: boolean;
                                /**
                                 * Format: gochat-id
                                 * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                 */
                                sender_id: string;
                            };
                            sender?: {
                                avatar_url: string | null;
                                /**
                                 * Format: gochat-id
                                 * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                 */
                                id: string;
                                nickname: string | null;
                                username: string;
                            };
                            /**
                             * Format: gochat-id
                             * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                             */
                            sender_id: string;
                            seq: number;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Edit your own text message within the edit window; every member's devices get an `edited` event
         * @description The same content again changes nothing and answers with the stored message. Refused with EDIT_WINDOW_PASSED once the window is over, MESSAGE_NOT_EDITABLE for a recalled or non-text message, FORBIDDEN when you did not send it.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 64-bit id as a decimal string (1 to 18446744073709551615) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description at most 16384 bytes of UTF-8 */
                        content: string;
                    };
                };
            };
            responses: {
                /** @description A stored message, as every client sees it */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            client_msg_id: string;
                            /** @description empty once recalled or deleted */
                            content: string;
                            /**
                             * Format: gochat-id
                             * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                             */
                            conversation_id: string;
                            /** @description ms since epoch */
                            created_at: number;
                            /** @description ms since epoch of the last edit; absent when never edited (or recalled) */
                            edited_at?: number;
                            /** @description true when it mentions every member (@all); absent otherwise */
                            mention_all?: boolean;
                            /** @description user ids this message mentions; absent when none (or recalled) */
                            mentions?: string[];
                            /**
                             * Format: gochat-id
                             * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                             */
                            message_id: string;
                            msg_type: number;
                            /** @description history and sync only: the reactions now, in the order first given, `me` for yours; absent when none */
                            reactions?: {
                                count: number;
                                emoji: string;
                                me: boolean;
                            }[];
                            recalled: boolean;
                            /** @description The message this one replies to */
                            reply_to?: {
                                /**
                                 * Format: gochat-id
                                 * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                 */
                                message_id: string;
                                /** @description the first 100 characters of the quoted message's current content (edits included); empty once it is recalled */
                                preview: string;
                                recalled: boolean;
                                /**
                                 * Format: gochat-id
                                 * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                 */
                                sender_id: string;
                            };
                            sender?: {
                                avatar_url: string | null;
                                /**
                                 * Format: gochat-id
                                 * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                 */
                                id: string;
                                nickname: string | null;
                                username: string;
                            };
                            /**
                             * Format: gochat-id
                             * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                             */
                            sender_id: string;
                            seq: number;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/messages/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Full-text search across every conversation you are a member of, newest first
         * @description Conversations you have left are not searched; recalled and deleted messages are never found. Page with before_id = the previous page's next_before_id.
         */
        get: {
            parameters: {
                query: {
                    /** @description the previous page's next_before_id: only older messages */
                    before_id?: string;
                    limit?: number;
                    /** @description search text: 1-100 characters once trimmed; every word must match (a word matches the words it begins), Chinese, Japanese and Korean text by its character pairs */
                    q: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            has_more: boolean;
                            /** @description newest first */
                            messages: {
                                client_msg_id: string;
                                /** @description empty once recalled or deleted */
                                content: string;
                                /**
                                 * Format: gochat-id
                                 * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                 */
                                conversation_id: string;
                                /** @description ms since epoch */
                                created_at: number;
                                /** @description ms since epoch of the last edit; absent when never edited (or recalled) */
                                edited_at?: number;
                                /** @description true when it mentions every member (@all); absent otherwise */
                                mention_all?: boolean;
                                /** @description user ids this message mentions; absent when none (or recalled) */
                                mentions?: string[];
                                /**
                                 * Format: gochat-id
                                 * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                 */
                                message_id: string;
                                msg_type: number;
                                /** @description history and sync only: the reactions now, in the order first given, `me` for yours; absent when none */
                                reactions?: {
                                    count: number;
                                    emoji: string;
                                    me: boolean;
                                }[];
                                recalled: boolean;
                                /** @description The message this one replies to */
                                reply_to?: {
                                    /**
                                     * Format: gochat-id
                                     * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                     */
                                    message_id: string;
                                    /** @description the first 100 characters of the quoted message's current content (edits included); empty once it is recalled */
                                    preview: string;
                                    recalled: boolean;
                                    /**
                                     * Format: gochat-id
                                     * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                     */
                                    sender_id: string;
                                };
                                sender?: {
                                    avatar_url: string | null;
                                    /**
                                     * Format: gochat-id
                                     * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                     */
                                    id: string;
                                    nickname: string | null;
                                    username: string;
                                };
                                /**
                                 * Format: gochat-id
                                 * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                 */
                                sender_id: string;
                                seq: number;
                            }[];
                            /** @description pass as before_id for the next page; null on the last page */
                            next_before_id: string | null;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** MySQL, Redis, Kafka and Temporal are reachable */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            checks: {
                                kafka: {
                                    error?: string;
                                    latency_ms: number;
                                    ok: boolean;
                                };
                                mysql: {
                                    error?: string;
                                    latency_ms: number;
                                    ok: boolean;
                                };
                                redis: {
                                    error?: string;
                                    latency_ms: number;
                                    ok: boolean;
                                };
                                temporal: {
                                    error?: string;
                                    latency_ms: number;
                                    ok: boolean;
                                };
                            };
                            conditions?: {
                                [key: string]: {
                                    error?: string;
                                    ok: boolean;
                                };
                            };
                            status: "ready" | "unavailable";
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            checks: {
                                kafka: {
                                    error?: string;
                                    latency_ms: number;
                                    ok: boolean;
                                };
                                mysql: {
                                    error?: string;
                                    latency_ms: number;
                                    ok: boolean;
                                };
                                redis: {
                                    error?: string;
                                    latency_ms: number;
                                    ok: boolean;
                                };
                                temporal: {
                                    error?: string;
                                    latency_ms: number;
                                    ok: boolean;
                                };
                            };
                            conditions?: {
                                [key: string]: {
                                    error?: string;
                                    ok: boolean;
                                };
                            };
                            status: "ready" | "unavailable";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user by id */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 64-bit id as a decimal string (1 to 18446744073709551615) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            avatar_url: string | null;
                            /** @description ms since epoch */
                            created_at: number;
                            /**
                             * Format: gochat-id
                             * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                             */
                            id: string;
                            is_guest: boolean;
                            nickname: string | null;
                            username: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            avatar_url: string | null;
                            /** @description ms since epoch */
                            created_at: number;
                            /**
                             * Format: gochat-id
                             * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                             */
                            id: string;
                            is_guest: boolean;
                            nickname: string | null;
                            username: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        /** Change nickname and/or avatar (null clears) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        avatar_url?: string | null;
                        nickname?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            avatar_url: string | null;
                            /** @description ms since epoch */
                            created_at: number;
                            /**
                             * Format: gochat-id
                             * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                             */
                            id: string;
                            is_guest: boolean;
                            nickname: string | null;
                            username: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find registered users by username prefix */
        get: {
            parameters: {
                query: {
                    limit?: number;
                    q: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            users: {
                                avatar_url: string | null;
                                /** @description ms since epoch */
                                created_at: number;
                                /**
                                 * Format: gochat-id
                                 * @description 64-bit id as a decimal string (1 to 18446744073709551615)
                                 */
                                id: string;
                                is_guest: boolean;
                                nickname: string | null;
                                username: string;
                            }[];
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
                /** @description An error with a stable code (docs/protocol.md lists them all) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            code: "BAD_FRAME" | "UNKNOWN_FRAME_TYPE" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_CONVERSATION_MEMBER" | "MUTED" | "GROUP_MUTED" | "BLOCKED" | "NOT_FRIENDS" | "GROUP_DISSOLVED" | "EDIT_WINDOW_PASSED" | "MESSAGE_NOT_EDITABLE" | "MESSAGE_RECALLED" | "REACTION_LIMIT" | "REPLY_TARGET_NOT_FOUND" | "MENTION_NOT_MEMBER" | "MENTION_ALL_FORBIDDEN" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "ATTACHMENT_NOT_READY" | "ATTACHMENT_KIND_MISMATCH" | "ATTACHMENT_LINK_INVALID" | "ATTACHMENT_LINK_EXPIRED" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
                            /** @description the request field at fault, e.g. body.username */
                            field?: string;
                            message: string;
                            /** @description quote it to the operator: the server log has the detail under it */
                            request_id?: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
