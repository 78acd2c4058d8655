import type { ActingKind } from './entities/acting-order.entity';

/** The wording printed after the signer's own position, per domain.md. */
export const ACTING_KIND_LABELS: Record<ActingKind, string> = {
  acting: 'รักษาราชการแทน',
  delegated: 'ปฏิบัติราชการแทน',
  acting_in_position: 'รักษาการในตำแหน่ง',
};

export function actingKindFromLabel(label: string): ActingKind | undefined {
  const entry = Object.entries(ACTING_KIND_LABELS).find(([, thai]) => thai === label.trim());
  return entry?.[0] as ActingKind | undefined;
}
