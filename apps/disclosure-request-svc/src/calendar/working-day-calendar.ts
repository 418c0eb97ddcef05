import { Temporal } from 'temporal-polyfill';

/** Official schedule data: public holidays and make-up working days (调休上班), as YYYY-MM-DD. */
export interface CalendarData {
  /** Identifies the data set, recorded with every computed deadline. */
  version: string;
  holidays: readonly string[];
  makeUpWorkdays: readonly string[];
}

export interface WorkingDayResult {
  date: string;
  /** True when the count ran into a year with no published schedule (plain Mon–Fri assumed). */
  provisional: boolean;
}

/**
 * Working-day arithmetic on plain calendar dates (no time zone can shift a day): a day is a
 * working day if it is a make-up working day, or a Monday–Friday that is not a holiday.
 * `add(d, n)` is the n-th working day strictly after d (d itself is day zero, 民法典 Art. 201).
 */
export class WorkingDayCalendar {
  private readonly holidays: Set<string>;
  private readonly makeUp: Set<string>;
  private readonly coveredYears: Set<number>;

  constructor(readonly data: CalendarData) {
    this.holidays = new Set(data.holidays);
    this.makeUp = new Set(data.makeUpWorkdays);
    this.coveredYears = new Set(data.holidays.map((d) => Number(d.slice(0, 4))));
  }

  get version(): string {
    return this.data.version;
  }

  covers(year: number): boolean {
    return this.coveredYears.has(year);
  }

  isWorkingDay(date: string): boolean {
    if (this.makeUp.has(date)) return true;
    if (this.holidays.has(date)) return false;
    return Temporal.PlainDate.from(date).dayOfWeek <= 5;
  }

  add(from: string, days: number): WorkingDayResult {
    let date = Temporal.PlainDate.from(from);
    let provisional = !this.covers(date.year);
    let left = days;
    while (left > 0) {
      date = date.add({ days: 1 });
      if (!this.covers(date.year)) provisional = true;
      if (this.isWorkingDay(date.toString())) left--;
    }
    return { date: date.toString(), provisional };
  }
}
