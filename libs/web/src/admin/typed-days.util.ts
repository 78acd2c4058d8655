import type { OrganisationEditProblem } from '@saraban/organisation';
import { formatTypedDay, parseTypedDay, type DigitStyle } from '@saraban/thai-format';

/**
 * The days a form typed ("๑/๑๒/๒๕๖๙", as the search form takes them) as ISO days, with a problem
 * per day that is not a date; an empty optional day stays empty.
 */
export function typedDays<K extends string>(
  typed: Record<K, string | undefined>,
  required: readonly NoInfer<K>[],
  digits: DigitStyle,
): { days: Record<K, string>; problems: OrganisationEditProblem[] } {
  const days = {} as Record<K, string>;
  const problems: OrganisationEditProblem[] = [];
  const example = formatTypedDay('2026-12-01', digits);
  for (const key of Object.keys(typed) as K[]) {
    const text = (typed[key] ?? '').trim();
    if (!text) {
      days[key] = '';
      if (required.includes(key)) problems.push({ field: key, message: `กรุณากรอกวันที่ เช่น ${example}` });
      continue;
    }
    const iso = parseTypedDay(text);
    days[key] = iso ?? '';
    if (!iso) problems.push({ field: key, message: `วันที่ไม่ถูกต้อง ต้องเป็น วัน/เดือน/ปี พ.ศ. เช่น ${example}` });
  }
  return { days, problems };
}
