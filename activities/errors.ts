// Failures no retry can fix; the workflows list these types as non-retryable.
import { ApplicationFailure } from '@temporalio/common';
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
