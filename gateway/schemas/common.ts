// Building blocks shared by the route schemas. Every object schema rejects unknown properties;
// 64-bit ids travel as decimal strings.
import { Type, type TSchema, type TProperties } from '@fastify/type-provider-typebox';
import { ErrorBody, Id } from '../../contract/index.ts';

export { Id };

/** An object that refuses properties it does not declare. */
export const Strict = <T extends TProperties>(properties: T, options: { description?: string; $id?: string } = {}) =>
  Type.Object(properties, { additionalProperties: false, ...options });

export const ErrorResponse = ErrorBody;

/** Error responses every authenticated route may return, plus the route's own. */
export function errors(...statuses: number[]): Record<number, typeof ErrorResponse> {
  const all = new Set([400, 401, 500, ...statuses]);
  return Object.fromEntries([...all].map((s) => [s, ErrorResponse]));
}

export const IdParams = Strict({ id: Id });

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
};

export const NoContent = Type.Null({ description: 'no content' });

export const bearer = [{ bearerAuth: [] }];

export type Schema = TSchema;
