// Failures no retry can fix; the workflows list these types as non-retryable.
import { ApplicationFailure } from '@temporalio/common';
import { NotFoundError, ValidationError } from '../repo/errors.ts';
import { FailureTypes } from '../workflows/definitions.ts';

export function notFound(message: string): ApplicationFailure {
  return ApplicationFailure.create({ type: FailureTypes.notFound, message, nonRetryable: true });
}

export function invalidArgument(message: string): ApplicationFailure {
  return ApplicationFailure.create({ type: FailureTypes.invalidArgument, message, nonRetryable: true });
}

export function requestClosed(message: string): ApplicationFailure {
  return ApplicationFailure.create({ type: FailureTypes.requestClosed, message, nonRetryable: true });
}

/** Bad input and missing rows do not get better with retries: fail the activity for good. */
export function failFast<T extends object>(port: T): T {
  const wrapped = {} as Record<string, unknown>;
  for (const [name, fn] of Object.entries(port)) {
    wrapped[name] = async (...args: unknown[]) => {
      try {
        return await (fn as (...a: unknown[]) => Promise<unknown>)(...args);
      } catch (err) {
        if (err instanceof ValidationError) {
          throw ApplicationFailure.create({ type: FailureTypes.invalidArgument, message: err.message, nonRetryable: true, cause: err });
        }
        if (err instanceof NotFoundError) {
          throw ApplicationFailure.create({ type: FailureTypes.notFound, message: err.message, nonRetryable: true, cause: err });
        }
        throw err;
      }
    };
  }
  return wrapped as T;
}
