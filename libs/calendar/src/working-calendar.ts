import { thaiPublicHolidays, type Holiday } from './thai-public-holidays.util';
import { DEFAULT_OFFICE_HOURS, type OfficeHours, type WorkingAmount } from './working-amount';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Asia/Bangkok is UTC+7 all year (no daylight saving since 1920). */
const BANGKOK_OFFSET = 7 * 60 * MINUTE;
/** A calendar with no working day for ten years is a mistake, not a reason to loop forever. */
const MAX_DAYS_SEARCHED = 3660;

export interface WorkingCalendarOptions {
  /** Defaults to 08:30–16:30. */
  readonly officeHours?: OfficeHours;
  /** The organisation's own days off and the cabinet's special days, beside the public holidays. */
  readonly holidays?: readonly Holiday[];
}

/** Day number (days since 1970-01-01) of the Bangkok day an instant falls on. */
function dayNumberOf(ms: number): number {
  return Math.floor((ms + BANGKOK_OFFSET) / DAY);
}

/** The instant a Bangkok day begins. */
function midnightOf(dayNumber: number): number {
  return dayNumber * DAY - BANGKOK_OFFSET;
}

function isoDayOf(dayNumber: number): string {
  return new Date(dayNumber * DAY).toISOString().slice(0, 10);
}

function dayNumberOfIso(day: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`not a day (YYYY-MM-DD): ${day}`);
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new Error(`not a day (YYYY-MM-DD): ${day}`);
  return ms / DAY;
}

function amountInMs(amount: WorkingAmount, dayLength: number): number {
  const value = 'hours' in amount ? amount.hours : amount.days;
  if (!Number.isFinite(value) || value < 0) throw new Error(`working time must be 0 or more: ${value}`);
  return Math.round('hours' in amount ? value * 60 * MINUTE : value * dayLength);
}

/**
 * Thai working time of one organisation: Monday to Friday, office hours (Asia/Bangkok), less the
 * public holidays and the organisation's own days off. Pure: nothing here reads a clock, a file
 * or a database; a working day of N "days" is N × the length of office hours.
 */
export class WorkingCalendar {
  readonly officeHours: OfficeHours;
  private readonly ownHolidays: ReadonlyMap<string, string>;
  private readonly dayLength: number;

  constructor(options: WorkingCalendarOptions = {}) {
    const hours = options.officeHours ?? DEFAULT_OFFICE_HOURS;
    if (
      !Number.isInteger(hours.startMinute) ||
      !Number.isInteger(hours.endMinute) ||
      hours.startMinute < 0 ||
      hours.endMinute > 24 * 60 ||
      hours.startMinute >= hours.endMinute
    ) {
      throw new Error('office hours must start before they end, within one day');
    }
    this.officeHours = hours;
    this.dayLength = (hours.endMinute - hours.startMinute) * MINUTE;
    this.ownHolidays = new Map((options.holidays ?? []).map((h) => [h.date, h.name]));
  }

  /** The name of the holiday on a Bangkok day ('YYYY-MM-DD'), or null (weekends are not holidays). */
  holidayName(day: string): string | null {
    const own = this.ownHolidays.get(day);
    if (own !== undefined) return own;
    const year = Number(day.slice(0, 4));
    return thaiPublicHolidays(year).find((h) => h.date === day)?.name ?? null;
  }

  /** Whether a Bangkok day ('YYYY-MM-DD', or the day an instant falls on) is a working day. */
  isWorkingDay(day: string | Date): boolean {
    const n = typeof day === 'string' ? dayNumberOfIso(day) : dayNumberOf(day.getTime());
    return this.isWorkingDayNumber(n);
  }

  /** Whether an instant is inside office hours of a working day. */
  isWorkingTime(at: Date): boolean {
    const ms = at.getTime();
    const n = dayNumberOf(ms);
    const { open, close } = this.window(n);
    return this.isWorkingDayNumber(n) && ms >= open && ms < close;
  }

  /**
   * The instant a working amount ends when work starts at `start`: time outside office hours,
   * weekends and holidays does not count. The answer is always inside or at the close of office
   * hours of a working day (an amount of 0 outside office hours answers the next opening).
   */
  addWorkingTime(start: Date, amount: WorkingAmount): Date {
    let remaining = amountInMs(amount, this.dayLength);
    let t = start.getTime();
    let n = dayNumberOf(t);
    for (let searched = 0; searched <= MAX_DAYS_SEARCHED; searched++, n++) {
      if (!this.isWorkingDayNumber(n)) continue;
      const { open, close } = this.window(n);
      if (t >= close) continue;
      if (t < open) t = open;
      if (remaining <= close - t) return new Date(t + remaining);
      remaining -= close - t;
      t = close;
    }
    throw new Error(`no working day within ${MAX_DAYS_SEARCHED} days of ${start.toISOString()}`);
  }

  /** Working milliseconds from `from` to `to`; negative when `to` is earlier. */
  workingMsBetween(from: Date, to: Date): number {
    const a = from.getTime();
    const b = to.getTime();
    if (b < a) return -this.workingMsBetween(to, from);
    let total = 0;
    for (let n = dayNumberOf(a); n <= dayNumberOf(b); n++) {
      if (!this.isWorkingDayNumber(n)) continue;
      const { open, close } = this.window(n);
      total += Math.max(0, Math.min(close, b) - Math.max(open, a));
    }
    return total;
  }

  /** Working time from `from` to `to` in hours and in working days (fractions kept). */
  workingTimeBetween(from: Date, to: Date): { hours: number; days: number } {
    const ms = this.workingMsBetween(from, to);
    return { hours: ms / (60 * MINUTE), days: ms / this.dayLength };
  }

  /** The first working day after a Bangkok day. */
  nextWorkingDay(day: string): string {
    let n = dayNumberOfIso(day) + 1;
    for (let searched = 0; searched <= MAX_DAYS_SEARCHED; searched++, n++) {
      if (this.isWorkingDayNumber(n)) return isoDayOf(n);
    }
    throw new Error(`no working day within ${MAX_DAYS_SEARCHED} days of ${day}`);
  }

  private isWorkingDayNumber(n: number): boolean {
    const weekday = new Date(n * DAY).getUTCDay();
    if (weekday === 0 || weekday === 6) return false;
    return this.holidayName(isoDayOf(n)) === null;
  }

  private window(n: number): { open: number; close: number } {
    const midnight = midnightOf(n);
    return {
      open: midnight + this.officeHours.startMinute * MINUTE,
      close: midnight + this.officeHours.endMinute * MINUTE,
    };
  }
}
