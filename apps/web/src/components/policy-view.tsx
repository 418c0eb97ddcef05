import { VALIDITY_LABEL } from '../lib/labels';
import { policyBodyHtml, policyTocHtml } from '../lib/policy-body';
import type { PolicyDetail } from '../lib/policy-detail';
import { formatDate } from '../lib/site';

function ValidityBanner({
  validity,
  amendedById,
  repealedById,
}: {
  validity: string;
  amendedById: string | null;
  repealedById: string | null;
}) {
  if (validity === '有效')
    return (
      <p className="banner banner-ok">
        <strong>效力状态：现行有效。</strong>
      </p>
    );
  if (validity === '已修改')
    return (
      <p className="banner banner-warn">
        <strong>效力状态：已修改。</strong>本文件部分内容已被修改，请以修改后的规定为准。
        {amendedById && <a href={`/policies/${amendedById}`}>查看修改文件</a>}
      </p>
    );
  return (
    <p className="banner banner-bad">
      <strong>效力状态：{VALIDITY_LABEL[validity] ?? validity}。</strong>本文件已不再执行，仅供查阅。
      {repealedById && <a href={`/policies/${repealedById}`}>查看废止文件</a>}
    </p>
  );
}

/** The policy page's content (inside `<main>`): the document, the guides and Q&A citing it, related policies. */
export function PolicyView({ doc }: { doc: PolicyDetail }) {
  const related = doc.related;
  const toc = policyTocHtml(doc.paragraphs);
  return (
    <article>
      <h1>{doc.title}</h1>
      <ValidityBanner validity={doc.validity} amendedById={doc.amendedById} repealedById={doc.repealedById} />
      <dl className="doc-meta">
        {doc.docNumber && (
          <>
            <dt>发文字号</dt>
            <dd>{doc.docNumber}</dd>
          </>
        )}
        <dt>发文机关</dt>
        <dd>{doc.agencies.join('、') || '—'}</dd>
        <dt>发布日期</dt>
        <dd>{formatDate(doc.publishDate)}</dd>
        {doc.effectiveDate && (
          <>
            <dt>施行日期</dt>
            <dd>{formatDate(doc.effectiveDate)}</dd>
          </>
        )}
        {doc.expiryDate && (
          <>
            <dt>有效期至</dt>
            <dd>{formatDate(doc.expiryDate)}</dd>
          </>
        )}
        {doc.indexNumber && (
          <>
            <dt>索引号</dt>
            <dd>{doc.indexNumber}</dd>
          </>
        )}
        {doc.topics.length > 0 && (
          <>
            <dt>主题</dt>
            <dd>{doc.topics.join('、')}</dd>
          </>
        )}
      </dl>
      {toc && (
        <nav aria-label="条款目录">
          <h2>目录</h2>
          {/* one string like the body (policyTocHtml): a long policy lists a hundred clauses and more */}
          <div dangerouslySetInnerHTML={{ __html: toc }} />
        </nav>
      )}
      <section aria-label="正文" className="doc-body">
        <h2>正文</h2>
        {/* one string, escaped in policyBodyHtml: a long body as React elements cost the server most of the page */}
        <div dangerouslySetInnerHTML={{ __html: policyBodyHtml(doc.paragraphs) }} />
      </section>
      {doc.sourceUrl && (
        <p>
          <a href={doc.sourceUrl} rel="noopener">
            查看发布机关网站上的原文
          </a>
        </p>
      )}
      {doc.guides.length > 0 && (
        <section aria-labelledby="guides-h">
          <h2 id="guides-h">怎么办理</h2>
          <ul>
            {doc.guides.map((g) => (
              <li key={g.code}>
                <a href={`/guides/${encodeURIComponent(g.code)}`}>{g.name}</a>
                <span className="meta">
                  {' '}
                  {g.department}
                  {g.clause ? `（依据${g.clause}）` : ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {doc.qa.length > 0 && (
        <section aria-labelledby="qa-h">
          <h2 id="qa-h">相关问答</h2>
          <ul>
            {doc.qa.map((pair) => (
              <li key={pair.id}>
                <a href={`/ask?q=${encodeURIComponent(pair.question)}`}>{pair.question}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {related && related.length > 0 && (
        <section aria-labelledby="related-h">
          <h2 id="related-h">相关政策</h2>
          <ul className="results">
            {related.map((r) => (
              <li key={r.id}>
                <a href={`/policies/${r.id}`}>{r.title}</a>
                <span className={`badge badge-${r.validity}`}>{VALIDITY_LABEL[r.validity] ?? r.validity}</span>
                <p className="meta">{[r.docNumber, r.agencies.join('、'), formatDate(r.publishDate)].filter(Boolean).join(' · ')}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p>
        对这份文件有疑问？<a href={`/ask?q=${encodeURIComponent(doc.title.slice(0, 100))}`}>到“一号答”提问</a>
      </p>
    </article>
  );
}
