/** Policy document states as staff read them (a draft waits for a reviewer: there is no separate "submitted" state). */
export const POLICY_STATUS_ZH: Record<string, string> = {
  DRAFT: '草稿（待审核发布）',
  PUBLISHED: '已发布',
  AMENDED: '已修改',
  EXPIRED: '已失效',
  REPEALED: '已废止',
};
/** Solid tag colours dark enough for white text (WCAG AA): antd's preset light tags fail axe's contrast check. */
export const POLICY_STATUS_COLOR: Record<string, string> = {
  DRAFT: '#ad4e00',
  PUBLISHED: '#237804',
  AMENDED: '#0958d9',
  EXPIRED: '#595959',
  REPEALED: '#a8071a',
};
export const PENDING_COLOR = '#ad4e00';
export const shortTime = (iso: string | null | undefined) => (iso ? iso.slice(0, 16).replace('T', ' ') : '—');
