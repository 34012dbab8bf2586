// The close codes the SDK acts on. The values live here so the SDK loads no contract code at
// runtime; their type is the contract's, so a change there fails the type-check here.
import type { CloseCode } from '../../contract/index.ts';

type Codes = typeof CloseCode;

export const CLOSE: Pick<Codes, 'normal' | 'serviceRestart' | 'unauthorized' | 'tokenRevoked' | 'rateLimited'> = {
  normal: 1000,
  serviceRestart: 1012,
  unauthorized: 4001,
  tokenRevoked: 4003,
  rateLimited: 4029,
};

/** Closed by the SDK itself: no answer for too long (a half-open connection). */
export const CLOSE_SILENT = 4900;
