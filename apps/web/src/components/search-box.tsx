'use client';
import { useEffect, useId, useRef, useState } from 'react';

interface Suggestion {
  kind: string;
  text: string;
}

/**
 * The one search box: a plain GET form to /search (works without JavaScript). With JavaScript, it
 * offers the policy library's suggestions (document numbers, titles, agencies) as a datalist.
 */
export function SearchBox({
  defaultValue = '',
  label = '搜索政策文件',
  autoFocus = false,
}: {
  defaultValue?: string;
  label?: string;
  autoFocus?: boolean;
}) {
  const id = useId();
  const [value, setValue] = useState(defaultValue);
  const [items, setItems] = useState<Suggestion[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    clearTimeout(timer.current);
    const q = value.trim();
    if (q.length < 1 || q.length > 50) return;
    timer.current = setTimeout(() => {
      fetch(`/api/suggest?q=${encodeURIComponent(q)}`)
        .then((r) => (r.ok ? (r.json() as Promise<{ items: Suggestion[] }>) : { items: [] }))
        .then((body) => setItems(body.items.slice(0, 8)))
        .catch(() => setItems([]));
    }, 200);
    return () => clearTimeout(timer.current);
  }, [value]);

  return (
    <form role="search" action="/search" method="get" className="search-form">
      <div className="grow">
        <label htmlFor={`${id}-q`}>{label}</label>
        <p className="hint" id={`${id}-hint`}>
          可输入口语、标题中的词或发文字号，例如“公积金”“江政发〔2024〕3号”
        </p>
        <input
          id={`${id}-q`}
          name="q"
          type="search"
          maxLength={200}
          autoComplete="off"
          list={`${id}-list`}
          aria-describedby={`${id}-hint`}
          value={value}
          autoFocus={autoFocus}
          onChange={(e) => setValue(e.target.value)}
        />
        <datalist id={`${id}-list`}>
          {items.map((s) => (
            <option key={`${s.kind}:${s.text}`} value={s.text} />
          ))}
        </datalist>
      </div>
      <button type="submit">搜索</button>
    </form>
  );
}
