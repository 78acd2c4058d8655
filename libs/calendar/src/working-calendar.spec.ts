import fc from 'fast-check';
import { WorkingCalendar } from './working-calendar';

const bkk = (local: string) => new Date(`${local}+07:00`);
const calendar = new WorkingCalendar();
/** The organisation's own day off and a cabinet special day, as an organisation file gives them. */
const withOwnDays = new WorkingCalendar({
  holidays: [
    { date: '2026-04-16', name: 'วันหยุดพิเศษ (มติคณะรัฐมนตรี)' },
    { date: '2026-06-01', name: 'ชดเชยวันวิสาขบูชา' },
  ],
  officeHours: { startMinute: 8 * 60, endMinute: 16 * 60 },
});

describe('WorkingCalendar: Thai days off', () => {
  it('knows weekends, public holidays (date-holidays TH) and the organisation’s own days', () => {
    expect(calendar.isWorkingDay('2026-04-10')).toBe(true); // Friday
    expect(calendar.isWorkingDay('2026-04-11')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2026-04-13')).toBe(false); // Songkran
    expect(calendar.holidayName('2026-04-13')).toBe('วันสงกรานต์');
    expect(calendar.isWorkingDay('2026-04-16')).toBe(true);
    expect(withOwnDays.isWorkingDay('2026-04-16')).toBe(false);
    expect(withOwnDays.holidayName('2026-06-01')).toBe('ชดเชยวันวิสาขบูชา');
    expect(calendar.nextWorkingDay('2026-04-10')).toBe('2026-04-16');
  });

  it('a step due in one working day, given on the Friday before Songkran 2569, is due on Thursday', () => {
    // Sat 11, Sun 12, Songkran Mon 13 – Wed 15 April 2026: Thursday 16 is the next working day.
    expect(calendar.addWorkingTime(bkk('2026-04-10T10:15:00'), { days: 1 })).toEqual(
      bkk('2026-04-16T10:15:00'),
    );
    // Given after office hours on Friday: the whole of Thursday is the working day.
    expect(calendar.addWorkingTime(bkk('2026-04-10T18:00:00'), { days: 1 })).toEqual(
      bkk('2026-04-16T16:30:00'),
    );
    // With a cabinet special day on Thursday 16 (and office hours 08:00–16:00), Friday 17.
    expect(withOwnDays.addWorkingTime(bkk('2026-04-10T10:15:00'), { days: 1 })).toEqual(
      bkk('2026-04-17T10:15:00'),
    );
    // Four working hours from Friday 15:00: 1.5 h on Friday, 2.5 h on Thursday from 08:30.
    expect(calendar.addWorkingTime(bkk('2026-04-10T15:00:00'), { hours: 4 })).toEqual(
      bkk('2026-04-16T11:00:00'),
    );
  });

  it('measures working time between two instants', () => {
    expect(calendar.workingTimeBetween(bkk('2026-04-10T10:15:00'), bkk('2026-04-16T10:15:00'))).toEqual({
      hours: 8,
      days: 1,
    });
    expect(calendar.workingTimeBetween(bkk('2026-04-11T09:00:00'), bkk('2026-04-12T15:00:00')).hours).toBe(0);
  });

  it('refuses office hours that end before they start and negative amounts', () => {
    expect(() => new WorkingCalendar({ officeHours: { startMinute: 600, endMinute: 500 } })).toThrow();
    expect(() => calendar.addWorkingTime(new Date(), { hours: -1 })).toThrow();
  });
});

describe('WorkingCalendar: properties', () => {
  // Instants from 2025 to 2029 at minute precision, and amounts up to 30 working days.
  const instant = fc
    .integer({
      min: Date.parse('2025-01-01T00:00:00Z') / 60_000,
      max: Date.parse('2029-12-31T00:00:00Z') / 60_000,
    })
    .map((minute) => new Date(minute * 60_000));
  const amount = fc.oneof(
    fc.integer({ min: 0, max: 240 * 60 }).map((minutes) => ({ hours: minutes / 60 })),
    fc.integer({ min: 0, max: 30 }).map((days) => ({ days })),
  );
  const calendars = fc.constantFrom(calendar, withOwnDays);
  const msOf = (c: WorkingCalendar, a: { hours: number } | { days: number }) =>
    'hours' in a
      ? Math.round(a.hours * 3_600_000)
      : a.days * (c.officeHours.endMinute - c.officeHours.startMinute) * 60_000;

  it('adding working time and then measuring it gives back the amount', () => {
    fc.assert(
      fc.property(calendars, instant, amount, (c, start, a) => {
        const end = c.addWorkingTime(start, a);
        expect(c.workingMsBetween(start, end)).toBe(msOf(c, a));
      }),
    );
  });

  it('a positive amount never ends on a weekend or holiday, nor outside office hours', () => {
    fc.assert(
      fc.property(calendars, instant, amount, (c, start, a) => {
        fc.pre(msOf(c, a) > 0);
        const end = c.addWorkingTime(start, a);
        expect(c.isWorkingDay(end)).toBe(true);
        // Inside office hours, or exactly at closing time.
        expect(c.isWorkingTime(end) || c.isWorkingTime(new Date(end.getTime() - 1))).toBe(true);
      }),
    );
  });

  it('is monotonic: a later start or a larger amount never ends earlier', () => {
    fc.assert(
      fc.property(calendars, instant, instant, amount, amount, (c, s1, s2, a1, a2) => {
        const [early, late] = s1 <= s2 ? [s1, s2] : [s2, s1];
        expect(c.addWorkingTime(early, a1).getTime()).toBeLessThanOrEqual(
          c.addWorkingTime(late, a1).getTime(),
        );
        const [small, large] = msOf(c, a1) <= msOf(c, a2) ? [a1, a2] : [a2, a1];
        expect(c.addWorkingTime(s1, small).getTime()).toBeLessThanOrEqual(
          c.addWorkingTime(s1, large).getTime(),
        );
      }),
    );
  });

  it('adds in pieces as it adds at once', () => {
    fc.assert(
      fc.property(
        calendars,
        instant,
        fc.integer({ min: 1, max: 9000 }),
        fc.integer({ min: 1, max: 9000 }),
        (c, s, m1, m2) => {
          const once = c.addWorkingTime(s, { hours: (m1 + m2) / 60 });
          const twice = c.addWorkingTime(c.addWorkingTime(s, { hours: m1 / 60 }), { hours: m2 / 60 });
          expect(twice).toEqual(once);
        },
      ),
    );
  });

  it('measures no working time across a weekend or holiday alone', () => {
    fc.assert(
      fc.property(calendars, instant, (c, t) => {
        const day = new Date(t.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
        fc.pre(!c.isWorkingDay(day));
        const midnight = new Date(`${day}T00:00:00+07:00`);
        const next = new Date(midnight.getTime() + 86_400_000);
        expect(c.workingMsBetween(midnight, next)).toBe(0);
      }),
    );
  });
});
