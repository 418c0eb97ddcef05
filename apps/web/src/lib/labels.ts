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
  submit: '提交申请',
  receive: '登记受理',
  assign: '分派承办部门',
  request_supplement: '通知补正',
  supplement: '补正材料',
  reply: '作出答复',
  close: '办结',
  withdraw: '撤回申请',
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
