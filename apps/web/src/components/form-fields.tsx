import type { ReactNode } from 'react';

/**
 * The error summary every failed submit shows first in <main>, above the <h1>: one link per error to
 * its field's id, the link text the same as the message beside the field (GOV.UK's pattern).
 */
export function ErrorSummary({ errors, order }: { errors: Record<string, string>; order: readonly string[] }) {
  const fields = order.filter((f) => errors[f]);
  if (fields.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-h" tabIndex={-1}>
      <h2 id="error-summary-h">提交未成功，请修改以下内容</h2>
      <ul>
        {fields.map((f) => (
          <li key={f}>
            <a href={`#${f}`}>{errors[f]}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The message beside an invalid field (its id is `<field>-error`, for aria-describedby). */
export function FieldError({ name, errors }: { name: string; errors: Record<string, string> }) {
  if (!errors[name]) return null;
  return (
    <p className="error-text" id={`${name}-error`}>
      <span className="visually-hidden">错误：</span>
      {errors[name]}
    </p>
  );
}

/** The attributes an input takes so that its hint and error are read with it. */
export function describedBy(name: string, errors: Record<string, string>, hint = false) {
  const ids = [hint ? `${name}-hint` : '', errors[name] ? `${name}-error` : ''].filter(Boolean).join(' ');
  return { 'aria-describedby': ids || undefined, 'aria-invalid': errors[name] ? true : undefined } as const;
}

/** A labelled text input with optional hint and its error (server-rendered, no JavaScript). */
export function TextField(props: {
  name: string;
  label: string;
  errors: Record<string, string>;
  value?: string;
  hint?: ReactNode;
  type?: 'text' | 'email' | 'tel';
  autoComplete?: string;
  inputMode?: 'text' | 'email' | 'tel' | 'numeric';
}) {
  const { name, label, errors, hint } = props;
  return (
    <div className={errors[name] ? 'field field-error' : 'field'}>
      <label htmlFor={name}>{label}</label>
      {hint && (
        <p className="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      <FieldError name={name} errors={errors} />
      <input
        id={name}
        name={name}
        type={props.type ?? 'text'}
        defaultValue={props.value ?? ''}
        autoComplete={props.autoComplete ?? 'off'}
        inputMode={props.inputMode}
        {...describedBy(name, errors, !!hint)}
      />
    </div>
  );
}

/** The page title with "错误：" in front after a failed submit. */
export const titleWithErrors = (title: string, failed: boolean) => (failed ? `错误：${title}` : title);
