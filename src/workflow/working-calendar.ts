/**
 * Working time of Andhra Pradesh government offices, in Indian Standard Time. District and
 * sub-district offices work 10:30 to 17:00 and close on Sundays, second Saturdays and the
 * general holidays the state notifies each year (GAD orders of July 2021 restored these
 * timings; the yearly holiday G.O. lists the holidays, see `catalog/holidays/`).
 *
 * All SLA arithmetic goes through this class so that every deadline is reproducible: it reads
 * no clock, and the same holidays give the same answers on every machine. Time inside an office
 * day is counted to the millisecond; days outside office hours count nothing.
 *
 * A year with no holiday list is treated as having only its weekly offs: deadlines in it come
 * out early, never late. `knowsYear` lets the caller warn the operator before that happens.
 */
import { IST_OFFSET_MINUTES } from '../lib/india-date.ts';
import { WorkflowFault } from './workflow-fault.ts';
import type { SlaSpec } from './sla-spec.ts';

/** Opening and closing time of an office, 'HH:MM' in IST. */
export interface OfficeHours {
  open: string;
  close: string;
}

/** AP district, mandal and secretariat offices: 10:30 to 17:00 IST. */
export const AP_OFFICE_HOURS: OfficeHours = { open: '10:30', close: '17:00' };

/** How the calendar is built. */
export interface WorkingCalendarOptions {
  /** General holidays, 'YYYY-MM-DD' (IST calendar dates). Duplicates are harmless. */
  holidays?: Iterable<string>;
  /** Years whose holiday list was supplied (even an empty one), for `knowsYear`. */
  years?: Iterable<number>;
  /** Office hours; {@link AP_OFFICE_HOURS} when omitted. */
  officeHours?: OfficeHours;
  /** Whether the second Saturday of each month is off (true in AP). */
  secondSaturdayOff?: boolean;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const OFFSET_MS = IST_OFFSET_MINUTES * MINUTE_MS;
/** A run of this many closed days in a row means the holiday data is wrong, not a long festival. */
export const MAX_CLOSED_DAYS_IN_A_ROW = 60;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function parseHhMm(value: string, field: string): number {
  const m = HH_MM.exec(value);
  if (!m) throw new WorkflowFault('calendar:bad-office-hours', `office hours '${field}' must be HH:MM`, { [field]: value });
  return (Number(m[1]) * 60 + Number(m[2])) * MINUTE_MS;
}

function checkInstant(at: Date, what: string): number {
  const t = at instanceof Date ? at.getTime() : Number.NaN;
  if (!Number.isFinite(t)) throw new WorkflowFault('time:invalid', `${what} is not a valid Date`, { value: String(at) });
  return t;
}

/** Working days and hours of one kind of office. Immutable once built. */
export class WorkingCalendar {
  private readonly holidays: ReadonlySet<string>;
  private readonly years: ReadonlySet<number>;
  private readonly openMs: number;
  private readonly closeMs: number;
  private readonly secondSaturdayOff: boolean;

  /** Throws `WorkflowFault` for malformed holidays or office hours (configuration faults). */
  constructor(options: WorkingCalendarOptions = {}) {
    const holidays = new Set<string>();
    for (const date of options.holidays ?? []) {
      const m = ISO_DATE.exec(date);
      const real = m && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
      if (!real) throw new WorkflowFault('calendar:bad-holiday', `holiday '${date}' is not a YYYY-MM-DD date`, { date });
      holidays.add(date);
    }
    this.holidays = holidays;
    this.years = new Set(options.years ?? []);
    const hours = options.officeHours ?? AP_OFFICE_HOURS;
    this.openMs = parseHhMm(hours.open, 'open');
    this.closeMs = parseHhMm(hours.close, 'close');
    if (this.closeMs <= this.openMs) {
      throw new WorkflowFault('calendar:bad-office-hours', 'office hours must close after they open', { ...hours });
    }
    this.secondSaturdayOff = options.secondSaturdayOff ?? true;
  }

  /** Length of one office day in milliseconds (6.5 hours for AP offices). */
  get officeDayMs(): number {
    return this.closeMs - this.openMs;
  }

  /** True when a holiday list for `year` was supplied. */
  knowsYear(year: number): boolean {
    return this.years.has(year);
  }

  /** True when the office is open on `date` ('YYYY-MM-DD', IST). Throws on a malformed date. */
  isWorkingDay(date: string): boolean {
    if (!ISO_DATE.test(date)) throw new WorkflowFault('calendar:bad-date', `'${date}' is not a YYYY-MM-DD date`, { date });
    const day = Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
    if (!Number.isFinite(day)) throw new WorkflowFault('calendar:bad-date', `'${date}' is not a date`, { date });
    return this.isWorkingDayNumber(day);
  }

  /** Day number (days since 1970-01-01 in IST) of an instant. */
  private dayOf(t: number): number {
    return Math.floor((t + OFFSET_MS) / DAY_MS);
  }

  /** The UTC instant at which IST day `day` begins. */
  private startOf(day: number): number {
    return day * DAY_MS - OFFSET_MS;
  }

  private isWorkingDayNumber(day: number): boolean {
    const d = new Date(day * DAY_MS);
    const weekday = d.getUTCDay();
    if (weekday === 0) return false;
    // The second Saturday is the one falling on the 8th to the 14th of the month.
    if (weekday === 6 && this.secondSaturdayOff && d.getUTCDate() >= 8 && d.getUTCDate() <= 14) return false;
    return !this.holidays.has(d.toISOString().slice(0, 10));
  }

  /** The next working day after `day`; throws when the data leaves no working day for months. */
  private nextWorkingDay(day: number): number {
    for (let next = day + 1, closed = 0; ; next++, closed++) {
      if (closed > MAX_CLOSED_DAYS_IN_A_ROW) {
        throw new WorkflowFault('calendar:no-working-days', `no working day in ${MAX_CLOSED_DAYS_IN_A_ROW} days after day ${day}`, { day });
      }
      if (this.isWorkingDayNumber(next)) return next;
    }
  }

  /**
   * The close of office on the `days`-th working day after the IST date of `from` (that date
   * itself is not counted, whatever the hour). `days` = 0 returns `from` unchanged.
   * `days` MUST be a whole number from 0.
   */
  addWorkingDays(from: Date, days: number): Date {
    const t = checkInstant(from, 'from');
    if (!Number.isInteger(days) || days < 0) throw new WorkflowFault('calendar:bad-amount', 'days must be a whole number from 0', { days });
    if (days === 0) return new Date(t);
    let day = this.dayOf(t);
    for (let counted = 0; counted < days; counted++) day = this.nextWorkingDay(day);
    return new Date(this.startOf(day) + this.closeMs);
  }

  /**
   * The instant at which `ms` milliseconds of office time have passed since `from`. Time before
   * opening, after closing and on closed days does not count; a result that uses up a day
   * exactly is that day's closing time. `ms` = 0 returns `from` unchanged.
   */
  addWorkingTime(from: Date, ms: number): Date {
    const t = checkInstant(from, 'from');
    if (!Number.isFinite(ms) || ms < 0) throw new WorkflowFault('calendar:bad-amount', 'working time must be a number from 0', { ms });
    if (ms === 0) return new Date(t);
    let remaining = ms;
    let cursor = t;
    let day = this.dayOf(t);
    if (!this.isWorkingDayNumber(day)) day = this.nextWorkingDay(day);
    for (;;) {
      const open = this.startOf(day) + this.openMs;
      const close = this.startOf(day) + this.closeMs;
      const start = Math.max(cursor, open);
      if (start < close) {
        if (remaining <= close - start) return new Date(start + remaining);
        remaining -= close - start;
      }
      day = this.nextWorkingDay(day);
      cursor = this.startOf(day);
    }
  }

  /** `addWorkingTime` in whole hours. */
  addWorkingHours(from: Date, hours: number): Date {
    return this.addWorkingTime(from, hours * 60 * MINUTE_MS);
  }

  /** Office time, in milliseconds, between `from` and `to`; 0 when `to` is not after `from`. */
  workingTimeBetween(from: Date, to: Date): number {
    const a = checkInstant(from, 'from');
    const b = checkInstant(to, 'to');
    if (b <= a) return 0;
    let total = 0;
    for (let day = this.dayOf(a); day <= this.dayOf(b); day++) {
      if (!this.isWorkingDayNumber(day)) continue;
      const open = this.startOf(day) + this.openMs;
      const close = this.startOf(day) + this.closeMs;
      const overlap = Math.min(b, close) - Math.max(a, open);
      if (overlap > 0) total += overlap;
    }
    return total;
  }

  /** The deadline of a time limit starting at `from`. */
  deadline(from: Date, sla: SlaSpec): Date {
    if (sla.workingDays !== undefined) return this.addWorkingDays(from, sla.workingDays);
    if (sla.workingHours !== undefined) return this.addWorkingHours(from, sla.workingHours);
    throw new WorkflowFault('sla:empty', 'an SLA needs workingDays or workingHours', { sla });
  }
}
