import { SubNav } from '../../../components/sub-nav';

const TABS = [
  { href: '/policies', label: '文件列表' },
  { href: '/policies/new', label: '新建草稿' },
  { href: '/policies/import', label: '批量导入' },
  { href: '/policies/best-bets', label: '搜索置顶' },
] as const;

/** The policy screens' own sub-navigation. */
export function PolicyTabs({ current }: { current: (typeof TABS)[number]['href'] | '' }) {
  return <SubNav label="政策文件功能" tabs={TABS} current={current} />;
}
