// Message search: the query string and the page. Items are messages in the shape history and the
// WebSocket protocol use (each carries its conversation_id); pages go from newest to oldest.
import { Type } from '@fastify/type-provider-typebox';
import { Id, Strict } from './common.ts';
import { Message } from './messages.ts';

/** Characters of the search text once trimmed (checked by the service, which trims). */
export const SEARCH_TEXT_MAX = 100;

export const SearchQuery = Strict({
  // The schema bounds the raw text; the service trims it and checks 1..SEARCH_TEXT_MAX.
  q: Type.String({ maxLength: 1000, description: `search text: 1-${SEARCH_TEXT_MAX} characters once trimmed; every word must match (a word matches the words it begins), Chinese, Japanese and Korean text by its character pairs` }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  before_id: Type.Optional({ ...Id, description: 'the previous page\'s next_before_id: only older messages' }),
});

export const SearchResponse = Strict({
  messages: Type.Array(Message, { description: 'newest first' }),
  has_more: Type.Boolean(),
  next_before_id: Type.Union([Id, Type.Null()], { description: 'pass as before_id for the next page; null on the last page' }),
});
