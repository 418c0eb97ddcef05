'use client';
import { Button } from 'antd';
import { useState } from 'react';
import { TimeField } from '../../../components/time-field';
import css from './guides.module.css';

export interface RowColumn {
  key: string;
  label: string;
  type?: 'text' | 'number' | 'checkbox' | 'select' | 'url' | 'time';
  options?: ReadonlyArray<string | { value: string; label: string }>;
  required?: boolean;
  min?: number;
  max?: number;
  /** a regular expression the value must match (the same rule the server checks) */
  pattern?: string;
}
export type RowValues = Record<string, string | number | boolean | undefined>;

/**
 * A list of rows (materials, steps, fees…) edited in place: 添加 appends an empty row, 删除 drops one. Inputs are named
 * `<name>.<row>.<column>`, read back on the server by rowsOf(); each has an accessible name with its row number.
 */
export function RowsField({
  name,
  legend,
  columns,
  initial,
  addLabel,
}: {
  name: string;
  legend: string;
  columns: RowColumn[];
  initial: RowValues[];
  addLabel: string;
}) {
  const [rows, setRows] = useState(() => initial.map((values, i) => ({ id: i, values })));
  const [next, setNext] = useState(initial.length);
  return (
    <fieldset className={css.rows}>
      <legend>{legend}</legend>
      {rows.length === 0 && <p>（无）</p>}
      {rows.map((row, n) => (
        <div key={row.id} className={css.row} role="group" aria-label={`${legend} 第 ${n + 1} 项`}>
          {columns.map((c) => {
            const id = `${name}-${row.id}-${c.key}`;
            const field = `${name}.${row.id}.${c.key}`;
            const value = row.values[c.key];
            return (
              <div key={c.key} className={c.type === 'checkbox' ? css.check : css.cell}>
                <label htmlFor={id}>{c.label}</label>
                {c.type === 'checkbox' ? (
                  <input id={id} name={field} type="checkbox" value="true" defaultChecked={value === true} />
                ) : c.type === 'time' ? (
                  <TimeField id={id} name={field} defaultValue={value === undefined ? undefined : String(value)} />
                ) : c.type === 'select' ? (
                  <select id={id} name={field} defaultValue={value === undefined ? undefined : String(value)} className="native">
                    {c.options?.map((o) => {
                      const { value: v, label } = typeof o === 'string' ? { value: o, label: o } : o;
                      return (
                        <option key={v} value={v}>
                          {label}
                        </option>
                      );
                    })}
                  </select>
                ) : (
                  <input
                    id={id}
                    name={field}
                    type={c.type ?? 'text'}
                    className={css.input}
                    defaultValue={value === undefined ? '' : String(value)}
                    required={c.required}
                    min={c.min}
                    max={c.max}
                    step={c.type === 'number' ? 'any' : undefined}
                    pattern={c.pattern}
                  />
                )}
              </div>
            );
          })}
          <Button onClick={() => setRows(rows.filter((r) => r.id !== row.id))} aria-label={`删除${legend}第 ${n + 1} 项`}>
            删除
          </Button>
        </div>
      ))}
      <Button
        onClick={() => {
          setRows([...rows, { id: next, values: {} }]);
          setNext(next + 1);
        }}
      >
        {addLabel}
      </Button>
    </fieldset>
  );
}
