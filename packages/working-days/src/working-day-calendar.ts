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

  /** An official public holiday (any day of the week inside a holiday period). */
  isHoliday(date: string): boolean {
    return this.holidays.has(date);
  }

  /** A Saturday or Sunday that is a working day (调休上班). */
  isMakeUpWorkday(date: string): boolean {
    return this.makeUp.has(date);
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

  /** Working days in (from, to]: how many WDs lie strictly after `from` up to and including `to` (negative if to < from). */
  countBetween(from: string, to: string): number {
    if (to < from) return -this.countBetween(to, from);
    let date = Temporal.PlainDate.from(from);
    const end = Temporal.PlainDate.from(to);
    let count = 0;
    while (Temporal.PlainDate.compare(date, end) < 0) {
      date = date.add({ days: 1 });
      if (this.isWorkingDay(date.toString())) count++;
    }
    return count;
  }

  /** `add` plus the reasons, for people: which holidays were skipped and which make-up days counted. */
  explain(from: string, days: number): WorkingDayResult & { text: string } {
    const result = this.add(from, days);
    const holidays: string[] = [];
    const makeUp: string[] = [];
    for (let d = Temporal.PlainDate.from(from).add({ days: 1 }); d.toString() <= result.date; d = d.add({ days: 1 })) {
      const iso = d.toString();
      if (this.makeUp.has(iso)) makeUp.push(iso.slice(5));
      else if (this.holidays.has(iso) && d.dayOfWeek <= 5) holidays.push(iso.slice(5));
    }
    const parts = [`${from} 起第 ${days} 个工作日（起算日不计）= ${result.date}`];
    if (holidays.length) parts.push(`跳过法定节假日 ${holidays.join('、')}`);
    if (makeUp.length) parts.push(`调休上班日 ${makeUp.join('、')} 计入`);
    if (result.provisional) parts.push('涉及尚未公布放假安排的年份，按周一至周五暂计（临时结果）');
    return { ...result, text: `${parts.join('；')}；日历 ${this.version}` };
  }
}
