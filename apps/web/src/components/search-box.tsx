'use client';
import { useEffect, useId, useRef, useState } from 'react';
import { SearchForm, type Suggestion } from './search-form';

/**
 * The search box of the App Router's pages (the home page): the plain GET form of `SearchForm`; with JavaScript,
 * it offers the policy library's suggestions as a datalist (like public/search-suggest.js on the search page).
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
    <SearchForm id={id} label={label} value={value} onChange={(e) => setValue(e.target.value)} autoFocus={autoFocus} suggestions={items} />
  );
}
