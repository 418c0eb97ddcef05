import { Alert, Button, Card, Descriptions, Input, Tag, Timeline } from 'antd';
import type { Metadata } from 'next';
import { TextArea } from '../../../components/antd-parts';
import {
  DISCLOSURE_ACTION_ZH,
  DISCLOSURE_DEPARTMENTS,
  DISCLOSURE_OUTCOME_ZH,
  DISCLOSURE_RECORD_ZH,
  DISCLOSURE_STATUS_ZH,
  DisclosureOutcome,
  type DisclosureActionType,
} from '@govdisc/contracts';
import type { ReactNode } from 'react';
import { ApiFailure, Forbidden } from '../../../components/forbidden';
import { api } from '../../../lib/api';
import { csrfToken, requireUser } from '../../../lib/auth';
import { ACTIONS_BY_STATUS } from '../../../lib/disclosure-action';
import { mayOpen } from '../../../lib/nav';
import { one, type SearchParams } from '../../../lib/site';
import { act } from './actions';

export const metadata: Metadata = { title: '申请办理' };

const Field = ({ id, label, children }: { id: string; label: string; children: ReactNode }) => (
  <div className="field">
    <label htmlFor={id}>{label}</label>
    {children}
  </div>
);

/** The fields each step needs (the contract's required ones, and the optional ones staff use most). */
function stepFields(type: DisclosureActionType, id: (name: string) => string): ReactNode {
  switch (type) {
    case 'REQUEST_SUPPLEMENT':
      return (
        <Field id={id('items')} label="需补正的内容（每行一项）">
          <TextArea id={id('items')} name="items" rows={3} required />
        </Field>
      );
    case 'ACCEPT':
      return (
        <Field id={id('department')} label="承办部门">
          <select id={id('department')} name="department" className="native" required>
            {DISCLOSURE_DEPARTMENTS.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </Field>
      );
    case 'START_CONSULTATION':
      return (
        <>
          <Field id={id('party')} label="征求意见对象类型">
            <select id={id('party')} name="party" className="native">
              <option value="THIRD_PARTY">第三方</option>
              <option value="AGENCY">其他机关</option>
            </select>
          </Field>
          <Field id={id('partyName')} label="征求意见对象名称">
            <Input id={id('partyName')} name="partyName" required />
          </Field>
        </>
      );
    case 'END_CONSULTATION':
      return (
        <Field id={id('opinion')} label="意见">
          <select id={id('opinion')} name="opinion" className="native">
            <option value="CONSENT">同意公开</option>
            <option value="OBJECTION">不同意公开</option>
            <option value="NO_REPLY">逾期未答复</option>
          </select>
        </Field>
      );
    case 'EXTEND':
      return (
        <Field id={id('days')} label="延长的工作日数（不超过20个工作日）">
          <Input id={id('days')} name="days" type="number" min={1} max={20} required />
        </Field>
      );
    case 'ASSESS_REASONS':
      return (
        <Field id={id('reasonable')} label="理由是否合理">
          <select id={id('reasonable')} name="reasonable" className="native">
            <option value="yes">合理</option>
            <option value="no">不合理</option>
          </select>
        </Field>
      );
    case 'CONFIRM_PAYMENT':
      return (
        <Field id={id('receiptNumber')} label="缴费票据号">
          <Input id={id('receiptNumber')} name="receiptNumber" required />
        </Field>
      );
    case 'REPLY':
      return (
        <>
          <Field id={id('outcome')} label="答复类型">
            <select id={id('outcome')} name="outcome" className="native" required>
              {DisclosureOutcome.options.map((o) => (
                <option key={o} value={o}>
                  {DISCLOSURE_OUTCOME_ZH[o]}
                </option>
              ))}
            </select>
          </Field>
          <Field id={id('text')} label="答复正文">
            <TextArea id={id('text')} name="text" rows={5} required />
          </Field>
          <Field id={id('reasons')} label="理由（每行一条；不予公开、部分公开时必填）">
            <TextArea id={id('reasons')} name="reasons" rows={2} />
          </Field>
          <Field id={id('legalBasis')} label="法律依据（可选）">
            <Input id={id('legalBasis')} name="legalBasis" />
          </Field>
          <Field id={id('enclosures')} label="随答复提供的文件（每行一个，可选）">
            <TextArea id={id('enclosures')} name="enclosures" rows={2} />
          </Field>
        </>
      );
    default:
      return null;
  }
}

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
      {ACTIONS_BY_STATUS[r.status].map((type) => (
        <Card key={type} title={DISCLOSURE_ACTION_ZH[type]}>
          <form action={act} aria-label={DISCLOSURE_ACTION_ZH[type]}>
            <input type="hidden" name="csrf" value={csrf} />
            <input type="hidden" name="requestNumber" value={r.requestNumber} />
            <input type="hidden" name="type" value={type} />
            {stepFields(type, (name) => `${type}-${name}`)}
            <Field id={`${type}-on`} label="办理日期（默认今天）">
              <Input id={`${type}-on`} name="on" type="date" />
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
