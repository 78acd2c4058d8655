import { capacityLines, type Capacity } from './capacity';
import { actorsForPosition, capacitiesOf, resolveStep, type Staffing } from './who-may-act.util';

const titles = new Map([
  ['head', 'หัวหน้าสำนักปลัดเทศบาล'],
  ['chief', 'ปลัดเทศบาลเมืองตากใบ'],
  ['mayor', 'นายกเทศมนตรีเมืองตากใบ'],
  ['legal', 'นิติกร'],
]);
const chiefStep = { positionId: 'chief', positionTitle: 'ปลัดเทศบาลเมืองตากใบ' };

function staffing(partial: Partial<Staffing>): Staffing {
  return { holders: [], actingOrders: [], positionTitles: titles, ...partial };
}

const actingOrder = {
  id: 'o1',
  personId: 'somprasong',
  positionId: 'chief',
  kind: 'acting' as const,
  fromDate: '2025-10-01',
  toDate: '2025-10-31',
  reference: 'คำสั่งเทศบาลเมืองตากใบ ที่ ๑๒๓/๒๕๖๘',
};

describe('who may act', () => {
  it('is the holder, in their own right', () => {
    const s = staffing({ holders: [{ personId: 'somsak', positionId: 'chief', primary: true }] });
    expect(resolveStep(chiefStep, '2025-10-24', s, 'author')).toEqual({
      kind: 'actors',
      actors: [
        {
          personId: 'somsak',
          capacity: {
            kind: 'own',
            stepPositionId: 'chief',
            stepPositionTitle: 'ปลัดเทศบาลเมืองตากใบ',
            ownPositionTitle: null,
            orderId: null,
            orderReference: null,
          },
        },
      ],
    });
  });

  it('includes a person whose acting order covers the day (inclusive), printed as domain.md shows', () => {
    const s = staffing({
      holders: [{ personId: 'somprasong', positionId: 'head', primary: true }],
      actingOrders: [actingOrder],
    });
    for (const day of ['2025-10-01', '2025-10-31']) {
      const r = resolveStep(chiefStep, day, s, 'author');
      expect(r.kind).toBe('actors');
      if (r.kind !== 'actors') return;
      expect(r.actors[0].capacity).toMatchObject({ kind: 'acting', orderReference: actingOrder.reference });
      expect(capacityLines(r.actors[0].capacity)).toEqual([
        'หัวหน้าสำนักปลัดเทศบาล รักษาราชการแทน',
        'ปลัดเทศบาลเมืองตากใบ',
      ]);
    }
    expect(resolveStep(chiefStep, '2025-09-30', s, 'author')).toEqual({ kind: 'stuck' });
    expect(resolveStep(chiefStep, '2025-11-01', s, 'author')).toEqual({ kind: 'stuck' });
  });

  it('prints the wording of each kind of order', () => {
    const base: Capacity = {
      kind: 'delegated',
      stepPositionId: 'mayor',
      stepPositionTitle: 'นายกเทศมนตรีเมืองตากใบ',
      ownPositionTitle: 'ปลัดเทศบาลเมืองตากใบ',
      orderId: 'o',
      orderReference: 'ค',
    };
    expect(capacityLines(base)[0]).toBe('ปลัดเทศบาลเมืองตากใบ ปฏิบัติราชการแทน');
    expect(capacityLines({ ...base, kind: 'acting_in_position' })[0]).toBe(
      'ปลัดเทศบาลเมืองตากใบ รักษาการในตำแหน่ง',
    );
    expect(capacityLines({ ...base, kind: 'own' })).toEqual(['นายกเทศมนตรีเมืองตากใบ']);
    expect(capacityLines({ ...base, kind: 'acting', ownPositionTitle: null })).toEqual([
      'รักษาราชการแทน',
      'นายกเทศมนตรีเมืองตากใบ',
    ]);
  });

  it('never lets the author act: a step resolving only to the author is author_only, with others it drops the author', () => {
    const authorHolds = staffing({ holders: [{ personId: 'author', positionId: 'chief', primary: true }] });
    expect(resolveStep(chiefStep, '2025-10-24', authorHolds, 'author')).toEqual({ kind: 'author_only' });
    const withActing = staffing({
      holders: [
        { personId: 'author', positionId: 'chief', primary: true },
        { personId: 'somprasong', positionId: 'head', primary: true },
      ],
      actingOrders: [actingOrder],
    });
    const r = resolveStep(chiefStep, '2025-10-24', withActing, 'author');
    expect(r.kind === 'actors' && r.actors.map((a) => a.personId)).toEqual(['somprasong']);
  });

  it('lists a holder once even with an order for the same post; of two orders the later one wins', () => {
    const s = staffing({
      holders: [{ personId: 'somsak', positionId: 'chief', primary: true }],
      actingOrders: [
        { ...actingOrder, personId: 'somsak' },
        { ...actingOrder, id: 'o2', kind: 'delegated', fromDate: '2025-10-10' },
      ],
    });
    const actors = actorsForPosition(chiefStep, '2025-10-24', s);
    expect(actors.map((a) => [a.personId, a.capacity.kind])).toEqual([
      ['somsak', 'own'],
      ['somprasong', 'delegated'],
    ]);
  });

  it('gives every capacity a person holds on a day (the head of office also acting as chief)', () => {
    const s = staffing({
      holders: [{ personId: 'somprasong', positionId: 'head', primary: true }],
      actingOrders: [actingOrder],
    });
    expect(capacitiesOf('somprasong', '2025-10-24', s).map((c) => [c.stepPositionId, c.kind])).toEqual([
      ['chief', 'acting'],
      ['head', 'own'],
    ]);
    expect(capacitiesOf('somprasong', '2025-11-24', s).map((c) => c.stepPositionId)).toEqual(['head']);
  });
});
