import { ErrorCode } from '@govdisc/contracts';

function assertNever(code: never): never {
  throw new Error(`no HTTP status for error code ${String(code)}`);
}

/** Every error code's HTTP status; a new code without a status here fails to compile. */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.VALIDATION_FAILED:
    case ErrorCode.MALFORMED_MESSAGE:
      return 400;
    case ErrorCode.NOT_FOUND:
    case ErrorCode.ROUTE_NOT_FOUND:
    case ErrorCode.POLICY_DOCUMENT_NOT_FOUND:
    case ErrorCode.QA_PAIR_NOT_FOUND:
    case ErrorCode.GUIDE_MATTER_NOT_FOUND:
    case ErrorCode.DISCLOSURE_REQUEST_NOT_FOUND:
      return 404;
    case ErrorCode.POLICY_DOCUMENT_ALREADY_PUBLISHED:
      return 409;
    case ErrorCode.PAYLOAD_TOO_LARGE:
      return 413;
    case ErrorCode.CALENDAR_OUT_OF_RANGE:
      return 422;
    case ErrorCode.INTERNAL_ERROR:
      return 500;
    case ErrorCode.SERVICE_UNAVAILABLE:
      return 503;
    case ErrorCode.SERVICE_TIMEOUT:
      return 504;
    default:
      return assertNever(code);
  }
}
