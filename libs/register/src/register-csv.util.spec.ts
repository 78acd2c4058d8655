import { parse } from 'csv-parse/sync';
import { RegisterEntry } from './entities/register-entry.entity';
import { REGISTER_CSV_HEADER, registerCsv } from './register-csv.util';

function entry(overrides: Partial<RegisterEntry>): RegisterEntry {
  return Object.assign(new RegisterEntry(), {
    id: '00000000-0000-4000-8000-000000000001',
    organisationId: '00000000-0000-4000-8000-000000000002',
    register: 'outgoing',
    year: 2026,
    number: 936,
    documentNo: 'นพ ๗๑๕๐๑/๙๓๖',
    // 23:30 on 13 March in UTC is already 14 March in Bangkok.
    registeredAt: new Date('2026-03-13T23:30:00Z'),
    datedOn: '2026-03-14',
    fromText: 'นิติกร',
    toText: 'นายกองค์การบริหารส่วนตำบล',
    subject: 'ขออนุมัติ "โครงการ" ฝึกอบรม, ปี ๒๕๖๙',
    action: null,
    remarks: null,
    memoId: null,
    issuedById: null,
    status: 'issued',
    cancelledAt: null,
    cancelReason: null,
    cancelledById: null,
    ...overrides,
  });
}

function read(csv: string): string[][] {
  const rows: string[][] = parse(csv, { bom: true });
  return rows;
}

describe('registerCsv', () => {
  it('starts with a UTF-8 BOM and the Thai header of the register book', () => {
    const csv = registerCsv([], 'thai');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(read(csv)).toEqual([[...REGISTER_CSV_HEADER]]);
  });

  it('writes one line per entry with Bangkok dates and quoted text that reads back unchanged', () => {
    const csv = registerCsv([entry({})], 'thai');
    expect(csv).toContain('\r\n');
    expect(read(csv)[1]).toEqual([
      '๑๔ มีนาคม ๒๕๖๙',
      '๙๓๖',
      'นพ ๗๑๕๐๑/๙๓๖',
      '๑๔ มีนาคม ๒๕๖๙',
      'นิติกร',
      'นายกองค์การบริหารส่วนตำบล',
      'ขออนุมัติ "โครงการ" ฝึกอบรม, ปี ๒๕๖๙',
      '',
      '',
    ]);
  });

  it('prints numbers and dates in Arabic digits for an organisation that uses them', () => {
    const [, row] = read(registerCsv([entry({ documentNo: 'นพ 71501/936' })], 'arabic'));
    expect(row.slice(0, 4)).toEqual(['14 มีนาคม 2569', '936', 'นพ 71501/936', '14 มีนาคม 2569']);
  });

  it('marks a cancelled number in the remarks, with the reason', () => {
    const cancelled = entry({
      status: 'cancelled',
      cancelledAt: new Date('2026-03-15T03:00:00Z'),
      cancelReason: 'ออกเลขผิด',
      remarks: 'ส่งทางไปรษณีย์',
    });
    expect(read(registerCsv([cancelled], 'thai'))[1][8]).toBe(
      'ส่งทางไปรษณีย์; ยกเลิกเลขทะเบียน ๑๕ มีนาคม ๒๕๖๙: ออกเลขผิด',
    );
  });

  it('keeps text that looks like a spreadsheet formula from running as one', () => {
    const [, row] = read(
      registerCsv([entry({ subject: '=HYPERLINK("http://x")', toText: '+66 2' })], 'thai'),
    );
    expect(row[6]).toBe(`'=HYPERLINK("http://x")`);
    expect(row[5]).toBe(`'+66 2`);
  });
});
