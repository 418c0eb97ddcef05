import type { paths } from '@govdisc/api-client';
import { field } from './site';

/** The notification preferences as the gateway takes them (PUT /api/v1/notification-preferences). */
export type Preferences = paths['/api/v1/notification-preferences']['put']['requestBody']['content']['application/json'];
export type Channel = keyof Preferences['channels'];

export const CHANNELS: { key: Channel; label: string; contact?: 'email' | 'phone' | 'wechatOpenId' }[] = [
  { key: 'inbox', label: '站内消息（“我的消息”）' },
  { key: 'email', label: '电子邮件', contact: 'email' },
  { key: 'sms', label: '短信', contact: 'phone' },
  { key: 'wechat', label: '微信订阅消息', contact: 'wechatOpenId' },
];

export const CONTACT_LABEL = { email: '邮箱地址', phone: '手机号码', wechatOpenId: '微信 OpenID' } as const;

/** The form's fields in reading order; the first channel's checkbox has the id `channels`. */
export const PREFERENCE_FIELDS = [
  'channels',
  'email',
  'phone',
  'wechatOpenId',
  'quietStart',
  'quietEnd',
  'digestHour',
  'optedOut',
] as const;

/** Where the gateway's issue paths show on the form. */
export const ISSUE_FIELD: Record<string, string> = {
  channels: 'channels',
  email: 'email',
  phone: 'phone',
  wechatOpenId: 'wechatOpenId',
  quietHours: 'quietStart',
  'quietHours.start': 'quietStart',
  'quietHours.end': 'quietEnd',
  digestHour: 'digestHour',
  optedOut: 'optedOut',
};

/** The form as flat strings (what the page shows again after a failed save): checkboxes are '1' or ''. */
export function preferenceValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const c of CHANNELS) values[`ch_${c.key}`] = field(form, `ch_${c.key}`) ? '1' : '';
  for (const name of ['email', 'phone', 'wechatOpenId', 'quietStart', 'quietEnd', 'digestHour'] as const) values[name] = field(form, name);
  values.quiet = field(form, 'quiet') ? '1' : '';
  values.optedOut = field(form, 'optedOut') ? '1' : '';
  return values;
}

/** The flat values as the gateway's body; the gateway checks formats and the contact each channel needs. */
export function preferencesBody(v: Record<string, string>): Preferences {
  const orNull = (s: string | undefined) => (s ? s : null);
  return {
    channels: { inbox: v.ch_inbox === '1', email: v.ch_email === '1', sms: v.ch_sms === '1', wechat: v.ch_wechat === '1' },
    email: orNull(v.email),
    phone: orNull(v.phone),
    wechatOpenId: orNull(v.wechatOpenId),
    quietHours: v.quiet === '1' ? { start: v.quietStart ?? '', end: v.quietEnd ?? '' } : null,
    digestHour: v.digestHour ? Number(v.digestHour) : null,
    optedOut: v.optedOut === '1',
  };
}

/** Saved preferences as the form's flat values. */
export function valuesOfPreferences(p: Preferences): Record<string, string> {
  return {
    ch_inbox: p.channels.inbox ? '1' : '',
    ch_email: p.channels.email ? '1' : '',
    ch_sms: p.channels.sms ? '1' : '',
    ch_wechat: p.channels.wechat ? '1' : '',
    email: p.email ?? '',
    phone: p.phone ?? '',
    wechatOpenId: p.wechatOpenId ?? '',
    quiet: p.quietHours ? '1' : '',
    quietStart: p.quietHours?.start ?? '22:00',
    quietEnd: p.quietHours?.end ?? '07:00',
    digestHour: p.digestHour === null ? '' : String(p.digestHour),
    optedOut: p.optedOut ? '1' : '',
  };
}

/** The channels turned on without their contact (the gateway's NOTIFY_PREFERENCES_CONTACT_MISSING), as field messages. */
export function missingContactErrors(channels: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of CHANNELS) {
    if (c.contact && Array.isArray(channels) && channels.includes(c.key))
      out[c.contact] = `开启${c.label}提醒前，请填写${CONTACT_LABEL[c.contact]}。`;
  }
  return out;
}
