import { Descriptions } from 'antd';
import type { GuideMatterView } from '@govdisc/contracts';

/** What a reviewer signs off (read-only): the guide's main fields as the public will read them. */
export function MatterSummary({ m }: { m: GuideMatterView }) {
  const list = (items: string[]) => (items.length ? items.join('；') : '—');
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      title="办事指南内容（当前版本）"
      items={[
        { key: 'type', label: '事项类型', children: m.type },
        { key: 'department', label: '实施主体', children: m.department },
        { key: 'basis', label: '设定依据', children: list(m.legalBasis.map((b) => b.label ?? `${b.policyId} ${b.clause ?? ''}`)) },
        { key: 'conditions', label: '受理条件', children: list(m.conditions) },
        {
          key: 'materials',
          label: '申请材料',
          children: list(
            m.materials.map((x) => `${x.name}（${x.form}，原件${x.originals}份${x.required ? '' : `，${x.condition ?? '视情形'}`}）`),
          ),
        },
        { key: 'steps', label: '办理流程', children: list(m.steps.map((s, i) => `${i + 1}. ${s.name}`)) },
        { key: 'days', label: '办结时限', children: `法定 ${m.statutoryDays ?? '—'} 个工作日，承诺 ${m.promisedDays ?? '—'} 个工作日` },
        { key: 'fees', label: '收费', children: m.free ? '不收费' : list(m.fees.map((f) => `${f.name} ${f.amountYuan} 元`)) },
        { key: 'sites', label: '办理地点', children: list(m.sites.map((s) => s.name)) },
      ]}
    />
  );
}
