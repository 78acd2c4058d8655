import type { WorkingCalendar } from '@saraban/calendar';
import type { DeliveryChannel } from '../events/notification-kind';

export interface DeliveryPlanInput {
  channel: DeliveryChannel;
  urgency: string;
  now: Date;
  /**
   * The organisation's working calendar (libs/calendar through the organisation's working time):
   * its office hours, weekends, public holidays and its own days off are its quiet hours.
   */
  calendar: WorkingCalendar;
  /** The person's quiet hours: outside working time only ด่วนที่สุด goes out. */
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
 * digest waits for the digest; outside the organisation's working time (evenings, weekends,
 * holidays), with quiet hours on, it is held until its office next opens (kept in PostgreSQL,
 * released by the notification worker's sweep).
 */
export function planDelivery(p: DeliveryPlanInput): DeliveryPlan {
  if (p.urgency === 'most_urgent') return { status: 'pending', dueAt: p.now };
  if (p.channel === 'email' && p.emailDigest) return { status: 'digest', dueAt: p.now };
  if (p.quietHours && !p.calendar.isWorkingTime(p.now)) {
    // No working time to add: the answer is the next opening of a working day.
    return { status: 'held', dueAt: p.calendar.addWorkingTime(p.now, { hours: 0 }) };
  }
  return { status: 'pending', dueAt: p.now };
}
