/** The subscription kinds as the page names them. */
export const KIND_LABEL: Record<string, string> = { topic: '主题', agency: '发文机关', region: '地区', query: '关键词' };

/** The kinds the free-text form offers (topics have their own list). */
export const OTHER_KINDS: readonly OtherKind[] = ['agency', 'region', 'query'];
export type OtherKind = 'agency' | 'region' | 'query';

/** The page's fields in reading order (the error summary lists them so). */
export const FIELD_ORDER = ['topic', 'kind', 'value'] as const;
