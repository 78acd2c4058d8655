import { createHash, randomUUID } from 'node:crypto';
import type { DeliveryChannel } from '../events/notification-kind';

/** How many deliveries of each channel go in one batch (one queued job). */
export type BatchSizes = Record<DeliveryChannel, number>;

/**
 * Gives each delivery its batch: per channel, in the order given, `sizes[channel]` at a time.
 * A batch is the unit of one send job; its id is the job's id, so a batch enqueued twice (a
 * fan-out run again, the release sweep) is one job. Pure but for the fresh ids.
 */
export function assignBatches<T extends { channel: DeliveryChannel }>(
  rows: readonly T[],
  sizes: BatchSizes,
  newId: () => string = randomUUID,
): (T & { batchId: string })[] {
  const open = new Map<DeliveryChannel, { id: string; count: number }>();
  return rows.map((row) => {
    let batch = open.get(row.channel);
    if (!batch || batch.count >= Math.max(1, sizes[row.channel])) {
      batch = { id: newId(), count: 0 };
      open.set(row.channel, batch);
    }
    batch.count++;
    return { ...row, batchId: batch.id };
  });
}

/**
 * The LINE requests of one batch: the rows whose request already went out once (they carry its
 * retry key) are sent again exactly as that request, under the same key; the others are grouped
 * by identical text, at most `max` recipients a request, each group with a new key. LINE
 * accepts a retry key once (a second request with it answers 409), so a request repeated after
 * a lost answer reaches nobody twice.
 */
export function planLineRequests<T extends { id: string; sendKey: string | null; text: string }>(
  rows: readonly T[],
  max: number,
): { key: string; fresh: boolean; rows: T[] }[] {
  const requests: { key: string; fresh: boolean; rows: T[] }[] = [];
  const byKey = new Map<string, T[]>();
  const byText = new Map<string, T[]>();
  for (const row of rows) {
    const map = row.sendKey ? byKey : byText;
    const k = row.sendKey ?? row.text;
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  for (const [key, list] of byKey) requests.push({ key, fresh: false, rows: list });
  for (const list of byText.values()) {
    for (let i = 0; i < list.length; i += Math.max(1, max)) {
      const chunk = list.slice(i, i + Math.max(1, max));
      requests.push({ key: retryKeyOf(chunk.map((r) => r.id)), fresh: true, rows: chunk });
    }
  }
  return requests;
}

/** A UUID (LINE's X-Line-Retry-Key must be one) derived from the deliveries of one request. */
export function retryKeyOf(deliveryIds: readonly string[]): string {
  const h = createHash('sha256')
    .update([...deliveryIds].sort().join(','))
    .digest('hex');
  // Shaped as a version-4-like UUID (variant bits set), from the hash: the same set, the same key.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
