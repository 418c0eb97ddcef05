/** Chinese labels for the portal's own codes (search facets, validity). Disclosure labels come from @govdisc/contracts. */
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

/** A code's Chinese name from one of the label maps, else `fallback` (the code itself by default). */
export function labelOf(map: Record<string, string>, code: string | null | undefined, fallback?: string): string {
  return (code && Object.hasOwn(map, code) ? map[code] : undefined) ?? fallback ?? code ?? '';
}
