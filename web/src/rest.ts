// REST calls through the SDK's typed client: a result or a thrown error, and the sentence a
// person reads when something is refused.

interface Result<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** A refusal whose body the SDK handed back rather than threw (it throws GoChatError itself). */
class RestError extends Error {
  code: string;
  status: number;
  constructor(code: string, message: string, status: number) {
    super(message);
    this.name = 'RestError';
    this.code = code;
    this.status = status;
  }
}

/** The body of a successful call; throws the refusal otherwise. */
export async function must<T>(request: Promise<Result<T>>): Promise<T> {
  const { data, error, response } = await request;
  if (error !== undefined || !response.ok) {
    const body = (error ?? {}) as { code?: unknown; message?: unknown };
    throw new RestError(
      typeof body.code === 'string' ? body.code : 'INTERNAL_ERROR',
      typeof body.message === 'string' ? body.message : `request failed (${response.status})`,
      response.status,
    );
  }
  return data as T;
}

export const errorCode = (err: unknown): string | undefined =>
  err instanceof Error && 'code' in err && typeof err.code === 'string' ? err.code : undefined;

const FRIENDLY: Record<string, string> = {
  INTERNAL_ERROR: 'Something went wrong on the server. Please try again.',
  RATE_LIMITED: 'Too many attempts. Please wait a moment and try again.',
  SERVICE_UNAVAILABLE: 'The service is busy right now. Please try again.',
  NOT_CONVERSATION_MEMBER: 'You are not a member of this conversation.',
  MUTED: 'You are muted in this conversation.',
};

/** What to show for an error: the server's own message, which names the problem, or a plain one. */
export function errorText(err: unknown): string {
  const code = errorCode(err);
  if (code !== undefined) return FRIENDLY[code] ?? (err as Error).message;
  if (err instanceof TypeError) return 'Cannot reach GoChat. Check your connection.';
  return err instanceof Error ? err.message : String(err);
}
