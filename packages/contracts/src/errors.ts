/**
 * Every error code the platform answers with, and its message for people (zh-CN first, then en).
 * The gateway maps each code to an HTTP status in one exhaustive switch.
 */
export enum ErrorCode {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  MALFORMED_MESSAGE = 'MALFORMED_MESSAGE',
  NOT_FOUND = 'NOT_FOUND',
  ROUTE_NOT_FOUND = 'ROUTE_NOT_FOUND',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  SERVICE_TIMEOUT = 'SERVICE_TIMEOUT',
  INTERNAL_ERROR = 'INTERNAL_ERROR',
  POLICY_DOCUMENT_NOT_FOUND = 'POLICY_DOCUMENT_NOT_FOUND',
  POLICY_DOCUMENT_ALREADY_PUBLISHED = 'POLICY_DOCUMENT_ALREADY_PUBLISHED',
  QA_PAIR_NOT_FOUND = 'QA_PAIR_NOT_FOUND',
  GUIDE_MATTER_NOT_FOUND = 'GUIDE_MATTER_NOT_FOUND',
  DISCLOSURE_REQUEST_NOT_FOUND = 'DISCLOSURE_REQUEST_NOT_FOUND',
  CALENDAR_OUT_OF_RANGE = 'CALENDAR_OUT_OF_RANGE',
}

export const errorMessages: Record<ErrorCode, { zh: string; en: string }> = {
  VALIDATION_FAILED: { zh: '提交的内容不符合要求，请按提示修改后重试。', en: 'The input is invalid; fix the listed fields and retry.' },
  MALFORMED_MESSAGE: { zh: '消息格式错误，无法处理。', en: 'The message is malformed and was not processed.' },
  NOT_FOUND: { zh: '未找到所请求的内容。', en: 'The requested item was not found.' },
  ROUTE_NOT_FOUND: { zh: '接口地址不存在，请检查网址。', en: 'No such API route; check the URL.' },
  PAYLOAD_TOO_LARGE: { zh: '提交的内容过大。', en: 'The request body is too large.' },
  SERVICE_UNAVAILABLE: { zh: '服务暂时不可用，请稍后再试。', en: 'The service is temporarily unavailable; try again shortly.' },
  SERVICE_TIMEOUT: { zh: '服务响应超时，请稍后再试。', en: 'The service did not answer in time; try again shortly.' },
  INTERNAL_ERROR: { zh: '系统内部错误，请稍后再试或联系管理员。', en: 'Internal error; try again later or contact support.' },
  POLICY_DOCUMENT_NOT_FOUND: { zh: '未找到该政策文件。', en: 'Policy document not found.' },
  POLICY_DOCUMENT_ALREADY_PUBLISHED: { zh: '该政策文件已发布，不能重复发布。', en: 'The policy document is already published.' },
  QA_PAIR_NOT_FOUND: { zh: '未找到该问答。', en: 'Q&A pair not found.' },
  GUIDE_MATTER_NOT_FOUND: { zh: '未找到该办事事项。', en: 'Service matter not found.' },
  DISCLOSURE_REQUEST_NOT_FOUND: { zh: '未找到该政府信息公开申请，请核对查询码。', en: 'Disclosure request not found; check the tracking code.' },
  CALENDAR_OUT_OF_RANGE: { zh: '日期超出工作日历支持的范围。', en: 'The date is outside the working-day calendar range.' },
};

/** The wire shape of an error, in RPC replies and HTTP bodies alike. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** Thrown by services (never HttpException); carries a stable code. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
  ) {
    super(message ?? errorMessages[code].zh);
    this.name = 'DomainError';
  }

  toBody(): ErrorBody {
    return { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) };
  }
}

export function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorBody).code === 'string' &&
    (Object.values(ErrorCode) as string[]).includes((value as ErrorBody).code)
  );
}
