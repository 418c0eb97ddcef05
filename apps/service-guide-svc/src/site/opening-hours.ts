import { type WorkingDayCalendar, localDateTime } from '@govdisc/working-days';

export interface OpeningPeriod {
  weekday: number;
  open: string;
  close: string;
}
export interface OpeningRules {
  weeklyHours: readonly OpeningPeriod[];
  openOnHolidays: boolean;
}

/**
 * Whether a site is open at an instant, in Beijing time: on an official public holiday it is closed
 * (unless it opens on holidays, e.g. a 24-hour self-service area, which then keeps its weekly hours); on
 * a make-up working day (调休上班, a Saturday or Sunday) it opens with its Monday hours; otherwise its
 * hours for that weekday apply. A period is open from `open` (inclusive) to `close` (exclusive).
 */
export function isOpenAt(rules: OpeningRules, at: Date, calendar: WorkingDayCalendar): boolean {
  return openingClock(at, calendar)(rules);
}

/**
 * `isOpenAt` for many sites at one instant: the local date, weekday and calendar lookups are made once
 * (the time-zone conversion costs more than checking a site's hours).
 */
export function openingClock(at: Date, calendar: WorkingDayCalendar): (rules: OpeningRules) => boolean {
  const { date, weekday, time } = localDateTime(at);
  const holiday = calendar.isHoliday(date);
  const day = calendar.isMakeUpWorkday(date) ? 1 : weekday;
  return (rules) =>
    (!holiday || rules.openOnHolidays) && rules.weeklyHours.some((p) => p.weekday === day && p.open <= time && time < p.close);
}

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres between two WGS-84 points (haversine, mean Earth radius). */
export function haversineMeters(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}
