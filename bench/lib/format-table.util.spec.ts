import { formatTable } from './format-table.util';

describe('formatTable', () => {
  it('prints a header, a rule and one aligned line per row, with met? as yes / NO / -', () => {
    const text = formatTable([
      {
        name: 'a',
        operations: 10,
        opsPerSecond: 1234.4,
        p50Ms: 1,
        p99Ms: 12.345,
        target: '≥ 1/s',
        met: true,
      },
      { name: 'bbb', operations: 5, opsPerSecond: 9, p50Ms: 0.5, p99Ms: 3, target: '≥ 100/s', met: false },
      { name: 'c', operations: 1, opsPerSecond: 1, p50Ms: 1, p99Ms: 1, target: '', met: null },
    ]);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^name +operations +ops\/s +p50 ms +p99 ms +target +met\?$/);
    expect(lines[1]).toMatch(/^-+( +-+){6}$/);
    expect(lines[2]).toMatch(/^a +10 +1234 +1\.00 +12\.35 +≥ 1\/s +yes$/);
    expect(lines[3]).toMatch(/ NO$/);
    expect(lines[4]).toMatch(/ -$/);
    // Numbers are right-aligned: the ops/s column ends at the same place on every line.
    expect(lines[2].indexOf('1234') + 4).toBe(lines[3].indexOf(' 9 ') + 2);
  });
});
