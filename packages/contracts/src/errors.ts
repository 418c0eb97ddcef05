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
  AUTH_REQUIRED = 'AUTH_REQUIRED',
  AUTH_INVALID_TOKEN = 'AUTH_INVALID_TOKEN',
  FORBIDDEN = 'FORBIDDEN',
  RATE_LIMITED = 'RATE_LIMITED',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  IDEMPOTENCY_IN_PROGRESS = 'IDEMPOTENCY_IN_PROGRESS',
  POLICY_DOCUMENT_NOT_FOUND = 'POLICY_DOCUMENT_NOT_FOUND',
  POLICY_DOCUMENT_ALREADY_PUBLISHED = 'POLICY_DOCUMENT_ALREADY_PUBLISHED',
  POLICY_INVALID_TRANSITION = 'POLICY_INVALID_TRANSITION',
  POLICY_IMPORT_JOB_NOT_FOUND = 'POLICY_IMPORT_JOB_NOT_FOUND',
  POLICY_SEARCH_NOT_READY = 'POLICY_SEARCH_NOT_READY',
  IDENTITY_PROVIDER_UNAVAILABLE = 'IDENTITY_PROVIDER_UNAVAILABLE',
  POLICY_IMPORT_FORMAT_UNKNOWN = 'POLICY_IMPORT_FORMAT_UNKNOWN',
  POLICY_IMPORT_FILE_INVALID = 'POLICY_IMPORT_FILE_INVALID',
  POLICY_IMPORT_OUT_OF_ORDER = 'POLICY_IMPORT_OUT_OF_ORDER',
  POLICY_BEST_BET_NOT_FOUND = 'POLICY_BEST_BET_NOT_FOUND',
  POLICY_BEST_BET_DUPLICATE_QUERY = 'POLICY_BEST_BET_DUPLICATE_QUERY',
  POLICY_BEST_BET_DOCUMENT_UNAVAILABLE = 'POLICY_BEST_BET_DOCUMENT_UNAVAILABLE',
  QA_PAIR_NOT_FOUND = 'QA_PAIR_NOT_FOUND',
  QA_TRANSITION_NOT_ALLOWED = 'QA_TRANSITION_NOT_ALLOWED',
  QA_SELF_REVIEW = 'QA_SELF_REVIEW',
  CONTENT_SELF_PUBLISH = 'CONTENT_SELF_PUBLISH',
  CONTENT_NOTHING_TO_PUBLISH = 'CONTENT_NOTHING_TO_PUBLISH',
  QA_CITATION_MISMATCH = 'QA_CITATION_MISMATCH',
  QA_CITATION_CLAUSE_NOT_FOUND = 'QA_CITATION_CLAUSE_NOT_FOUND',
  QA_TOPIC_UNKNOWN = 'QA_TOPIC_UNKNOWN',
  TOPIC_NOT_FOUND = 'TOPIC_NOT_FOUND',
  SEARCH_QUERY_EMPTY = 'SEARCH_QUERY_EMPTY',
  SEARCH_QUERY_TOO_LONG = 'SEARCH_QUERY_TOO_LONG',
  SEARCH_TYPE_UNKNOWN = 'SEARCH_TYPE_UNKNOWN',
  SEARCH_PAGE_OUT_OF_RANGE = 'SEARCH_PAGE_OUT_OF_RANGE',
  GUIDE_MATTER_NOT_FOUND = 'GUIDE_MATTER_NOT_FOUND',
  GUIDE_BUNDLE_NOT_FOUND = 'GUIDE_BUNDLE_NOT_FOUND',
  GUIDE_SITE_NOT_FOUND = 'GUIDE_SITE_NOT_FOUND',
  GUIDE_MATTER_UNKNOWN = 'GUIDE_MATTER_UNKNOWN',
  GUIDE_SITE_UNKNOWN = 'GUIDE_SITE_UNKNOWN',
  GUIDE_IMPORT_FILE_INVALID = 'GUIDE_IMPORT_FILE_INVALID',
  DISCLOSURE_REQUEST_NOT_FOUND = 'DISCLOSURE_REQUEST_NOT_FOUND',
  CALENDAR_OUT_OF_RANGE = 'CALENDAR_OUT_OF_RANGE',
  DISCLOSURE_FORBIDDEN = 'DISCLOSURE_FORBIDDEN',
  DISCLOSURE_INVALID_TRANSITION = 'DISCLOSURE_INVALID_TRANSITION',
  DISCLOSURE_SUPPLEMENT_ALREADY_REQUESTED = 'DISCLOSURE_SUPPLEMENT_ALREADY_REQUESTED',
  DISCLOSURE_SUPPLEMENT_LATE = 'DISCLOSURE_SUPPLEMENT_LATE',
  DISCLOSURE_EXTENSION_REJECTED = 'DISCLOSURE_EXTENSION_REJECTED',
  DISCLOSURE_FEE_NOTICE_TOO_LATE = 'DISCLOSURE_FEE_NOTICE_TOO_LATE',
  DISCLOSURE_FEE_WINDOW_CLOSED = 'DISCLOSURE_FEE_WINDOW_CLOSED',
  DISCLOSURE_REPLY_INCOMPLETE = 'DISCLOSURE_REPLY_INCOMPLETE',
  DISCLOSURE_ATTACHMENT_TOO_LARGE = 'DISCLOSURE_ATTACHMENT_TOO_LARGE',
  DISCLOSURE_ATTACHMENT_TYPE_FORBIDDEN = 'DISCLOSURE_ATTACHMENT_TYPE_FORBIDDEN',
  DISCLOSURE_INVALID_DATE = 'DISCLOSURE_INVALID_DATE',
  DISCLOSURE_DEPARTMENT_UNKNOWN = 'DISCLOSURE_DEPARTMENT_UNKNOWN',
  DISCLOSURE_FEE_ALREADY_NOTIFIED = 'DISCLOSURE_FEE_ALREADY_NOTIFIED',
  DISCLOSURE_FEE_NOT_CHARGEABLE = 'DISCLOSURE_FEE_NOT_CHARGEABLE',
  DISCLOSURE_APPROVER_INVALID = 'DISCLOSURE_APPROVER_INVALID',
  DISCLOSURE_SUPPLEMENT_AFTER_DUE = 'DISCLOSURE_SUPPLEMENT_AFTER_DUE',
  DISCLOSURE_REPORT_RANGE_INVALID = 'DISCLOSURE_REPORT_RANGE_INVALID',
  NOTIFICATION_NOT_FOUND = 'NOTIFICATION_NOT_FOUND',
  NOTIFY_UNSUBSCRIBE_TOKEN_INVALID = 'NOTIFY_UNSUBSCRIBE_TOKEN_INVALID',
  NOTIFY_WEBHOOK_URL_INVALID = 'NOTIFY_WEBHOOK_URL_INVALID',
  NOTIFY_WEBHOOK_ENDPOINT_NOT_FOUND = 'NOTIFY_WEBHOOK_ENDPOINT_NOT_FOUND',
  NOTIFY_WEBHOOK_DELIVERY_NOT_FOUND = 'NOTIFY_WEBHOOK_DELIVERY_NOT_FOUND',
  NOTIFY_WEBHOOK_DEPARTMENT_FORBIDDEN = 'NOTIFY_WEBHOOK_DEPARTMENT_FORBIDDEN',
  NOTIFY_WEBHOOK_DEPARTMENT_REQUIRED = 'NOTIFY_WEBHOOK_DEPARTMENT_REQUIRED',
  NOTIFY_WEBHOOK_REPLAY_NOT_DEAD = 'NOTIFY_WEBHOOK_REPLAY_NOT_DEAD',
  NOTIFY_SUBSCRIPTION_NOT_FOUND = 'NOTIFY_SUBSCRIPTION_NOT_FOUND',
  NOTIFY_SUBSCRIPTION_DUPLICATE = 'NOTIFY_SUBSCRIPTION_DUPLICATE',
  NOTIFY_SUBSCRIPTION_LIMIT_REACHED = 'NOTIFY_SUBSCRIPTION_LIMIT_REACHED',
  NOTIFY_SUBSCRIPTION_TOPIC_UNKNOWN = 'NOTIFY_SUBSCRIPTION_TOPIC_UNKNOWN',
  NOTIFY_SUBSCRIPTION_QUERY_EMPTY = 'NOTIFY_SUBSCRIPTION_QUERY_EMPTY',
  NOTIFY_PREFERENCES_CONTACT_MISSING = 'NOTIFY_PREFERENCES_CONTACT_MISSING',
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
  AUTH_REQUIRED: { zh: '请先登录后再进行此操作。', en: 'Sign in first: this route needs a bearer token.' },
  AUTH_INVALID_TOKEN: { zh: '登录凭证无效或已过期，请重新登录。', en: 'The bearer token is invalid or expired; sign in again.' },
  FORBIDDEN: { zh: '您没有执行此操作的权限。', en: 'Your roles do not allow this operation.' },
  RATE_LIMITED: { zh: '请求过于频繁，请稍后再试。', en: 'Too many requests; retry after the time in Retry-After.' },
  IDEMPOTENCY_KEY_REUSED: {
    zh: '该幂等键已用于内容不同的请求，请更换幂等键。',
    en: 'This Idempotency-Key was used with a different body; use a new key.',
  },
  IDEMPOTENCY_IN_PROGRESS: {
    zh: '相同的请求正在处理中，请稍后再试。',
    en: 'A request with this Idempotency-Key is still running; retry later.',
  },
  POLICY_DOCUMENT_NOT_FOUND: { zh: '未找到该政策文件。', en: 'Policy document not found.' },
  POLICY_DOCUMENT_ALREADY_PUBLISHED: { zh: '该政策文件已发布，不能重复发布。', en: 'The policy document is already published.' },
  POLICY_INVALID_TRANSITION: {
    zh: '该政策文件当前状态下不能执行此操作。',
    en: "This action is not allowed in the policy document's current state.",
  },
  POLICY_IMPORT_JOB_NOT_FOUND: { zh: '未找到该导入任务。', en: 'Import job not found.' },
  IDENTITY_PROVIDER_UNAVAILABLE: {
    zh: '身份认证服务暂时无法提供用户列表，请稍后再试。',
    en: 'The identity provider cannot list users right now; try again shortly.',
  },
  POLICY_SEARCH_NOT_READY: { zh: '政策检索正在准备中，请稍后再试。', en: 'Policy search is still loading; retry shortly.' },
  POLICY_IMPORT_FORMAT_UNKNOWN: {
    zh: '无法识别导入文件的格式，请使用 .jsonl、.csv 或 .html 文件，或指定 format。',
    en: 'Unknown import format: use a .jsonl, .csv or .html file, or give `format`.',
  },
  POLICY_IMPORT_FILE_INVALID: {
    zh: '导入文件无法读取（例如 CSV 缺少标题或正文列），请按提示修改后重试。',
    en: 'The import file cannot be read (e.g. a CSV without title or body columns); see details.',
  },
  POLICY_IMPORT_OUT_OF_ORDER: {
    zh: '前一批导入数据尚未完成，请待其完成后重试本批。',
    en: 'The batch this one follows has not been saved; retry once it has.',
  },
  POLICY_BEST_BET_NOT_FOUND: { zh: '未找到该置顶推荐。', en: 'Best bet not found.' },
  POLICY_BEST_BET_DUPLICATE_QUERY: {
    zh: '该查询词已设置置顶推荐，请修改原有推荐。',
    en: 'This query already has a best bet; update that one instead.',
  },
  POLICY_BEST_BET_DOCUMENT_UNAVAILABLE: { zh: '置顶的文件不存在或尚未发布。', en: 'A pinned document does not exist or is not published.' },
  QA_PAIR_NOT_FOUND: { zh: '未找到该问答。', en: 'Q&A pair not found.' },
  QA_TRANSITION_NOT_ALLOWED: { zh: '该问答当前状态下不能执行此操作。', en: "This action is not allowed in the Q&A pair's current state." },
  QA_SELF_REVIEW: { zh: '审核人不能审核自己编辑的问答。', en: 'A reviewer cannot approve their own edit.' },
  CONTENT_SELF_PUBLISH: {
    zh: '不能发布自己撰写或最后修改的版本，请由另一位审核人发布。',
    en: 'Whoever wrote or last edited a version cannot publish it; another reviewer must.',
  },
  CONTENT_NOTHING_TO_PUBLISH: {
    zh: '没有待发布的草稿：内容已发布且之后没有修改。',
    en: 'Nothing to publish: the item is published and has no newer draft.',
  },
  QA_CITATION_MISMATCH: { zh: '引用内容与政策原文不符，请核对引文。', en: 'The quoted text does not occur in the cited policy document.' },
  QA_CITATION_CLAUSE_NOT_FOUND: {
    zh: '所引政策文件中没有该条款，请核对条款编号（如“第五条”）。',
    en: 'The cited policy document has no such clause; check the clause number (e.g. 第五条 or art-5).',
  },
  QA_TOPIC_UNKNOWN: { zh: '主题不存在，请从主题列表中选择。', en: 'Unknown topic code.' },
  TOPIC_NOT_FOUND: { zh: '未找到该主题服务，请从首页的主题服务中选择。', en: 'No such topic service.' },
  SEARCH_QUERY_EMPTY: { zh: '请输入要查找的内容，例如“公积金提取”或“社保卡”。', en: 'Give the words to search for (q).' },
  SEARCH_QUERY_TOO_LONG: {
    zh: '查找内容过长：请不超过100个字，只保留关键词再试。',
    en: 'The query is too long: keep it within 100 characters.',
  },
  SEARCH_TYPE_UNKNOWN: {
    zh: '不支持的查找类型：可选 policy（政策文件）、qa（问答）、guide（办事指南）、bundle（一件事）。',
    en: 'Unknown type: use policy, qa, guide or bundle.',
  },
  SEARCH_PAGE_OUT_OF_RANGE: {
    zh: '页码超出范围：综合结果只有第1页，按类型查看时页码为1到50。',
    en: 'Page out of range: the blended results have page 1 only; per type, pages 1 to 50.',
  },
  GUIDE_MATTER_NOT_FOUND: { zh: '未找到该办事事项。', en: 'Service matter not found.' },
  GUIDE_BUNDLE_NOT_FOUND: { zh: '未找到该“一件事”主题服务。', en: 'Service bundle (一件事) not found.' },
  GUIDE_SITE_NOT_FOUND: { zh: '未找到该服务场所。', en: 'Service site not found.' },
  GUIDE_MATTER_UNKNOWN: {
    zh: '引用的事项编码不存在，请先录入事项。',
    en: 'A referenced matter code does not exist; save the matter first.',
  },
  GUIDE_SITE_UNKNOWN: {
    zh: '引用的服务场所编号不存在，请先录入服务场所。',
    en: 'A referenced site id does not exist; save the site first.',
  },
  GUIDE_IMPORT_FILE_INVALID: {
    zh: '导入文件无法解析（JSON 须为数组或每行一个对象，CSV 须有表头行）。',
    en: 'The import file cannot be read (JSON: an array or one object per line; CSV: a header row).',
  },
  DISCLOSURE_REQUEST_NOT_FOUND: {
    zh: '未找到该政府信息公开申请，请核对查询码。',
    en: 'Disclosure request not found; check the tracking code.',
  },
  CALENDAR_OUT_OF_RANGE: { zh: '日期超出工作日历支持的范围。', en: 'The date is outside the working-day calendar range.' },
  DISCLOSURE_FORBIDDEN: { zh: '您无权对该申请执行此操作。', en: 'You may not perform this action on this request.' },
  DISCLOSURE_INVALID_TRANSITION: { zh: '该申请当前状态不允许此操作。', en: 'The request is not in a state that allows this action.' },
  DISCLOSURE_SUPPLEMENT_ALREADY_REQUESTED: {
    zh: '补正通知只能一次性发出，已发出过补正通知。',
    en: 'A 补正 notice was already sent; only one is allowed.',
  },
  DISCLOSURE_SUPPLEMENT_LATE: {
    zh: '补正材料已超过补正期限，且未说明正当理由。',
    en: 'The supplement arrived after the deadline without a justified reason.',
  },
  DISCLOSURE_EXTENSION_REJECTED: {
    zh: '延期申请不符合规定（须在答复期限届满前、经机构负责人同意并告知申请人，延长不超过20个工作日）。',
    en: 'Extension rejected (before due date, approved by the GIO head, applicant notified, at most 20 working days).',
  },
  DISCLOSURE_FEE_NOTICE_TOO_LATE: { zh: '收费通知须在答复期限内发出。', en: 'The fee notice must be sent within the reply period.' },
  DISCLOSURE_FEE_WINDOW_CLOSED: { zh: '缴费期限已过。', en: 'The fee payment window has closed.' },
  DISCLOSURE_REPLY_INCOMPLETE: { zh: '答复缺少该处理结果必须载明的内容。', en: 'The reply lacks content that this outcome requires.' },
  DISCLOSURE_ATTACHMENT_TOO_LARGE: { zh: '附件超过允许的大小。', en: 'The attachment is too large.' },
  DISCLOSURE_ATTACHMENT_TYPE_FORBIDDEN: { zh: '附件类型不被允许，请上传PDF、图片或办公文档。', en: 'This attachment type is not allowed.' },
  DISCLOSURE_INVALID_DATE: {
    zh: '日期不合理（不能早于上一步骤或晚于今天）。',
    en: 'The date is not plausible (before the previous step or in the future).',
  },
  DISCLOSURE_DEPARTMENT_UNKNOWN: {
    zh: '承办部门不存在，请从部门名录中选择。',
    en: 'Unknown department; choose one from the department registry.',
  },
  DISCLOSURE_FEE_ALREADY_NOTIFIED: {
    zh: '每件申请只能按一种方式发出一次收费通知；本申请已发出收费通知或已缴费，不能再次发出。',
    en: 'A fee notice was already issued (or paid) for this request; one fee basis per request.',
  },
  DISCLOSURE_FEE_NOT_CHARGEABLE: {
    zh: '按所选方式计算的信息处理费为0元，无需发出收费通知，答复期限不暂停。',
    en: 'The fee computes to 0 yuan: no fee notice, no pause of the reply clock.',
  },
  DISCLOSURE_APPROVER_INVALID: {
    zh: '延期须由本机关政府信息公开工作机构负责人使用本人账号办理，审批人须为办理此操作的账号。',
    en: 'An extension is approved by the GIO head acting with their own staff account; the named approver must be the acting account.',
  },
  DISCLOSURE_SUPPLEMENT_AFTER_DUE: {
    zh: '答复期限已届满，不能再发出补正通知（补正会重新起算期限并掩盖逾期），请直接作出答复。',
    en: 'The reply deadline has passed: a 补正 notice would restart the clock and hide the lateness; reply instead.',
  },
  DISCLOSURE_REPORT_RANGE_INVALID: {
    zh: '统计期间无效：开始日期不能晚于结束日期，期间不能超过3年。',
    en: 'Invalid range: from must not be after to, and the range may span at most 3 years.',
  },
  NOTIFICATION_NOT_FOUND: { zh: '未找到该通知，请刷新消息列表后重试。', en: 'Notification not found in your inbox; reload the list.' },
  NOTIFY_UNSUBSCRIBE_TOKEN_INVALID: {
    zh: '退订链接无效或已损坏，请使用邮件中的完整退订链接。',
    en: 'The unsubscribe link is invalid or damaged; use the full link from the email.',
  },
  NOTIFY_WEBHOOK_URL_INVALID: {
    zh: '接收地址无效：请填写以 http:// 或 https:// 开头的完整网址。',
    en: 'The webhook URL is invalid: give an absolute http:// or https:// URL.',
  },
  NOTIFY_WEBHOOK_ENDPOINT_NOT_FOUND: { zh: '未找到该接收端。', en: 'Webhook endpoint not found.' },
  NOTIFY_WEBHOOK_DELIVERY_NOT_FOUND: { zh: '未找到该投递记录。', en: 'Webhook delivery not found.' },
  NOTIFY_WEBHOOK_DEPARTMENT_FORBIDDEN: {
    zh: '只能为本部门登记接收端。',
    en: "You may only manage your own department's webhook endpoints.",
  },
  NOTIFY_WEBHOOK_DEPARTMENT_REQUIRED: {
    zh: '请指定部门（department），例如 edu。',
    en: 'Give the department (e.g. edu) the endpoint belongs to.',
  },
  NOTIFY_WEBHOOK_REPLAY_NOT_DEAD: {
    zh: '只能重放已转入死信的投递。',
    en: 'Only dead-lettered deliveries can be replayed.',
  },
  NOTIFY_SUBSCRIPTION_NOT_FOUND: { zh: '未找到该订阅，请刷新订阅列表后重试。', en: 'Subscription not found; reload your subscriptions.' },
  NOTIFY_SUBSCRIPTION_DUPLICATE: { zh: '您已订阅过相同的内容，无需重复订阅。', en: 'You already have this subscription.' },
  NOTIFY_SUBSCRIPTION_LIMIT_REACHED: {
    zh: '订阅数量已达上限（50 个），请先删除不再需要的订阅。',
    en: 'You have reached the limit of 50 subscriptions; delete one you no longer need first.',
  },
  NOTIFY_SUBSCRIPTION_TOPIC_UNKNOWN: {
    zh: '没有这个主题，请从主题列表中选择（例如 housing-fund 住房公积金）。',
    en: 'Unknown topic; choose one from the topic list (e.g. housing-fund).',
  },
  NOTIFY_SUBSCRIPTION_QUERY_EMPTY: {
    zh: '搜索条件没有可匹配的词语，请输入更具体的关键词，例如“公积金 提取”。',
    en: 'The saved search has no words to match on; give more specific keywords.',
  },
  NOTIFY_PREFERENCES_CONTACT_MISSING: {
    zh: '开启该渠道前请先填写对应的联系方式（邮箱、手机号或微信 OpenID）。',
    en: 'Give the contact (email, mobile number or WeChat OpenID) before turning that channel on.',
  },
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
