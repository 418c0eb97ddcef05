import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ErrorSummary, FieldError, TextField, describedBy, titleWithErrors } from '../../../components/form-fields';
import { api } from '../../../lib/api';
import { csrfToken, readFlash } from '../../../lib/form-post';
import { CHANNELS, PREFERENCE_FIELDS, valuesOfPreferences } from '../../../lib/preferences-form';
import { one } from '../../../lib/site';
import { loginHref, signedInOrLogin } from '../../../lib/signed-in';

type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: Search }): Promise<Metadata> {
  return { title: titleWithErrors('通知设置', !!one((await searchParams).failed)), robots: { index: false, follow: false } };
}

const HOURS = Array.from({ length: 24 }, (_, h) => h);

/**
 * 通知设置: which channels bring policy pushes and request notices, their contacts, quiet hours, one daily
 * digest instead of a message per policy, and 退订全部. One plain form (POST with the CSRF token); the
 * gateway checks it and its messages come back beside the fields.
 */
export default async function PreferencesPage({ searchParams }: { searchParams: Search }) {
  await signedInOrLogin('/me/preferences');
  const sp = await searchParams;
  const { data, response } = await (await api()).GET('/api/v1/notification-preferences');
  if (response.status === 401) redirect(loginHref('/me/preferences'));
  const [csrf, flash] = await Promise.all([csrfToken(), readFlash(one(sp.failed))]);
  if (!data && !flash) {
    return (
      <>
        <h1>通知设置</h1>
        <p className="banner banner-bad" role="alert">
          暂时无法读取您的通知设置，请稍后再试。
        </p>
      </>
    );
  }
  const errors = flash?.errors ?? {};
  const v = flash?.values ?? valuesOfPreferences(data!);
  const checked = (name: string) => v[name] === '1';
  return (
    <>
      <ErrorSummary errors={errors} order={PREFERENCE_FIELDS} />
      <h1>通知设置</h1>
      {one(sp.done) === 'saved' && (
        <p className="banner banner-ok" role="status">
          通知设置已保存。
        </p>
      )}
      <form method="post" action="/me/preferences/save" noValidate>
        <input type="hidden" name="csrf" value={csrf} />
        <fieldset className={errors.channels ? 'field field-error' : 'field'} aria-describedby="channels-hint">
          <legend>
            <h2>通过哪些方式提醒我</h2>
          </legend>
          <p className="hint" id="channels-hint">
            申请办理进展和订阅的政策更新会通过选中的方式发给您。开启邮件、短信或微信前，请在下面填写对应的联系方式。
          </p>
          <FieldError name="channels" errors={errors} />
          <div className="choices">
            {CHANNELS.map((c, i) => (
              <label key={c.key}>
                <input
                  type="checkbox"
                  name={`ch_${c.key}`}
                  value="1"
                  id={i === 0 ? 'channels' : `ch_${c.key}`}
                  defaultChecked={checked(`ch_${c.key}`)}
                />
                {c.label}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>
            <h2>联系方式</h2>
          </legend>
          <TextField name="email" label="邮箱地址" type="email" autoComplete="email" inputMode="email" errors={errors} value={v.email} />
          <TextField
            name="phone"
            label="手机号码"
            type="tel"
            autoComplete="tel"
            inputMode="tel"
            errors={errors}
            value={v.phone}
            hint="11 位手机号码，例如 13912345678"
          />
          <TextField
            name="wechatOpenId"
            label="微信 OpenID"
            errors={errors}
            value={v.wechatOpenId}
            hint="由政务公众号提供；不使用微信提醒可以不填"
          />
        </fieldset>
        <fieldset>
          <legend>
            <h2>免打扰时段</h2>
          </legend>
          <p className="hint" id="quiet-hint">
            按北京时间。免打扰时段内的邮件、短信和微信提醒会在时段结束后再发送，站内消息不受影响。
          </p>
          <div className="choices">
            <label>
              <input type="checkbox" name="quiet" value="1" defaultChecked={checked('quiet')} aria-describedby="quiet-hint" />
              开启免打扰
            </label>
          </div>
          <div className="time-pair">
            {(
              [
                ['quietStart', '开始时间'],
                ['quietEnd', '结束时间'],
              ] as const
            ).map(([name, label]) => (
              <div key={name} className={errors[name] ? 'field field-error' : 'field'}>
                <label htmlFor={name}>{label}</label>
                <FieldError name={name} errors={errors} />
                <input id={name} name={name} type="time" defaultValue={v[name] ?? ''} {...describedBy(name, errors)} />
              </div>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>
            <h2>政策推送的频率</h2>
          </legend>
          <div className={errors.digestHour ? 'field field-error' : 'field'}>
            <label htmlFor="digestHour">提醒方式</label>
            <FieldError name="digestHour" errors={errors} />
            <select id="digestHour" name="digestHour" defaultValue={v.digestHour ?? ''} {...describedBy('digestHour', errors)}>
              <option value="">每条政策更新都单独提醒</option>
              {HOURS.map((h) => (
                <option key={h} value={String(h)}>
                  每天汇总一次，{h} 点发送
                </option>
              ))}
            </select>
          </div>
        </fieldset>
        <fieldset>
          <legend>
            <h2>退订</h2>
          </legend>
          <div className="choices">
            <label>
              <input
                type="checkbox"
                name="optedOut"
                id="optedOut"
                value="1"
                defaultChecked={checked('optedOut')}
                aria-describedby="optedOut-hint"
              />
              退订全部政策推送
            </label>
          </div>
          <p className="hint" id="optedOut-hint">
            退订后不再收到任何政策推送，您的订阅会保留，取消勾选即可恢复。申请办理进展仍会发到“我的消息”。
          </p>
        </fieldset>
        <button type="submit">保存设置</button>
      </form>
    </>
  );
}
