/** Chinese labels for the API's codes. */
export const VALIDITY_LABEL: Record<string, string> = { 有效: '现行有效', 已修改: '已修改', 失效: '已失效', 废止: '已废止' };

export const FACET_LABEL: Record<string, string> = {
  validity: '效力状态',
  agency: '发文机关',
  year: '发布年份',
  topic: '主题',
  docType: '文件类型',
  level: '层级',
  region: '地区',
};

export const STATUS_LABEL: Record<string, string> = {
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

export const APPLICANT_TYPES: [string, string][] = [
  ['NATURAL_PERSON', '公民（自然人）'],
  ['COMMERCIAL_ENTERPRISE', '商业企业'],
  ['RESEARCH_INSTITUTION', '科研机构'],
  ['PUBLIC_WELFARE_ORG', '社会公益组织'],
  ['LEGAL_SERVICE_ORG', '法律服务机构'],
  ['OTHER_ORG', '其他组织'],
];

export const ID_TYPES: [string, string][] = [
  ['RESIDENT_ID', '居民身份证'],
  ['PASSPORT', '护照'],
  ['CREDIT_CODE', '统一社会信用代码'],
  ['OTHER', '其他证件'],
];

export const DELIVERY_FORMS: [string, string][] = [
  ['EMAIL', '电子邮件'],
  ['DOWNLOAD', '网上下载'],
  ['PAPER', '纸质文本（邮寄）'],
  ['INSPECTION', '现场查阅'],
  ['CD', '光盘'],
];

export const TIMELINE_ACTION: Record<string, string> = {
  SUBMITTED: '提交申请',
  REGISTERED: '提交申请（已登记）',
  LINKED_AS_DUPLICATE: '提交申请（与此前的申请重复）',
  CONFIRM_RECEIPT: '确认收到',
  REQUEST_SUPPLEMENT: '通知补正',
  RECEIVE_SUPPLEMENT: '收到补正材料',
  ABANDON_NO_SUPPLEMENT: '逾期未补正，视为放弃',
  ACCEPT: '分派承办部门',
  START_CONSULTATION: '征求意见',
  END_CONSULTATION: '征求意见结束',
  EXTEND: '延长答复期限',
  REQUEST_REASONS: '请说明理由',
  ASSESS_REASONS: '审核理由',
  ISSUE_FEE_NOTICE: '发出缴费通知',
  CONFIRM_PAYMENT: '确认缴费',
  CLOSE_FEE_UNPAID: '逾期未缴费，终止办理',
  REPLY: '作出答复',
  WITHDRAW: '撤回申请',
};

/** Deadline kinds as a citizen reads them. */
export const DEADLINE_LABEL: Record<string, string> = {
  REPLY_DUE: '答复期限',
  SUPPLEMENT_NOTICE_BY: '补正告知期限',
  SUPPLEMENT_DEADLINE: '补正期限',
  CONSULTATION_DUE: '征求意见期限',
  FEE_PAY_BY: '缴费期限',
};

/** The reply's outcome in plain words (the full legal basis is shown with the reply). */
export const OUTCOME_LABEL: Record<string, string> = {
  DISCLOSED: '予以公开',
  ALREADY_PUBLIC: '信息已公开',
  PARTIAL: '部分公开',
  NOT_HELD: '本机关不掌握该信息',
  NOT_OUR_RESPONSIBILITY: '不属于本机关负责公开',
  NEEDS_CREATION: '需另行制作，不予提供',
  STILL_UNCLEAR: '补正后仍不明确',
  REPEAT: '重复申请',
  PUBLICATION: '属于公开出版物',
  CONFIRM_OR_REISSUE: '已告知确认或重新出具',
  ABANDONED_NO_SUPPLEMENT: '逾期未补正，视为放弃',
  ABANDONED_FEE_UNPAID: '逾期未缴费，视为放弃',
  OTHER: '其他处理',
};

/** Names of the service guides' topic codes (the Q&A topics' names win where a code is shared). */
export const GUIDE_TOPIC_LABEL: Record<string, string> = {
  'enterprise-support': '惠企政策',
  employment: '就业创业',
  subsidies: '补贴补助',
  talent: '人才服务',
  'real-estate': '不动产',
  'housing-fund': '住房公积金',
  medical: '医疗保障',
  education: '教育入学',
  disability: '残疾人服务',
  'marriage-birth': '婚育生育',
  'open-government': '政务公开',
  'social-insurance': '社会保险',
  transport: '交通出行',
  'household-registration': '户籍办理',
  entrepreneurship: '开办企业',
  tax: '税务',
};
