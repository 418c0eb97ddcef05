import { ErrorCode } from '@govdisc/contracts';

function assertNever(code: never): never {
  throw new Error(`no HTTP status for error code ${String(code)}`);
}

/** Every error code's HTTP status; a new code without a status here fails to compile. */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.VALIDATION_FAILED:
    case ErrorCode.MALFORMED_MESSAGE:
    case ErrorCode.NOTIFY_UNSUBSCRIBE_TOKEN_INVALID:
    case ErrorCode.NOTIFY_WEBHOOK_URL_INVALID:
    case ErrorCode.NOTIFY_WEBHOOK_DEPARTMENT_REQUIRED:
    case ErrorCode.SEARCH_QUERY_EMPTY:
    case ErrorCode.SEARCH_QUERY_TOO_LONG:
    case ErrorCode.SEARCH_TYPE_UNKNOWN:
    case ErrorCode.SEARCH_PAGE_OUT_OF_RANGE:
    case ErrorCode.DISCLOSURE_REPORT_RANGE_INVALID:
      return 400;
    case ErrorCode.NOT_FOUND:
    case ErrorCode.ROUTE_NOT_FOUND:
    case ErrorCode.POLICY_DOCUMENT_NOT_FOUND:
    case ErrorCode.POLICY_IMPORT_JOB_NOT_FOUND:
    case ErrorCode.POLICY_BEST_BET_NOT_FOUND:
    case ErrorCode.QA_PAIR_NOT_FOUND:
    case ErrorCode.TOPIC_NOT_FOUND:
    case ErrorCode.GUIDE_MATTER_NOT_FOUND:
    case ErrorCode.GUIDE_BUNDLE_NOT_FOUND:
    case ErrorCode.GUIDE_SITE_NOT_FOUND:
    case ErrorCode.DISCLOSURE_REQUEST_NOT_FOUND:
    case ErrorCode.NOTIFICATION_NOT_FOUND:
    case ErrorCode.NOTIFY_WEBHOOK_ENDPOINT_NOT_FOUND:
    case ErrorCode.NOTIFY_WEBHOOK_DELIVERY_NOT_FOUND:
    case ErrorCode.NOTIFY_SUBSCRIPTION_NOT_FOUND:
      return 404;
    case ErrorCode.POLICY_DOCUMENT_ALREADY_PUBLISHED:
    case ErrorCode.POLICY_INVALID_TRANSITION:
    case ErrorCode.POLICY_BEST_BET_DUPLICATE_QUERY:
    case ErrorCode.POLICY_IMPORT_OUT_OF_ORDER:
    case ErrorCode.DISCLOSURE_INVALID_TRANSITION:
    case ErrorCode.DISCLOSURE_SUPPLEMENT_ALREADY_REQUESTED:
    case ErrorCode.DISCLOSURE_SUPPLEMENT_LATE:
    case ErrorCode.DISCLOSURE_EXTENSION_REJECTED:
    case ErrorCode.DISCLOSURE_FEE_NOTICE_TOO_LATE:
    case ErrorCode.DISCLOSURE_FEE_WINDOW_CLOSED:
    case ErrorCode.DISCLOSURE_FEE_ALREADY_NOTIFIED:
    case ErrorCode.DISCLOSURE_SUPPLEMENT_AFTER_DUE:
    case ErrorCode.NOTIFY_WEBHOOK_REPLAY_NOT_DEAD:
    case ErrorCode.NOTIFY_SUBSCRIPTION_DUPLICATE:
    case ErrorCode.NOTIFY_SUBSCRIPTION_LIMIT_REACHED:
      return 409;
    case ErrorCode.DISCLOSURE_FORBIDDEN:
    case ErrorCode.NOTIFY_WEBHOOK_DEPARTMENT_FORBIDDEN:
      return 403;
    case ErrorCode.PAYLOAD_TOO_LARGE:
    case ErrorCode.DISCLOSURE_ATTACHMENT_TOO_LARGE:
      return 413;
    case ErrorCode.DISCLOSURE_ATTACHMENT_TYPE_FORBIDDEN:
    case ErrorCode.POLICY_IMPORT_FORMAT_UNKNOWN:
      return 415;
    case ErrorCode.CALENDAR_OUT_OF_RANGE:
    case ErrorCode.DISCLOSURE_REPLY_INCOMPLETE:
    case ErrorCode.DISCLOSURE_INVALID_DATE:
    case ErrorCode.DISCLOSURE_DEPARTMENT_UNKNOWN:
    case ErrorCode.DISCLOSURE_FEE_NOT_CHARGEABLE:
    case ErrorCode.DISCLOSURE_APPROVER_INVALID:
    case ErrorCode.NOTIFY_SUBSCRIPTION_TOPIC_UNKNOWN:
    case ErrorCode.NOTIFY_SUBSCRIPTION_QUERY_EMPTY:
    case ErrorCode.NOTIFY_PREFERENCES_CONTACT_MISSING:
      return 422;
    case ErrorCode.AUTH_REQUIRED:
    case ErrorCode.AUTH_INVALID_TOKEN:
      return 401;
    case ErrorCode.FORBIDDEN:
      return 403;
    case ErrorCode.IDEMPOTENCY_IN_PROGRESS:
    case ErrorCode.QA_TRANSITION_NOT_ALLOWED:
    case ErrorCode.QA_SELF_REVIEW:
    case ErrorCode.CONTENT_SELF_PUBLISH:
    case ErrorCode.CONTENT_NOTHING_TO_PUBLISH:
      return 409;
    case ErrorCode.QA_CITATION_MISMATCH:
    case ErrorCode.QA_CITATION_CLAUSE_NOT_FOUND:
    case ErrorCode.POLICY_BEST_BET_DOCUMENT_UNAVAILABLE:
    case ErrorCode.QA_TOPIC_UNKNOWN:
    case ErrorCode.GUIDE_MATTER_UNKNOWN:
    case ErrorCode.GUIDE_SITE_UNKNOWN:
    case ErrorCode.GUIDE_IMPORT_FILE_INVALID:
    case ErrorCode.POLICY_IMPORT_FILE_INVALID:
      return 422;
    case ErrorCode.IDEMPOTENCY_KEY_REUSED:
      return 422;
    case ErrorCode.RATE_LIMITED:
      return 429;
    case ErrorCode.INTERNAL_ERROR:
      return 500;
    case ErrorCode.SERVICE_UNAVAILABLE:
    case ErrorCode.POLICY_SEARCH_NOT_READY:
    case ErrorCode.IDENTITY_PROVIDER_UNAVAILABLE:
      return 503;
    case ErrorCode.SERVICE_TIMEOUT:
      return 504;
    default:
      return assertNever(code);
  }
}
