import { SubNav } from '../../../components/sub-nav';

const TABS = [
  { href: '/guides', label: '事项与办事指南' },
  { href: '/guides/bundles', label: '一件事' },
  { href: '/guides/sites', label: '服务场所' },
] as const;

/** The guide screens' own sub-navigation. */
export function GuideTabs({ current }: { current: (typeof TABS)[number]['href'] | '' }) {
  return <SubNav label="办事指南功能" tabs={TABS} current={current} />;
}
