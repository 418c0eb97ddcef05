import {
  ADMINS,
  CONTENT_STAFF,
  DISCLOSURE_STAFF,
  GIO_OFFICERS,
  REVIEWERS,
  UNANSWERED_READERS,
  WEBHOOK_MANAGERS,
  Role,
  hasAnyRole,
  type Role as RoleName,
} from '@govdisc/contracts';

export interface NavItem {
  href: string;
  label: string;
  /** who may use the screen: the same role sets the gateway enforces on the routes behind it */
  roles: readonly RoleName[];
}

/** 统计分析: the search and Q&A figures (their readers) and the disclosure reply deadlines (disclosure staff). */
const ANALYTICS_READERS: readonly RoleName[] = [...new Set<RoleName>([...UNANSWERED_READERS, ...DISCLOSURE_STAFF])];

/** The console's screens, in menu order. */
export const NAV: readonly NavItem[] = [
  { href: '/hotline', label: '一号答（热线）', roles: [Role.HotlineOperator, Role.Admin] },
  { href: '/disclosure', label: '依申请公开', roles: DISCLOSURE_STAFF },
  { href: '/disclosure/report', label: '年度报告表三', roles: GIO_OFFICERS },
  { href: '/qa', label: '问答编辑', roles: CONTENT_STAFF },
  { href: '/qa/extract', label: '问答提取助手', roles: CONTENT_STAFF },
  { href: '/qa/unanswered', label: '未解答问题', roles: UNANSWERED_READERS },
  { href: '/qa/review', label: '问答审核', roles: REVIEWERS },
  { href: '/policies', label: '政策文件', roles: CONTENT_STAFF },
  { href: '/guides', label: '办事指南', roles: CONTENT_STAFF },
  { href: '/analytics', label: '统计分析', roles: ANALYTICS_READERS },
  { href: '/admin/webhooks', label: '部门接收端', roles: WEBHOOK_MANAGERS },
  { href: '/admin/audit', label: '审计日志', roles: ADMINS },
  { href: '/admin/users', label: '用户与角色', roles: ADMINS },
];

/** What the signed-in person's roles (from their token) let them see; the gateway still checks every call. */
export function navFor(user: { roles: readonly string[] } | null): NavItem[] {
  return NAV.filter((item) => hasAnyRole(user, item.roles));
}

export function mayOpen(user: { roles: readonly string[] } | null, href: string): boolean {
  const item = NAV.find((i) => i.href === href);
  return !!item && hasAnyRole(user, item.roles);
}
