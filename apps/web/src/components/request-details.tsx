import type { GetOk } from '../lib/api';
import { DEADLINE_KIND_ZH, DISCLOSURE_OUTCOME_ZH, DISCLOSURE_RECORD_ZH, DISCLOSURE_STATUS_ZH } from '@govdisc/contracts';
import { labelOf } from '../lib/labels';
import { formatDate } from '../lib/site';

type RequestView = GetOk<'/api/v1/disclosure-requests/track/{trackingCode}'>;

/** What the reply holds that a citizen reads (spec §6): the text, reasons, enclosures, where to obtain, remedy. */
interface Reply {
  text?: string;
  reasons?: string[];
  enclosures?: string[];
  whereToObtain?: string;
  legalBasis?: string;
  remedy?: string;
  replyDate?: string;
}

/** The stored reply (free-form JSON in the API), or null when there is none yet. */
function replyOf(value: unknown): Reply | null {
  return typeof value === 'object' && value !== null ? value : null;
}

/**
 * One disclosure request as its applicant sees it: status, deadlines (each with the working-day
 * computation that produced it), the reply when there is one, and the timeline. Used by the tracking
 * page and by "my requests"; no hooks, so it renders on the server and in the tracking form alike.
 */
export function RequestDetails({ r }: { r: RequestView }) {
  const reply = replyOf(r.reply);
  return (
    <>
      <dl className="doc-meta">
        <dt>当前状态</dt>
        <dd>
          <strong data-testid="request-status">{labelOf(DISCLOSURE_STATUS_ZH, r.status)}</strong>
        </dd>
        <dt>受理机关</dt>
        <dd>{r.agency}</dd>
        <dt>提交时间</dt>
        <dd>{formatDate(r.submittedAt)}</dd>
        <dt>申请内容</dt>
        <dd>{r.description}</dd>
        {r.deadlines.map((d) => (
          <div key={d.kind + d.date} style={{ display: 'contents' }}>
            <dt>{labelOf(DEADLINE_KIND_ZH, d.kind, '期限')}</dt>
            <dd>
              {formatDate(d.date)}
              {d.provisional ? '（暂定）' : ''}
              <br />
              <span className="meta">{d.computation}</span>
            </dd>
          </div>
        ))}
      </dl>
      {reply && (
        <section aria-labelledby="reply-h" className="reply" data-testid="reply">
          <h3 id="reply-h">答复</h3>
          <p>
            处理结果：<strong>{labelOf(DISCLOSURE_OUTCOME_ZH, r.outcome)}</strong>
            {reply.replyDate ? `（${formatDate(reply.replyDate)}）` : ''}
          </p>
          {reply.text && <p>{reply.text}</p>}
          {!!reply.reasons?.length && (
            <>
              <h4>理由</h4>
              <ul>
                {reply.reasons.map((x) => (
                  <li key={x}>{x}</li>
                ))}
              </ul>
            </>
          )}
          {!!reply.enclosures?.length && (
            <>
              <h4>随答复提供的文件</h4>
              <ul>
                {reply.enclosures.map((x) => (
                  <li key={x}>{x}</li>
                ))}
              </ul>
            </>
          )}
          {reply.whereToObtain && <p>获取方式：{reply.whereToObtain}</p>}
          {reply.legalBasis && <p className="meta">依据：{reply.legalBasis}</p>}
          {reply.remedy && <p className="meta">救济途径：{reply.remedy}</p>}
        </section>
      )}
      <h3>办理过程</h3>
      <ol className="timeline">
        {r.timeline.map((t, i) => (
          <li key={i}>
            <strong>{labelOf(DISCLOSURE_RECORD_ZH, t.action, labelOf(DISCLOSURE_STATUS_ZH, t.toStatus, t.action))}</strong>
            <br />
            <span className="meta">
              {formatDate(t.shanghaiDate)} · 状态：{labelOf(DISCLOSURE_STATUS_ZH, t.toStatus)}
            </span>
          </li>
        ))}
      </ol>
    </>
  );
}
