'use client';
import { useActionState } from 'react';
import { FIELDS, FIELD_LABEL, type Field } from '../../../lib/disclosure-form';
import { APPLICANT_TYPE_ZH, DELIVERY_FORM_ZH, ID_DOCUMENT_TYPE_ZH } from '@govdisc/contracts/disclosure-labels';
import { type SubmitState, submitDisclosure } from './actions';

const initial: SubmitState = { values: { type: 'NATURAL_PERSON', idType: 'RESIDENT_ID' }, errors: {} };

export function DisclosureForm() {
  const [state, action, pending] = useActionState(submitDisclosure, initial);
  const v = state.values;
  const errs = FIELDS.filter((f) => state.errors[f]);
  const err = (f: Field) =>
    state.errors[f] ? (
      <p className="error-text" id={`${f}-error`}>
        <span className="visually-hidden">错误：</span>
        {state.errors[f]}
      </p>
    ) : null;
  const described = (f: Field, hint?: boolean) =>
    [hint ? `${f}-hint` : '', state.errors[f] ? `${f}-error` : ''].filter(Boolean).join(' ') || undefined;
  const cls = (f: Field) => (state.errors[f] ? 'field field-error' : 'field');
  const text = (
    f: Field,
    opts: { type?: string; hint?: string; required?: boolean; autoComplete?: string; inputMode?: 'tel' | 'email' } = {},
  ) => (
    <div className={cls(f)}>
      <label htmlFor={f}>
        {FIELD_LABEL[f]}
        {opts.required ? '（必填）' : ''}
      </label>
      {opts.hint && (
        <p className="hint" id={`${f}-hint`}>
          {opts.hint}
        </p>
      )}
      {err(f)}
      <input
        id={f}
        name={f}
        type={opts.type ?? 'text'}
        defaultValue={v[f] ?? ''}
        autoComplete={opts.autoComplete}
        inputMode={opts.inputMode}
        aria-invalid={state.errors[f] ? true : undefined}
        aria-describedby={described(f, !!opts.hint)}
      />
    </div>
  );
  return (
    <form action={action} noValidate key={JSON.stringify(state.values)}>
      {(errs.length > 0 || state.formError) && (
        <div className="error-summary" role="alert" aria-labelledby="error-summary-h" tabIndex={-1}>
          <h2 id="error-summary-h">{errs.length > 0 ? `有 ${errs.length} 处需要修改` : '提交没有成功'}</h2>
          {state.formError && <p>{state.formError}</p>}
          <ul>
            {errs.map((f) => (
              <li key={f}>
                <a href={`#${f}`}>{state.errors[f]}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <fieldset>
        <legend>
          <h2>申请人信息</h2>
        </legend>
        <div className={cls('type')}>
          <label htmlFor="type">{FIELD_LABEL.type}（必填）</label>
          {err('type')}
          <select
            id="type"
            name="type"
            defaultValue={v.type ?? 'NATURAL_PERSON'}
            aria-describedby={described('type')}
            aria-invalid={state.errors.type ? true : undefined}
          >
            {Object.entries(APPLICANT_TYPE_ZH).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        </div>
        {text('name', { required: true, autoComplete: 'name', hint: '公民填写姓名，法人或其他组织填写单位全称' })}
        <div className={cls('idType')}>
          <label htmlFor="idType">{FIELD_LABEL.idType}（必填）</label>
          {err('idType')}
          <select
            id="idType"
            name="idType"
            defaultValue={v.idType ?? 'RESIDENT_ID'}
            aria-describedby={described('idType')}
            aria-invalid={state.errors.idType ? true : undefined}
          >
            {Object.entries(ID_DOCUMENT_TYPE_ZH).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        </div>
        {text('idNumber', { required: true, autoComplete: 'off' })}
        {text('phone', { required: true, type: 'tel', autoComplete: 'tel', inputMode: 'tel', hint: '查询办理进度时需要输入手机号后四位' })}
        {text('email', { type: 'email', autoComplete: 'email', inputMode: 'email', hint: '选择以电子邮件获取信息时必填' })}
        {text('address', { autoComplete: 'street-address', hint: '选择邮寄纸质文本时必填' })}
      </fieldset>
      <fieldset>
        <legend>
          <h2>所需信息</h2>
        </legend>
        {text('title', { hint: '知道文件名称的请填写' })}
        {text('docNumber', { hint: '例如 江政发〔2024〕3号' })}
        <div className={cls('description')}>
          <label htmlFor="description">{FIELD_LABEL.description}（必填）</label>
          <p className="hint" id="description-hint">
            请尽量写明信息的名称、文号或便于查找的特征，例如涉及的时间、地点、项目名称
          </p>
          {err('description')}
          <textarea
            id="description"
            name="description"
            defaultValue={v.description ?? ''}
            aria-describedby={described('description', true)}
            aria-invalid={state.errors.description ? true : undefined}
          />
        </div>
        {text('purpose')}
      </fieldset>
      <fieldset className={cls('deliveryForm')} aria-describedby={described('deliveryForm')}>
        <legend>{FIELD_LABEL.deliveryForm}（必填）</legend>
        {err('deliveryForm')}
        <div className="choices">
          {Object.entries(DELIVERY_FORM_ZH).map(([k, label], i) => (
            <label key={k}>
              <input
                type="radio"
                name="deliveryForm"
                value={k}
                id={i === 0 ? 'deliveryForm' : undefined}
                defaultChecked={v.deliveryForm === k}
              />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      <p>
        <button type="submit" disabled={pending}>
          {pending ? '正在提交…' : '提交申请'}
        </button>
      </p>
    </form>
  );
}
