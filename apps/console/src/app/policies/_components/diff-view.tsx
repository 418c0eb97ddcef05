import { diffStats, diffVersions } from '../_lib/version-diff';
import css from './policy.module.css';

interface Side {
  label: string;
  title: string;
  body: string;
}

/** Two versions compared: the title, then the body line by line with changed characters marked (and named for screen readers). */
export function DiffView({ before, after }: { before: Side; after: Side }) {
  const rows = diffVersions(before.body, after.body);
  const stats = diffStats(rows);
  return (
    <section aria-label={`${before.label}与${after.label}的比较`} className="stack">
      <h3>
        {before.label} → {after.label}
      </h3>
      <p>
        {before.title === after.title ? `标题未变：${after.title}` : `标题：${before.title} → ${after.title}`}；正文新增 {stats.added}{' '}
        行，删除 {stats.removed} 行。
      </p>
      <ol className={css.diff}>
        {rows.map((row, i) =>
          row.kind === 'gap' ? (
            <li key={i} className={css.gap}>
              …（{row.lines} 行未变）
            </li>
          ) : row.kind === 'same' ? (
            <li key={i} className={css.same}>
              {row.text}
            </li>
          ) : (
            <li key={i} className={css[row.kind]}>
              <span className={css.hidden}>{row.kind === 'added' ? '新增：' : '删除：'}</span>
              {row.pieces.map((p, j) =>
                p.kind === 'added' ? (
                  <ins key={j}>{p.text}</ins>
                ) : p.kind === 'removed' ? (
                  <del key={j}>{p.text}</del>
                ) : (
                  <span key={j}>{p.text}</span>
                ),
              )}
            </li>
          ),
        )}
      </ol>
    </section>
  );
}
