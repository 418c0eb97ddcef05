import { createRequire } from 'node:module';
import type { CalendarData } from './working-day-calendar.js';

/**
 * The State Council's holiday schedules as packaged by `chinese-days` (one JSON data file).
 * A new year's schedule arrives as a data update of that package; no code changes.
 */
export function loadOfficialSchedule(): CalendarData {
  const require = createRequire(import.meta.url);
  const data = require('chinese-days/dist/chinese-days.json') as {
    holidays: Record<string, string>;
    workdays: Record<string, string>;
  };
  const pkg = require('chinese-days/package.json') as { version: string };
  return {
    version: `chinese-days@${pkg.version}`,
    holidays: Object.keys(data.holidays),
    makeUpWorkdays: Object.keys(data.workdays),
  };
}
