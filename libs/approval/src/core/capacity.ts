import type { ActingKind } from '@saraban/organisation';

/** In what right a person acts on a step: their own post, or an acting/delegation order. */
export type CapacityKind = 'own' | ActingKind;

/** Kept with every history entry, so the signature block can be printed as it was signed. */
export interface Capacity {
  kind: CapacityKind;
  stepPositionId: string;
  stepPositionTitle: string;
  /** The signer's own post, printed before "รักษาราชการแทน"; null for `own` or a person without a post. */
  ownPositionTitle: string | null;
  orderId: string | null;
  /** The acting or delegation order's reference, e.g. "คำสั่งเทศบาลเมืองตากใบ ที่ ๑๒๓/๒๕๖๘". */
  orderReference: string | null;
}

/** The wording printed after the signer's own post, per domain.md. */
export const CAPACITY_WORDS: Record<ActingKind, string> = {
  acting: 'รักษาราชการแทน',
  delegated: 'ปฏิบัติราชการแทน',
  acting_in_position: 'รักษาการในตำแหน่ง',
};

/**
 * The lines under "(full name)" in the signature block:
 * own post → ["ปลัดเทศบาลเมืองตากใบ"];
 * acting   → ["หัวหน้าสำนักปลัดเทศบาล รักษาราชการแทน", "ปลัดเทศบาลเมืองตากใบ"].
 */
export function capacityLines(capacity: Capacity): string[] {
  if (capacity.kind === 'own') return [capacity.stepPositionTitle];
  const word = CAPACITY_WORDS[capacity.kind];
  const first = capacity.ownPositionTitle ? `${capacity.ownPositionTitle} ${word}` : word;
  return [first, capacity.stepPositionTitle];
}
