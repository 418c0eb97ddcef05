import { DEFAULT_NOTIFICATION_PREFERENCES, type NotificationPreferences } from '@govdisc/contracts';
import type { NotificationPreference } from '../generated/prisma/client.js';
import type { PreferenceColumns } from './subscription.repository.js';

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const toHourMinute = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

export function toPreferencesView(row: NotificationPreference | null): NotificationPreferences {
  if (!row) return DEFAULT_NOTIFICATION_PREFERENCES;
  return {
    channels: { inbox: row.inbox, email: row.email, sms: row.sms, wechat: row.wechat },
    email: row.emailAddress,
    phone: row.phone,
    wechatOpenId: row.wechatOpenId,
    quietHours:
      row.quietStart !== null && row.quietEnd !== null ? { start: toHourMinute(row.quietStart), end: toHourMinute(row.quietEnd) } : null,
    digestHour: row.digestHour,
    optedOut: row.optedOut,
  };
}

export function toPreferenceColumns(p: NotificationPreferences): PreferenceColumns {
  return {
    ...p.channels,
    emailAddress: p.email?.toLowerCase() ?? null,
    phone: p.phone,
    wechatOpenId: p.wechatOpenId,
    quietStart: p.quietHours ? toMinutes(p.quietHours.start) : null,
    quietEnd: p.quietHours ? toMinutes(p.quietHours.end) : null,
    digestHour: p.digestHour,
    optedOut: p.optedOut,
  };
}
