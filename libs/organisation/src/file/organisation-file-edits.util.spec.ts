import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  addHoliday,
  deactivatePosition,
  deactivateUnit,
  endActingOrder,
  generatedPassword,
  removeHoliday,
  setChain,
} from './organisation-file-edits.util';
import { parseOrganisationFile } from './parse-organisation-file.util';
import type { OrganisationFile } from './organisation-file.schema';

function demo(): OrganisationFile {
  return parseOrganisationFile(
    readFileSync(path.join(__dirname, '../../../../demo/organisation.yaml'), 'utf8'),
  );
}

describe('organisation file edits (the admin forms)', () => {
  it('refuses to deactivate a unit its posts or people belong to, naming them', () => {
    const file = demo();
    const edit = deactivateUnit(file, 'legal');
    expect(edit.problems?.[0].message).toContain('นิติกรปฏิบัติการ');
    expect(file.units.map((u) => u.code)).toContain('legal');
  });

  it('refuses to deactivate a post a chain or an acting order uses; otherwise takes it from its holders', () => {
    const file = demo();
    expect(deactivatePosition(file, 'mayor').problems?.[0].message).toContain('สายการบังคับบัญชา');
    const edit = deactivatePosition(file, 'registry-clerk');
    expect(edit.problems).toBeUndefined();
    expect(file.positions.map((p) => p.code)).not.toContain('registry-clerk');
    expect(file.people.find((p) => p.username === 'saranya')?.positions).toEqual([]);
  });

  it('files a day off under its year in date order, refuses the same day twice, and removes an emptied year', () => {
    const file = demo();
    expect(addHoliday(file, { date: '2026-03-02', name: 'วันหยุดของหน่วยงาน' })).toEqual({
      at: ['holidays', '2026', 0],
    });
    expect(file.holidays['2026'].map((d) => d.date)).toEqual(['2026-03-02', '2026-06-01', '2026-12-30']);
    expect(addHoliday(file, { date: '2026-06-01', name: 'ซ้ำ' }).problems?.[0]).toEqual({
      field: 'date',
      message: 'วันที่นี้เป็นวันหยุดอยู่แล้ว (วันหยุดชดเชยวันวิสาขบูชา)',
    });
    removeHoliday(file, '2027-04-16');
    expect(Object.keys(file.holidays)).toEqual(['2026']);
  });

  it('ends an acting order on a day, and removes one ended before it began', () => {
    const file = demo();
    const key = { person: 'somprasong', position: 'chief-administrator', from: '2026-11-01' };
    endActingOrder(file, key, '2026-11-30');
    expect(file.actingOrders[0].to).toBe('2026-11-30');
    endActingOrder(file, key, '2026-10-31');
    expect(file.actingOrders).toEqual([]);
  });

  it('sets a chain’s steps without the empty ones, and no steps removes the chain', () => {
    const file = demo();
    expect(setChain(file, 'office', ['head-of-office', ' ', 'mayor'])).toEqual({ at: ['chains', 1] });
    expect(file.chains[1].steps).toEqual(['head-of-office', 'mayor']);
    setChain(file, 'office', []);
    expect(file.chains.map((c) => c.unit)).toEqual(['legal']);
  });

  it('makes 12-character passwords without look-alike characters', () => {
    const passwords = new Set(Array.from({ length: 50 }, () => generatedPassword()));
    expect(passwords.size).toBe(50);
    for (const p of passwords) expect(p).toMatch(/^[a-hjkmnp-zA-HJKMNP-Z2-9]{12}$/);
  });
});
