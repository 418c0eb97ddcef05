import { Alert, Button, Card, Input, Radio } from 'antd';
import type { Metadata } from 'next';
import { RadioGroup, TextArea } from '../../../../components/antd-parts';
import { ApiFailure, Forbidden } from '../../../../components/forbidden';
import { Notice } from '../../../../components/notice';
import { api } from '../../../../lib/api';
import { csrfToken, requireUser } from '../../../../lib/auth';
import { mayOpen } from '../../../../lib/nav';
import { one, type SearchParams } from '../../../../lib/site';
import { editPair } from '../../actions';

export const metadata: Metadata = { title: '修改问答' };

/**
 * Fix a pair in place — above all one flagged after its policy changed: the cited policy's current clauses (the
 * cited one preselected), the question and answer; 保存并提交审核 sends the fix to a reviewer, whose sign-off
 * publishes it and clears the flag.
 */
export default async function EditPair({ params, searchParams }: { params: Promise<{ pairId: string }>; searchParams: SearchParams }) {
  const { pairId } = await params;
  const query = await searchParams;
  const user = await requireUser(`/qa/${pairId}/edit`);
  if (!mayOpen(user, '/qa')) return <Forbidden />;
  const client = await api();
  const pair = await client.GET('/api/v1/qa/pairs/{pairId}', { params: { path: { pairId } } });
  if (!pair.data) return <ApiFailure error={pair.error} />;
  const p = pair.data;
  const cited = p.citations[0];
  const detail = cited
    ? await client.GET('/api/v1/policies/{documentId}/detail', { params: { path: { documentId: cited.documentId } } })
    : null;
  // the same clause keys as the new-pair editor: the anchor (第三条) when a clause has one, else its position
  const clauses = (detail?.data?.paragraphs ?? []).map((c, i) => ({ ...c, key: c.anchor ?? `i-${i}` })).filter((c) => c.kind !== 'chapter');
  const current = clauses.find((c) => (cited?.anchor ? c.anchor === cited.anchor : c.text.includes(cited?.quote ?? '\u0000')));
  const stale = p.citations.some((c) => c.state === 'STALE');
  return (
    <div className="stack">
      <h1>修改问答</h1>
      <Notice done="" error={one(query.error)} />
      {p.status === 'NEEDS_UPDATE' && (
        <Alert
          type="warning"
          showIcon
          title="所依据的政策已修改、废止或失效：请按现行条款改写答复并重新选择依据，提交审核；审核发布后“待更新”标记解除。"
        />
      )}
      <Card title={`当前引文${stale ? '（政策已变化）' : ''}`}>
        <ul>
          {p.citations.map((c, i) => (
            <li key={i}>
              {c.anchor ?? '引文'}：{c.quote}
              {c.state === 'STALE' ? '（政策已变化）' : ''}
            </li>
          ))}
        </ul>
      </Card>
      {detail?.error && <ApiFailure error={detail.error} />}
      <Card title={detail?.data ? `依据《${detail.data.title}》（现行文本）` : '问答内容'}>
        <form action={editPair}>
          <input type="hidden" name="csrf" value={await csrfToken()} />
          <input type="hidden" name="pairId" value={p.id} />
          {detail?.data && (
            <fieldset className="field">
              <legend>依据条款（答复引用该条原文）</legend>
              <RadioGroup name="anchor" defaultValue={current?.key} style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
                {clauses.map((c) => (
                  <Radio key={c.key} value={c.key}>
                    {c.text.length > 80 ? `${c.text.slice(0, 80)}…` : c.text}
                  </Radio>
                ))}
              </RadioGroup>
            </fieldset>
          )}
          <div className="field">
            <label htmlFor="question">标准问法</label>
            <Input id="question" name="question" maxLength={500} required defaultValue={p.question} />
          </div>
          <div className="field">
            <label htmlFor="answer">答复</label>
            <TextArea id="answer" name="answer" rows={6} required defaultValue={p.answer} />
          </div>
          <Button type="primary" htmlType="submit">
            保存并提交审核
          </Button>
        </form>
      </Card>
    </div>
  );
}
