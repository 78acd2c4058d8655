import { SECRECY_LABELS as SECRECY_STAMPS, URGENCY_LABELS as URGENCY_STAMPS } from '@saraban/document-render';
import { SECRECIES, URGENCIES, type Secrecy, type Urgency } from './memo-vocabulary';

/*
 * The Thai words for urgency and secrecy, as people read them on screen. The stamps printed on
 * the memo (ด่วน…, ลับ…) are the renderer's; "ปกติ", which prints no stamp, is the one word added.
 */
const NORMAL = 'ปกติ';

export const URGENCY_LABELS: Record<Urgency, string> = Object.fromEntries(
  URGENCIES.map((u) => [u, URGENCY_STAMPS[u] ?? NORMAL]),
) as Record<Urgency, string>;

export const SECRECY_LABELS: Record<Secrecy, string> = Object.fromEntries(
  SECRECIES.map((s) => [s, SECRECY_STAMPS[s] ?? NORMAL]),
) as Record<Secrecy, string>;

/** The most urgent first (ด่วนที่สุด … ปกติ): the inbox's order. */
export const URGENCIES_MOST_URGENT_FIRST: readonly Urgency[] = [...URGENCIES].reverse();

/** 0 = ด่วนที่สุด … 3 = ปกติ, so that an ascending index puts the urgent first. */
export function urgencyRank(urgency: Urgency): number {
  return URGENCIES_MOST_URGENT_FIRST.indexOf(urgency);
}
