/** Shared wording of the service guide pages (时限, 材料份数, distances, opening hours). */

export const days = (n: number | null) => (n == null ? '以部门公布为准' : n === 0 ? '即办' : `${n} 个工作日`);

/** "纸质或电子，原件 1 份，复印件 2 份" — what to bring of one material. */
export function copiesText(m: { originals: number; copies: number; form: string }): string {
  const parts = [m.originals > 0 ? `原件 ${m.originals} 份` : '', m.copies > 0 ? `复印件 ${m.copies} 份` : ''].filter(Boolean);
  return [m.form, ...parts].join('，');
}

/** "约 350 米" / "约 2.4 公里". */
export function distanceText(meters: number): string {
  return meters < 1000 ? `约 ${Math.max(10, Math.round(meters / 10) * 10)} 米` : `约 ${(meters / 1000).toFixed(1)} 公里`;
}

const WEEKDAY = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** Today's weekday in Beijing time, 1 = Monday … 7 = Sunday (the sites' hours are local time). */
export function beijingWeekday(now = new Date()): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', weekday: 'short' }).format(now);
  return ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(name) + 1;
}

/** The time in Beijing as "HH:MM". */
export function beijingTime(now = new Date()): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now);
}

/**
 * What a site's open/closed badge says: 现在开放 when the API says openNow; otherwise why not — no hours today,
 * not open yet, closed today although the week has hours (an official holiday), or 已下班 after hours.
 */
export function openLabel(
  site: { openNow: boolean; weeklyHours: { weekday: number; open: string; close: string }[] },
  now = new Date(),
): string {
  if (site.openNow) return '现在开放';
  const today = site.weeklyHours.filter((p) => p.weekday === beijingWeekday(now));
  if (today.length === 0) return '今天不开放';
  const time = beijingTime(now);
  if (today.every((p) => time < p.open)) return '尚未开门';
  if (today.some((p) => p.open <= time && time < p.close)) return '今天闭馆';
  return '已下班';
}

/** "今天（周六）09:00–12:00" or "今天（周日）不开放". */
export function todayHours(weeklyHours: { weekday: number; open: string; close: string }[], weekday = beijingWeekday()): string {
  const today = weeklyHours.filter((p) => p.weekday === weekday).sort((a, b) => a.open.localeCompare(b.open));
  const label = `今天（${WEEKDAY[weekday] ?? ''}）`;
  return today.length === 0 ? `${label}不开放` : `${label}${today.map((p) => `${p.open}–${p.close}`).join('、')}`;
}
