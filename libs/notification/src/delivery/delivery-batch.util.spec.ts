import { assignBatches, planLineRequests, retryKeyOf } from './delivery-batch.util';

describe('delivery batches', () => {
  it('groups each channel’s deliveries in batches of its size, in order', () => {
    let n = 0;
    const rows = [
      ...Array.from({ length: 5 }, (_, i) => ({ id: `l${i}`, channel: 'line' as const })),
      ...Array.from({ length: 3 }, (_, i) => ({ id: `e${i}`, channel: 'email' as const })),
    ];
    const batched = assignBatches(rows, { line: 2, email: 4 }, () => `b${++n}`);
    const of = (id: string) => batched.find((r) => r.id === id)!.batchId;
    expect([of('l0'), of('l1'), of('l2'), of('l3'), of('l4')]).toEqual(['b1', 'b1', 'b2', 'b2', 'b3']);
    expect([of('e0'), of('e1'), of('e2')]).toEqual(['b4', 'b4', 'b4']);
  });

  it('plans LINE requests: one per identical text, at most the multicast size, earlier requests repeated as they were', () => {
    const rows = [
      { id: 'a', sendKey: null, text: 'ก' },
      { id: 'b', sendKey: null, text: 'ก' },
      { id: 'c', sendKey: null, text: 'ก' },
      { id: 'd', sendKey: null, text: 'ข' },
      { id: 'e', sendKey: 'k-1', text: 'ก' },
      { id: 'f', sendKey: 'k-1', text: 'ก' },
    ];
    const plan = planLineRequests(rows, 2);
    expect(plan.map((q) => [q.fresh, q.rows.map((r) => r.id).join('')])).toEqual([
      [false, 'ef'],
      [true, 'ab'],
      [true, 'c'],
      [true, 'd'],
    ]);
    expect(plan[0].key).toBe('k-1');
    // A fresh request's key is a UUID of its deliveries: the same set, the same key.
    expect(plan[1].key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(plan[1].key).toBe(retryKeyOf(['b', 'a']));
    expect(plan[1].key).not.toBe(plan[2].key);
  });
});
