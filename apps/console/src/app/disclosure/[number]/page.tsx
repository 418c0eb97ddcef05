import { Alert, Button, Card, Descriptions, Tag, Timeline } from 'antd';
import type { Metadata } from 'next';
import {
  DISCLOSURE_ACTION_ZH,
  DISCLOSURE_DEPARTMENTS,
  DISCLOSURE_OUTCOME_ZH,
  DISCLOSURE_RECORD_ZH,
  DISCLOSURE_STATUS_ZH,
  type DisclosureOutcome,
  type DisclosureActionType,
} from '@govdisc/contracts';
import { DateField } from '../../../components/date-field';
import { ApiFailure, Forbidden } from '../../../components/forbidden';
import { api } from '../../../lib/api';
import { csrfToken, requireUser } from '../../../lib/auth';
import { ACTIONS_BY_STATUS } from '../../../lib/disclosure-action';
import { mayOpen } from '../../../lib/nav';
import { TEMPLATE_OUTCOMES, replyTemplate } from '../../../lib/reply-templates';
import { one, type SearchParams } from '../../../lib/site';
import { act } from './actions';
import { Field, StepFields } from './step-fields';

export const metadata: Metadata = { title: '申请办理' };

/** One request: its data (applicant masked as the gateway decides for this role), deadlines, timeline and the next steps. */
export default async function DisclosureRequestPage({
  params,
  searchParams,
}: {
  params: Promise<{ number: string }>;
  searchParams: SearchParams;
}) {
  const { number } = await params;
  const query = await searchParams;
  const requestNumber = decodeURIComponent(number);
  const user = await requireUser(`/disclosure/${number}`);
  if (!mayOpen(user, '/disclosure')) return <Forbidden />;
  const { data: r, error } = await (
    await api()
  ).GET('/api/v1/disclosure-requests/{requestNumber}', { params: { path: { requestNumber } } });
  if (!r) return <ApiFailure error={error} />;
  const csrf = await csrfToken();
  const done = one(query.done);
  const failed = one(query.error);
  const replyDue = r.deadlines.find((d) => d.kind === 'REPLY_DUE');
  const steps = ACTIONS_BY_STATUS[r.status];
  const template = replyTemplate(one(query.template), r);
  return (
    <div className="stack">
      <h1>申请 {r.requestNumber}</h1>
      {done && (
        <Alert type="success" showIcon role="status" title={`已办理：${DISCLOSURE_ACTION_ZH[done as DisclosureActionType] ?? done}`} />
      )}
      {failed && <Alert type="error" showIcon title={`未能办理：${failed}`} />}
      <Card title="申请信息">
        <Descriptions
          column={1}
          bordered
          size="small"
          items={[
            { key: 'status', label: '状态', children: <Tag color="blue">{DISCLOSURE_STATUS_ZH[r.status]}</Tag> },
            { key: 'due', label: '答复期限', children: replyDue ? `${replyDue.date}${replyDue.provisional ? '（暂定）' : ''}` : '—' },
            {
              key: 'dept',
              label: '承办部门',
              children: DISCLOSURE_DEPARTMENTS.find((d) => d.code === r.department)?.name ?? r.department ?? '未分办',
            },
            { key: 'desc', label: '所需信息', children: r.description },
            { key: 'name', label: '申请人', children: r.applicant.name },
            { key: 'id', label: '证件号码', children: r.applicant.idNumber },
            { key: 'phone', label: '联系电话', children: r.applicant.phone ?? '—' },
            { key: 'masked', label: '个人信息', children: r.applicant.masked ? '已按您的角色脱敏显示' : '完整显示' },
            ...(r.fee
              ? [
                  {
                    key: 'fee',
                    label: '信息处理费',
                    children: `${r.fee.amount} 元，${r.fee.paid ? '已缴纳' : `缴费期限 ${r.fee.payBy ?? '—'}`}`,
                  },
                ]
              : []),
            ...(r.outcome
              ? [{ key: 'outcome', label: '答复类型', children: DISCLOSURE_OUTCOME_ZH[r.outcome as DisclosureOutcome] ?? r.outcome }]
              : []),
          ]}
        />
      </Card>
      <Card title="办理过程">
        <Timeline
          items={r.timeline.map((t, i) => ({
            key: i,
            content: `${t.shanghaiDate} ${DISCLOSURE_RECORD_ZH[t.action] ?? t.action} → ${DISCLOSURE_STATUS_ZH[t.toStatus as keyof typeof DISCLOSURE_STATUS_ZH] ?? t.toStatus}（${t.legalBasis}）`,
          }))}
        />
      </Card>
      {steps.includes('REPLY') && (
        <Card title="答复模板">
          <form method="get" action={`/disclosure/${encodeURIComponent(r.requestNumber)}#REPLY`} className="filters">
            <Field id="template" label="按答复类型套用模板（填入下方答复正文，可修改）">
              <select id="template" name="template" className="native" defaultValue={template?.outcome}>
                {TEMPLATE_OUTCOMES.map((o) => (
                  <option key={o} value={o}>
                    {DISCLOSURE_OUTCOME_ZH[o]}
                  </option>
                ))}
              </select>
            </Field>
            <Button htmlType="submit">套用模板</Button>
          </form>
        </Card>
      )}
      {steps.map((type) => (
        <Card key={type} title={DISCLOSURE_ACTION_ZH[type]} id={type}>
          <form action={act} aria-label={DISCLOSURE_ACTION_ZH[type]}>
            <input type="hidden" name="csrf" value={csrf} />
            <input type="hidden" name="requestNumber" value={r.requestNumber} />
            <input type="hidden" name="type" value={type} />
            <StepFields type={type} id={(name) => `${type}-${name}`} template={template} />
            <Field id={`${type}-on`} label="办理日期（默认今天）">
              <DateField id={`${type}-on`} name="on" />
            </Field>
            <Button type="primary" htmlType="submit">
              {DISCLOSURE_ACTION_ZH[type]}
            </Button>
          </form>
        </Card>
      ))}
    </div>
  );
}
