export const ORDER_KINDS = ['noted', 'approved', 'agreed', 'permitted', 'not_approved', 'custom'] as const;
/** The decision maker's order (คำสั่ง); `custom` carries free text. */
export type OrderKind = (typeof ORDER_KINDS)[number];

/** The orders that let a memo go ahead (ทราบ, อนุมัติ, เห็นชอบ, อนุญาต): what may be published. */
export const GO_AHEAD_ORDERS: readonly OrderKind[] = ['noted', 'approved', 'agreed', 'permitted'];

export function isGoAhead(order: string | null | undefined): boolean {
  return order != null && (GO_AHEAD_ORDERS as readonly string[]).includes(order);
}

/** The word printed as the order; `custom` prints the decision maker's own text instead. */
export const ORDER_KIND_LABELS: Record<Exclude<OrderKind, 'custom'>, string> = {
  noted: 'ทราบ',
  approved: 'อนุมัติ',
  agreed: 'เห็นชอบ',
  permitted: 'อนุญาต',
  not_approved: 'ไม่อนุมัติ',
};

/** The orders as offered to the decision maker: the printed words, and the choice to write one's own. */
export const ORDER_CHOICE_LABELS: Record<OrderKind, string> = {
  ...ORDER_KIND_LABELS,
  custom: 'สั่งการเป็นข้อความ',
};

export interface Decision {
  order: OrderKind;
  /** Required for `custom`; for the others an optional addition ("อนุมัติ ให้ดำเนินการต่อไป"). */
  text: string | null;
}

/** The text printed under the decision maker's heading. */
export function orderText(decision: Decision): string {
  if (decision.order === 'custom') return decision.text ?? '';
  const word = ORDER_KIND_LABELS[decision.order];
  return decision.text ? `${word} ${decision.text}` : word;
}
