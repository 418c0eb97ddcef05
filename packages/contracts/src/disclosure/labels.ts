import type { ApplicantType, DeliveryForm, DisclosureStatus, IdDocumentType } from './request.js';
import type { DisclosureActionType, DisclosureOutcome } from './workflow.js';

// Type-only imports: this file compiles to plain objects, so client components import it through the
// '@govdisc/contracts/disclosure-labels' entry without pulling zod into the browser.

/** Chinese names of a request's states, as the portal and the console show them. */
export const DISCLOSURE_STATUS_ZH: Record<DisclosureStatus, string> = {
  SUBMITTED: '已提交',
  RECEIVED: '已受理',
  AWAITING_SUPPLEMENT: '待补正',
  IN_PROGRESS: '办理中',
  CONSULTING_THIRD_PARTY: '征求第三方意见',
  CONSULTING_AGENCY: '征求其他机关意见',
  AWAITING_REASONS: '待说明理由',
  AWAITING_FEE: '待缴纳信息处理费',
  REPLIED: '已答复',
  CLOSED: '已办结',
};

/** Chinese names of the statutory workflow steps. */
export const DISCLOSURE_ACTION_ZH: Record<DisclosureActionType, string> = {
  CONFIRM_RECEIPT: '确认收到',
  REQUEST_SUPPLEMENT: '一次性告知补正',
  RECEIVE_SUPPLEMENT: '收到补正',
  ABANDON_NO_SUPPLEMENT: '逾期未补正，视为放弃',
  ACCEPT: '受理并指定承办部门',
  START_CONSULTATION: '征求意见',
  END_CONSULTATION: '征求意见结束',
  EXTEND: '延期答复',
  REQUEST_REASONS: '要求说明理由',
  ASSESS_REASONS: '审核理由',
  ISSUE_FEE_NOTICE: '发出收费通知',
  CONFIRM_PAYMENT: '确认缴费',
  CLOSE_FEE_UNPAID: '逾期未缴费，终止办理',
  REPLY: '答复',
  WITHDRAW: '撤回申请',
};

/** What a timeline entry records: the statutory steps, plus how the request came in (no step of its own). */
export const DISCLOSURE_RECORD_ZH: Record<string, string> = {
  SUBMITTED: '提交申请',
  REGISTERED: '登记申请',
  LINKED_AS_DUPLICATE: '提交申请（与此前的申请重复）',
  ...DISCLOSURE_ACTION_ZH,
};

/** Chinese names of the reply outcomes (the Table 3 rows). */
export const DISCLOSURE_OUTCOME_ZH: Record<DisclosureOutcome, string> = {
  DISCLOSED: '予以公开',
  ALREADY_PUBLIC: '已主动公开，告知获取途径',
  PARTIAL: '部分公开',
  WITHHELD_STATE_SECRET: '不予公开：属于国家秘密',
  WITHHELD_LAW_PROHIBITS: '不予公开：其他法律行政法规禁止公开',
  WITHHELD_SECURITY_STABILITY: '不予公开：危及“三安全一稳定”',
  WITHHELD_THIRD_PARTY: '不予公开：保护第三方合法权益',
  WITHHELD_INTERNAL_AFFAIRS: '不予公开：属于内部事务信息',
  WITHHELD_PROCESS_INFO: '不予公开：属于过程性信息',
  WITHHELD_ENFORCEMENT_FILE: '不予公开：属于行政执法案卷',
  SPECIAL_QUERY_REGIME: '不予公开：属于工商、不动产登记资料等信息',
  NOT_HELD: '无法提供：本机关不掌握相关信息',
  NOT_OUR_RESPONSIBILITY: '无法提供：非本机关负责公开',
  NEEDS_CREATION: '无法提供：需另行制作或加工分析',
  STILL_UNCLEAR: '无法提供：补正后申请内容仍不明确',
  PETITION_NOT_GIO: '不予处理：信访、举报、投诉等诉求类申请',
  REPEAT: '不予处理：重复申请',
  PUBLICATION: '不予处理：要求提供公开出版物',
  EXCESSIVE_NO_REASON: '不予处理：无正当理由大量反复申请',
  CONFIRM_OR_REISSUE: '不予处理：要求确认或重新出具已获取信息',
  ABANDONED_NO_SUPPLEMENT: '其他处理：申请人无正当理由逾期不补正',
  ABANDONED_FEE_UNPAID: '其他处理：申请人逾期未缴纳信息处理费',
  OTHER: '其他处理',
};

/** Applicant types (the Table 3 columns), in the order a form offers them. */
export const APPLICANT_TYPE_ZH: Record<ApplicantType, string> = {
  NATURAL_PERSON: '公民（自然人）',
  COMMERCIAL_ENTERPRISE: '商业企业',
  RESEARCH_INSTITUTION: '科研机构',
  PUBLIC_WELFARE_ORG: '社会公益组织',
  LEGAL_SERVICE_ORG: '法律服务机构',
  OTHER_ORG: '其他组织',
};

/** Identity documents, in the order a form offers them. */
export const ID_DOCUMENT_TYPE_ZH: Record<IdDocumentType, string> = {
  RESIDENT_ID: '居民身份证',
  PASSPORT: '护照',
  CREDIT_CODE: '统一社会信用代码',
  OTHER: '其他证件',
};

/** How the applicant wants the information, in the order a form offers them. */
export const DELIVERY_FORM_ZH: Record<DeliveryForm, string> = {
  EMAIL: '电子邮件',
  DOWNLOAD: '网上下载',
  PAPER: '纸质文本（邮寄）',
  INSPECTION: '现场查阅',
  CD: '光盘',
};

/** The computed deadlines' kinds (Deadline.kind) as an applicant or officer reads them. */
export const DEADLINE_KIND_ZH: Record<string, string> = {
  REPLY_DUE: '答复期限',
  SUPPLEMENT_NOTICE_BY: '补正告知期限',
  SUPPLEMENT_DEADLINE: '补正期限',
  CONSULTATION_DUE: '征求意见期限',
  FEE_PAY_BY: '缴费期限',
};
