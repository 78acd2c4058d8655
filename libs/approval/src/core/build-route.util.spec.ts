import { buildRoute } from './build-route.util';

describe('buildRoute', () => {
  const positions = [
    { id: 'p-head', title: 'หัวหน้าสำนักปลัด', endorsementHeading: 'ความเห็นของหัวหน้าสำนักปลัด' },
    { id: 'p-chief', title: 'ปลัดเทศบาลเมืองตากใบ', endorsementHeading: null },
    { id: 'p-mayor', title: 'นายกเทศมนตรีเมืองตากใบ', endorsementHeading: null },
  ];

  it('orders by seq, renumbers from 0 and derives missing headings', () => {
    const route = buildRoute(
      [
        { seq: 7, positionId: 'p-mayor' },
        { seq: 1, positionId: 'p-head' },
        { seq: 3, positionId: 'p-chief' },
      ],
      positions,
    );
    expect(route).toEqual([
      { seq: 0, positionId: 'p-head', positionTitle: 'หัวหน้าสำนักปลัด', heading: 'ความเห็นของหัวหน้าสำนักปลัด' },
      {
        seq: 1,
        positionId: 'p-chief',
        positionTitle: 'ปลัดเทศบาลเมืองตากใบ',
        heading: 'ความเห็นของปลัดเทศบาลเมืองตากใบ',
      },
      {
        seq: 2,
        positionId: 'p-mayor',
        positionTitle: 'นายกเทศมนตรีเมืองตากใบ',
        heading: 'ความเห็น/คำสั่งนายกเทศมนตรีเมืองตากใบ',
      },
    ]);
  });

  it('refuses a chain naming an unknown position', () => {
    expect(() => buildRoute([{ seq: 0, positionId: 'nope' }], positions)).toThrow(/unknown position/);
  });

  it('answers an empty route for an empty chain', () => {
    expect(buildRoute([], positions)).toEqual([]);
  });
});
