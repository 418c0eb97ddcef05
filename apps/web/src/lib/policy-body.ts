/**
 * A policy's body as one HTML string. A long policy has hundreds of clauses; as React elements each one costs the
 * server a render and a place in the RSC payload, so the page sends the body as a single string instead (one
 * element, one payload entry); building the string costs a fraction of a millisecond. Built only from the
 * paragraphs' text, escaped here: no markup from anywhere else.
 */
export type BodyParagraph = { anchor?: string | null; kind: string; text: string };

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

function paragraphHtml(p: BodyParagraph): string {
  const text = escapeHtml(p.text);
  const id = p.anchor ? escapeHtml(p.anchor) : null;
  const idAttr = id ? ` id="${id}"` : '';
  if (p.kind === 'chapter') return `<h3${idAttr}>${text}</h3>`;
  if (p.kind === 'section') return `<h4${idAttr}>${text}</h4>`;
  const cls = p.kind === 'article' ? ' class="article"' : '';
  const link = id ? `<a class="anchor-link" href="#${id}" aria-label="本条链接">#</a>` : '';
  return `<p${idAttr}${cls}>${text}${link}</p>`;
}

export function policyBodyHtml(paragraphs: readonly BodyParagraph[]): string {
  return paragraphs.map(paragraphHtml).join('');
}

/** The table of contents lists chapters and articles once there are more than this many. */
const TOC_MIN = 3;

/**
 * The clause table of contents (`<ul>` of links to the anchors, each clause's first 30 characters) as one HTML
 * string, or '' when the body has TOC_MIN chapters and articles or fewer. Escaped here like the body.
 */
export function policyTocHtml(paragraphs: readonly BodyParagraph[]): string {
  const listed = paragraphs.filter((p) => p.anchor && (p.kind === 'chapter' || p.kind === 'article'));
  if (listed.length <= TOC_MIN) return '';
  const items = listed.map((p) => `<li><a href="#${escapeHtml(p.anchor!)}">${escapeHtml(p.text.slice(0, 30))}</a></li>`);
  return `<ul>${items.join('')}</ul>`;
}
