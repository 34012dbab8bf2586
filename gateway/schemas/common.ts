// Building blocks shared by the route schemas. Every object schema rejects unknown properties;
// 64-bit ids travel as decimal strings.
import { Type, type TSchema, type TProperties } from '@fastify/type-provider-typebox';
import { ErrorCodes } from '../errors.ts';

export const Id = Type.String({ pattern: '^[1-9][0-9]{0,19}$', maxLength: 20, description: '64-bit id as a decimal string' });

/** An object that refuses properties it does not declare. */
export const Strict = <T extends TProperties>(properties: T, options: { description?: string; $id?: string } = {}) =>
  Type.Object(properties, { additionalProperties: false, ...options });

export const ErrorResponse = Type.Object(
  {
    code: Type.Union(Object.values(ErrorCodes).map((c) => Type.Literal(c))),
    message: Type.String(),
    field: Type.Optional(Type.String({ description: 'the request field at fault, e.g. body.username' })),
  },
  { description: 'An error with a stable code' },
);

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
