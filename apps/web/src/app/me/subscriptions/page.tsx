import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { CITIZEN_TOPICS } from '@govdisc/contracts';
import { ErrorSummary, FieldError, TextField, describedBy, titleWithErrors } from '../../../components/form-fields';
import { api } from '../../../lib/api';
import { csrfToken, readFlash } from '../../../lib/form-post';
import { one } from '../../../lib/site';
import { loginHref, signedInOrLogin } from '../../../lib/signed-in';
import { FIELD_ORDER, KIND_LABEL, OTHER_KINDS } from './subscription-form';

type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: Search }): Promise<Metadata> {
  return { title: titleWithErrors('我的订阅', !!one((await searchParams).failed)), robots: { index: false, follow: false } };
}

const DONE: Record<string, string> = { added: '订阅已添加。', removed: '订阅已删除。', gone: '该订阅已不存在，列表已刷新。' };

/**
 * 我的订阅: the person's policy push subscriptions (topics, issuing agencies, regions, saved searches),
 * each with a 删除 button, and two plain forms to add one. Every form posts to a route handler with the
 * session's CSRF token and comes back here (errors and typed values in a flash), with or without JavaScript.
 */
export default async function SubscriptionsPage({ searchParams }: { searchParams: Search }) {
  await signedInOrLogin('/me/subscriptions');
  const sp = await searchParams;
  const { data, response } = await (await api()).GET('/api/v1/subscriptions');
  if (response.status === 401) redirect(loginHref('/me/subscriptions'));
  const [csrf, flash] = await Promise.all([csrfToken(), readFlash(one(sp.failed))]);
  const errors = flash?.errors ?? {};
  const values = flash?.values ?? {};
  const done = DONE[one(sp.done)];
  const failedRemove = one(sp.done) === 'error';
  return (
    <>
      <ErrorSummary errors={errors} order={FIELD_ORDER} />
      <h1>我的订阅</h1>
      <p>订阅主题、发文机关、地区或关键词后，有相关政策发布、修改或废止时，我们会按您的通知设置提醒您。</p>
      {done && (
        <p className="banner banner-ok" role="status">
          {done}
        </p>
      )}
      {failedRemove && (
        <p className="banner banner-bad" role="alert">
          删除没有成功，请稍后再试。
        </p>
      )}
      {!data ? (
        <p className="banner banner-bad" role="alert">
          暂时无法读取您的订阅，请稍后再试。
        </p>
      ) : (
        <section aria-labelledby="current-h">
          <h2 id="current-h">已订阅</h2>
          <p className="meta" data-testid="subscription-count">
            已订阅 {data.items.length} 个，最多 {data.limit} 个。
          </p>
          {data.items.length === 0 ? (
            <p>您还没有订阅。可以在下面选择主题，或输入发文机关、地区、关键词。</p>
          ) : (
            <ul className="results subscriptions">
              {data.items.map((s) => (
                <li key={s.id}>
                  <span className="badge">{KIND_LABEL[s.kind]}</span> <span className="subscription-label">{s.label}</span>
                  <form method="post" action="/me/subscriptions/remove">
                    <input type="hidden" name="csrf" value={csrf} />
                    <input type="hidden" name="id" value={s.id} />
                    <button type="submit" className="button-secondary" aria-label={`删除订阅：${KIND_LABEL[s.kind]} ${s.label}`}>
                      删除
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <section aria-labelledby="topic-h">
        <h2 id="topic-h">订阅主题</h2>
        <form method="post" action="/me/subscriptions/add" noValidate>
          <input type="hidden" name="csrf" value={csrf} />
          <input type="hidden" name="form" value="topic" />
          <div className={errors.topic ? 'field field-error' : 'field'}>
            <label htmlFor="topic">主题</label>
            <FieldError name="topic" errors={errors} />
            <select id="topic" name="topic" defaultValue={values.topic ?? ''} {...describedBy('topic', errors)}>
              <option value="">请选择主题</option>
              {CITIZEN_TOPICS.map((t) => (
                <option key={t.code} value={t.code}>
                  {t.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">订阅主题</button>
        </form>
      </section>
      <section aria-labelledby="other-h">
        <h2 id="other-h">订阅发文机关、地区或关键词</h2>
        <form method="post" action="/me/subscriptions/add" noValidate>
          <input type="hidden" name="csrf" value={csrf} />
          <input type="hidden" name="form" value="other" />
          <fieldset className={errors.kind ? 'field field-error' : 'field'} {...describedBy('kind', errors)}>
            <legend>订阅类型</legend>
            <FieldError name="kind" errors={errors} />
            <div className="choices">
              {OTHER_KINDS.map((k, i) => (
                <label key={k}>
                  <input
                    type="radio"
                    name="kind"
                    value={k}
                    id={i === 0 ? 'kind' : `kind-${k}`}
                    defaultChecked={(values.kind ?? 'agency') === k}
                  />
                  {KIND_LABEL[k]}
                </label>
              ))}
            </div>
          </fieldset>
          <TextField
            name="value"
            label="订阅内容"
            errors={errors}
            value={values.value}
            hint="发文机关请写全称，例如“江东市人民政府办公室”；地区例如“江东市”；关键词例如“公积金 提取”。"
          />
          <button type="submit">添加订阅</button>
        </form>
      </section>
    </>
  );
}
