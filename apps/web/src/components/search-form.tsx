import type { ChangeEvent } from 'react';

/** A suggestion from the policy library (a document number, a title, an agency). */
export interface Suggestion {
  kind: string;
  text: string;
}

/**
 * The one search box's markup: a plain GET form to /search (works without JavaScript) with an empty or filled
 * datalist of suggestions. No hooks: the client `SearchBox` (App Router) fills the datalist with React, the
 * Pages Router's search page (ADR 0035) with `public/search-suggest.js`. `id` prefixes the input's, hint's and
 * list's ids. With `onChange` the input is controlled, without it `value` is its initial value.
 */
export function SearchForm({
  id,
  label,
  value,
  onChange,
  autoFocus = false,
  suggestions = [],
}: {
  id: string;
  label: string;
  value: string;
  onChange?: (e: ChangeEvent<HTMLInputElement>) => void;
  autoFocus?: boolean;
  suggestions?: readonly Suggestion[];
}) {
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
          {...(onChange ? { value, onChange } : { defaultValue: value })}
          autoFocus={autoFocus}
        />
        <datalist id={`${id}-list`}>
          {suggestions.map((s) => (
            <option key={`${s.kind}:${s.text}`} value={s.text} />
          ))}
        </datalist>
      </div>
      <button type="submit">搜索</button>
    </form>
  );
}
