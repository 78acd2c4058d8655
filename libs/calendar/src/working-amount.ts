/** An amount of working time: whole or fractional working hours, or working days of office hours. */
export type WorkingAmount = { readonly hours: number } | { readonly days: number };

/** Office hours of one day, as minutes after Bangkok midnight: [start, end). */
export interface OfficeHours {
  readonly startMinute: number;
  readonly endMinute: number;
}

/** 08:30–16:30, the government's office hours. */
export const DEFAULT_OFFICE_HOURS: OfficeHours = { startMinute: 8 * 60 + 30, endMinute: 16 * 60 + 30 };

/** 'HH:MM' → minutes after midnight; throws on anything else. */
export function parseClock(value: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  if (!m) throw new Error(`not a time of day (HH:MM): ${value}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Minutes after midnight → 'HH:MM'. */
export function formatClock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
