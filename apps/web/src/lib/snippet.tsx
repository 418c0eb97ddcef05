import { Fragment, type ReactNode } from 'react';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (e) => ENTITIES[e] ?? e);

/**
 * The search engine's snippet is escaped HTML with matches in <em>…</em>. It is rendered as text
 * with <mark> elements, never as HTML, so a document's text cannot inject markup.
 */
export function Snippet({ html }: { html: string }): ReactNode {
  const parts = html.split(/<em>(.*?)<\/em>/g);
  return parts.map((part, i) => (i % 2 === 1 ? <mark key={i}>{decode(part)}</mark> : <Fragment key={i}>{decode(part)}</Fragment>));
}

/** A result's snippet as its own paragraph, or nothing when the engine gave none. */
export function SnippetParagraph({ html }: { html?: string | null }): ReactNode {
  return html ? (
    <p>
      <Snippet html={html} />
    </p>
  ) : null;
}
