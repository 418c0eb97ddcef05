import { Temporal } from 'temporal-polyfill';
import { loadOfficialSchedule } from './official-schedule.js';
import { WorkingDayCalendar } from './working-day-calendar.js';

let shared: WorkingDayCalendar | undefined;

/** One calendar over the official schedule per process (the data file is read once). */
export function officialCalendar(): WorkingDayCalendar {
  shared ??= new WorkingDayCalendar(loadOfficialSchedule());
  return shared;
}

/**
 * An instant as a wall-clock date and time in a time zone (default Asia/Shanghai, where every
 * government office of the platform keeps its hours): `date` YYYY-MM-DD, `weekday` 1 = Monday … 7,
 * `time` HH:MM.
 */
export function localDateTime(at: Date, timeZone = 'Asia/Shanghai'): { date: string; weekday: number; time: string } {
  const zoned = Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: zoned.toPlainDate().toString(), weekday: zoned.dayOfWeek, time: `${pad(zoned.hour)}:${pad(zoned.minute)}` };
}
