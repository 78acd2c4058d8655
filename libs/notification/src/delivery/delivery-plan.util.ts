import type { DeliveryChannel } from '../events/notification-kind';

/** Office hours, Bangkok time (UTC+7 all year): Monday to Friday, 08:30–16:30. */
const BANGKOK_OFFSET_MS = 7 * 3600_000;
const OPENS_MIN = 8 * 60 + 30;
const CLOSES_MIN = 16 * 60 + 30;

/** Whether an instant falls in office hours (weekends off; public holidays are not known here). */
export function inOfficeHours(at: Date): boolean {
  const local = new Date(at.getTime() + BANGKOK_OFFSET_MS);
  const day = local.getUTCDay();
  if (day === 0 || day === 6) return false;
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
  return minute >= OPENS_MIN && minute < CLOSES_MIN;
}

/** The next moment office hours begin at or after `at` (itself when already open). */
export function nextOfficeOpening(at: Date): Date {
  if (inOfficeHours(at)) return at;
  const local = new Date(at.getTime() + BANGKOK_OFFSET_MS);
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
  const day = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
  // Before opening on a weekday: today; otherwise from tomorrow, skipping the weekend.
  if (!(minute < OPENS_MIN && day.getUTCDay() !== 0 && day.getUTCDay() !== 6)) {
    do day.setUTCDate(day.getUTCDate() + 1);
    while (day.getUTCDay() === 0 || day.getUTCDay() === 6);
  }
  return new Date(day.getTime() + OPENS_MIN * 60_000 - BANGKOK_OFFSET_MS);
}

export interface DeliveryPlanInput {
  channel: DeliveryChannel;
  urgency: string;
  now: Date;
  /** The person's quiet hours: outside office hours only ด่วนที่สุด goes out. */
  quietHours: boolean;
  /** The person takes one email a day instead of one per event. */
  emailDigest: boolean;
}

export interface DeliveryPlan {
  status: 'pending' | 'held' | 'digest';
  dueAt: Date;
}

/**
 * When a delivery goes out. ด่วนที่สุด always at once. Otherwise an email of a person on the
 * digest waits for the digest; outside office hours, with quiet hours on, it waits for the
 * morning (held, sent when office hours begin).
 */
export function planDelivery(p: DeliveryPlanInput): DeliveryPlan {
  if (p.urgency === 'most_urgent') return { status: 'pending', dueAt: p.now };
  if (p.channel === 'email' && p.emailDigest) return { status: 'digest', dueAt: p.now };
  if (p.quietHours && !inOfficeHours(p.now)) return { status: 'held', dueAt: nextOfficeOpening(p.now) };
  return { status: 'pending', dueAt: p.now };
}
