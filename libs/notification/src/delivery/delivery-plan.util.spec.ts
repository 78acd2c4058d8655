import fc from 'fast-check';
import { WorkingCalendar } from '@saraban/calendar';
import { planDelivery } from './delivery-plan.util';

/** Bangkok wall time as an instant. */
const bkk = (iso: string) => new Date(`${iso}+07:00`);

describe('the delivery plan: quiet hours from the organisation working calendar', () => {
  const calendar = new WorkingCalendar();
  const base = { channel: 'line' as const, calendar, quietHours: true, emailDigest: false };
  const heldUntil = (now: Date, c = calendar) =>
    planDelivery({ ...base, calendar: c, urgency: 'normal', now });

  it('holds until the next opening: the same morning, the next day, or Monday', () => {
    expect(heldUntil(bkk('2026-11-30T08:30:00')).status).toBe('pending'); // Monday, open
    expect(heldUntil(bkk('2026-11-30T06:00:00'))).toEqual({
      status: 'held',
      dueAt: bkk('2026-11-30T08:30:00'),
    });
    expect(heldUntil(bkk('2026-11-30T16:30:00')).dueAt).toEqual(bkk('2026-12-01T08:30:00'));
    expect(heldUntil(bkk('2026-12-04T17:00:00')).dueAt).toEqual(bkk('2026-12-07T08:30:00'));
    expect(heldUntil(bkk('2026-12-06T07:00:00')).dueAt).toEqual(bkk('2026-12-07T08:30:00'));
  });

  it('holidays are quiet: Songkran, and the organisation’s own day off, and its own office hours', () => {
    // Friday evening before Songkran 2569 (13–15 April, a Monday to Wednesday): held until Thursday.
    expect(heldUntil(bkk('2026-04-10T18:00:00')).dueAt).toEqual(bkk('2026-04-16T08:30:00'));
    // A public holiday in the daytime is quiet too (5 December, a Saturday in 2026: take 2025, a Friday).
    expect(heldUntil(bkk('2025-12-05T10:00:00')).dueAt).toEqual(bkk('2025-12-08T08:30:00'));
    const own = new WorkingCalendar({
      officeHours: { startMinute: 8 * 60, endMinute: 16 * 60 },
      holidays: [{ date: '2026-12-01', name: 'วันหยุดพิเศษของหน่วยงาน' }],
    });
    // Monday 16:15 is after this office's 16:00 close; Tuesday is its own day off.
    expect(heldUntil(bkk('2026-11-30T16:15:00'), own).dueAt).toEqual(bkk('2026-12-02T08:00:00'));
    expect(heldUntil(bkk('2026-11-30T08:10:00'), own).status).toBe('pending');
  });

  it('a held delivery falls due in working time, not before it was planned, and within two weeks', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }),
        (at) => {
          const plan = heldUntil(at);
          if (plan.status === 'pending') {
            expect(calendar.isWorkingTime(at)).toBe(true);
            return;
          }
          expect(plan.status).toBe('held');
          expect(calendar.isWorkingTime(plan.dueAt)).toBe(true);
          expect(plan.dueAt.getTime()).toBeGreaterThan(at.getTime());
          expect(plan.dueAt.getTime() - at.getTime()).toBeLessThanOrEqual(14 * 24 * 3600_000);
        },
      ),
    );
  });

  it('outside office hours only ด่วนที่สุด goes out; email on the digest waits for it', () => {
    const night = bkk('2026-11-30T22:00:00');
    expect(planDelivery({ ...base, now: night, urgency: 'most_urgent' }).status).toBe('pending');
    expect(planDelivery({ ...base, now: night, urgency: 'very_urgent' })).toEqual({
      status: 'held',
      dueAt: bkk('2026-12-01T08:30:00'),
    });
    expect(planDelivery({ ...base, now: night, urgency: 'normal', quietHours: false }).status).toBe(
      'pending',
    );
    expect(
      planDelivery({ ...base, now: night, channel: 'email', urgency: 'normal', emailDigest: true }).status,
    ).toBe('digest');
    expect(
      planDelivery({ ...base, now: night, channel: 'line', urgency: 'normal', emailDigest: true }).status,
    ).toBe('held');
  });
});
