import fc from 'fast-check';
import { inOfficeHours, nextOfficeOpening, planDelivery } from './delivery-plan.util';

/** Bangkok wall time as an instant. */
const bkk = (iso: string) => new Date(`${iso}+07:00`);

describe('office hours and the delivery plan', () => {
  it('knows Bangkok office hours', () => {
    expect(inOfficeHours(bkk('2026-11-30T08:30:00'))).toBe(true); // Monday
    expect(inOfficeHours(bkk('2026-11-30T08:29:00'))).toBe(false);
    expect(inOfficeHours(bkk('2026-11-30T16:30:00'))).toBe(false);
    expect(inOfficeHours(bkk('2026-12-05T10:00:00'))).toBe(false); // Saturday
  });

  it('holds until the next opening: the same morning, the next day, or Monday', () => {
    expect(nextOfficeOpening(bkk('2026-11-30T06:00:00'))).toEqual(bkk('2026-11-30T08:30:00'));
    expect(nextOfficeOpening(bkk('2026-11-30T20:00:00'))).toEqual(bkk('2026-12-01T08:30:00'));
    expect(nextOfficeOpening(bkk('2026-12-04T17:00:00'))).toEqual(bkk('2026-12-07T08:30:00'));
    expect(nextOfficeOpening(bkk('2026-12-06T07:00:00'))).toEqual(bkk('2026-12-07T08:30:00'));
  });

  it('the next opening is in office hours, not before the instant, and within three days', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }),
        (at) => {
          const next = nextOfficeOpening(at);
          expect(inOfficeHours(next)).toBe(true);
          expect(next.getTime()).toBeGreaterThanOrEqual(at.getTime());
          expect(next.getTime() - at.getTime()).toBeLessThanOrEqual(3 * 24 * 3600_000);
        },
      ),
    );
  });

  it('outside office hours only ด่วนที่สุด goes out; email on the digest waits for it', () => {
    const night = bkk('2026-11-30T22:00:00');
    const base = { channel: 'line' as const, now: night, quietHours: true, emailDigest: false };
    expect(planDelivery({ ...base, urgency: 'most_urgent' }).status).toBe('pending');
    expect(planDelivery({ ...base, urgency: 'very_urgent' })).toEqual({
      status: 'held',
      dueAt: bkk('2026-12-01T08:30:00'),
    });
    expect(planDelivery({ ...base, urgency: 'normal', quietHours: false }).status).toBe('pending');
    expect(planDelivery({ ...base, channel: 'email', urgency: 'normal', emailDigest: true }).status).toBe(
      'digest',
    );
    expect(planDelivery({ ...base, channel: 'line', urgency: 'normal', emailDigest: true }).status).toBe(
      'held',
    );
  });
});
