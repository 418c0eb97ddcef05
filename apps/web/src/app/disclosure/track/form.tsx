'use client';
import { useActionState } from 'react';
import { RequestDetails } from '../../../components/request-details';
import { type TrackState, track } from './actions';

const initial: TrackState = { code: '', phone4: '', errors: {} };

export function TrackForm() {
  const [state, action, pending] = useActionState(track, initial);
  const r = state.result;
  const errs = (['code', 'phone4'] as const).filter((f) => state.errors[f]);
  return (
    <>
      <form action={action} noValidate key={`${state.code}|${state.phone4}`}>
        {errs.length > 0 && (
          <div className="error-summary" role="alert" aria-labelledby="track-errors-h">
            <h2 id="track-errors-h">有 {errs.length} 处需要修改</h2>
            <ul>
              {errs.map((f) => (
                <li key={f}>
                  <a href={`#${f}`}>{state.errors[f]}</a>
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className={state.errors.code ? 'field field-error' : 'field'}>
          <label htmlFor="code">查询码（必填）</label>
          {state.errors.code && (
            <p className="error-text" id="code-error">
              {state.errors.code}
            </p>
          )}
          <input
            id="code"
            name="code"
            type="text"
            autoComplete="off"
            defaultValue={state.code}
            aria-describedby={state.errors.code ? 'code-error' : undefined}
            aria-invalid={state.errors.code ? true : undefined}
          />
        </div>
        <div className={state.errors.phone4 ? 'field field-error' : 'field'}>
          <label htmlFor="phone4">手机号后四位（必填）</label>
          {state.errors.phone4 && (
            <p className="error-text" id="phone4-error">
              {state.errors.phone4}
            </p>
          )}
          <input
            id="phone4"
            name="phone4"
            type="text"
            inputMode="numeric"
            maxLength={4}
            autoComplete="off"
            defaultValue={state.phone4}
            aria-describedby={state.errors.phone4 ? 'phone4-error' : undefined}
            aria-invalid={state.errors.phone4 ? true : undefined}
          />
        </div>
        <button type="submit" disabled={pending}>
          {pending ? '正在查询…' : '查询'}
        </button>
      </form>
      {state.notFound && (
        <p className="banner banner-bad" role="alert">
          没有找到对应的申请，请核对查询码和手机号后四位。
        </p>
      )}
      {r && (
        <section aria-labelledby="track-result-h" role="status">
          <h2 id="track-result-h">申请 {r.requestNumber}</h2>
          <RequestDetails r={r} />
        </section>
      )}
    </>
  );
}
