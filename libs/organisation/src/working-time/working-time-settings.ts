import { parseClock, WorkingCalendar, type WorkingAmount } from '@saraban/calendar';

/** The urgency classes, most urgent first (the memo library's Urgency, by value). */
export const URGENCY_CLASSES = ['most_urgent', 'very_urgent', 'urgent', 'normal'] as const;
export type UrgencyClass = (typeof URGENCY_CLASSES)[number];

/** How long one approval step may take, per urgency class, and when to remind before it is due. */
export type DeadlineSettings = Partial<Record<UrgencyClass | 'remindBefore', WorkingAmount>>;

/**
 * An organisation's working time as its file states it (organisations.working_time): office
 * hours, its own and the cabinet's days off per year, and the deadlines. Absent parts take the
 * defaults below when used, so the file exports back as it was written.
 */
export interface WorkingTimeSettings {
  officeHours?: { start: string; end: string };
  holidays?: Record<string, { date: string; name: string }[]>;
  deadlines?: DeadlineSettings;
}

/** ด่วนที่สุด within 4 working hours, ด่วนมาก 1 working day, ด่วน 2, ปกติ 3; remind 1 working hour before. */
export const DEFAULT_DEADLINES: Required<DeadlineSettings> = {
  most_urgent: { hours: 4 },
  very_urgent: { days: 1 },
  urgent: { days: 2 },
  normal: { days: 3 },
  remindBefore: { hours: 1 },
};

/** The organisation's working-day calendar (pure). */
export function workingCalendarOf(settings: WorkingTimeSettings): WorkingCalendar {
  const hours = settings.officeHours;
  return new WorkingCalendar({
    officeHours: hours
      ? { startMinute: parseClock(hours.start), endMinute: parseClock(hours.end) }
      : undefined,
    holidays: Object.values(settings.holidays ?? {}).flat(),
  });
}

/** The time to act on one step of this urgency. */
export function stepAllowance(settings: WorkingTimeSettings, urgency: UrgencyClass): WorkingAmount {
  return settings.deadlines?.[urgency] ?? DEFAULT_DEADLINES[urgency];
}

/** How long before the due time the people who may act are reminded. */
export function remindBefore(settings: WorkingTimeSettings): WorkingAmount {
  return settings.deadlines?.remindBefore ?? DEFAULT_DEADLINES.remindBefore;
}

/** The working-time sections of an organisation file, as stored (only what the file states). */
export function workingTimeOfFile(file: {
  officeHours?: { start: string; end: string };
  holidays: Record<string, { date: string; name: string }[]>;
  deadlines?: DeadlineSettings;
}): WorkingTimeSettings {
  return {
    ...(file.officeHours ? { officeHours: file.officeHours } : {}),
    ...(Object.keys(file.holidays).length > 0 ? { holidays: file.holidays } : {}),
    ...(file.deadlines && Object.keys(file.deadlines).length > 0 ? { deadlines: file.deadlines } : {}),
  };
}
