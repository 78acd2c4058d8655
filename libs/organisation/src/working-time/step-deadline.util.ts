import type { WorkingAmount, WorkingCalendar } from '@saraban/calendar';
import {
  remindBefore,
  stepAllowance,
  type UrgencyClass,
  type WorkingTimeSettings,
} from './working-time-settings';

export interface StepDeadline {
  dueAt: Date;
  /** When the people who may act are reminded; the step's start when the allowance is shorter than the warning. */
  remindAt: Date;
}

function hoursOf(amount: WorkingAmount, calendar: WorkingCalendar): number {
  const day = (calendar.officeHours.endMinute - calendar.officeHours.startMinute) / 60;
  return 'hours' in amount ? amount.hours : amount.days * day;
}

/**
 * When a step started at `startedAt` with this urgency is due, and when to remind: both in
 * working time of the organisation's calendar. Pure.
 */
export function stepDeadline(
  settings: WorkingTimeSettings,
  calendar: WorkingCalendar,
  urgency: UrgencyClass,
  startedAt: Date,
): StepDeadline {
  const allowance = hoursOf(stepAllowance(settings, urgency), calendar);
  const warning = hoursOf(remindBefore(settings), calendar);
  return {
    dueAt: calendar.addWorkingTime(startedAt, { hours: allowance }),
    remindAt: calendar.addWorkingTime(startedAt, { hours: Math.max(0, allowance - warning) }),
  };
}
