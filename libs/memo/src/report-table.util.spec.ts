import { AppException, ErrorCode } from '@saraban/errors';
import { checkReportTable, parseSpreadsheetTsv } from './report-table.util';

function problemOf(fn: () => unknown): { code: ErrorCode; details: unknown } {
  try {
    fn();
  } catch (error: unknown) {
    if (error instanceof AppException) return { code: error.code, details: error.details };
    throw error;
  }
  throw new Error('expected an AppException');
}

describe('parseSpreadsheetTsv', () => {
  it('reads the header and rows of a pasted range, dropping the trailing line break', () => {
    const text = 'มาตรการ\tผู้รับผิดชอบ\tระยะเวลา\r\n๑.๑ โครงการจัดทำคู่มือ\tสำนักปลัด\tตุลาคม ๒๕๖๗\r\n';
    expect(parseSpreadsheetTsv(text)).toEqual({
      columns: ['มาตรการ', 'ผู้รับผิดชอบ', 'ระยะเวลา'],
      rows: [['๑.๑ โครงการจัดทำคู่มือ', 'สำนักปลัด', 'ตุลาคม ๒๕๖๗']],
    });
  });

  it('keeps line breaks, tabs and doubled quotes inside quoted cells as spreadsheets copy them', () => {
    const text = [
      'ขั้นตอน\tหมายเหตุ',
      '"๑. แต่งตั้งคณะทำงาน\n๒. จัดทำคู่มือ"\t"ตามคำสั่ง ""ด่วน""\tแนบท้าย"',
      'ข้อความ "ในเครื่องหมาย" กลางช่อง\t',
    ].join('\n');
    expect(parseSpreadsheetTsv(text)).toEqual({
      columns: ['ขั้นตอน', 'หมายเหตุ'],
      rows: [
        ['๑. แต่งตั้งคณะทำงาน\n๒. จัดทำคู่มือ', 'ตามคำสั่ง "ด่วน"\tแนบท้าย'],
        ['ข้อความ "ในเครื่องหมาย" กลางช่อง', ''],
      ],
    });
  });

  it('fills in trailing empty cells some tools leave out, and keeps rows of empty cells inside the table', () => {
    const text = 'ก\tข\tค\nมาตรการ.....\t\t\n๑.\n\t\t\nสุดท้าย\tx\ty\n\t\t\n';
    expect(parseSpreadsheetTsv(text).rows).toEqual([
      ['มาตรการ.....', '', ''],
      ['๑.', '', ''],
      ['', '', ''],
      ['สุดท้าย', 'x', 'y'],
    ]);
  });

  it('rejects a row wider than the header, naming it', () => {
    const { code, details } = problemOf(() => parseSpreadsheetTsv('ก\tข\n๑\t๒\t๓\n'));
    expect(code).toBe(ErrorCode.ValidationFailed);
    expect(JSON.stringify(details)).toContain('แถวที่ 1');
  });

  it('refuses plain text without cells, and a header without rows, with guidance', () => {
    const plain = problemOf(() => parseSpreadsheetTsv('รายงานผลการดำเนินการ\nตามมาตรการ ๕ ข้อ\n'));
    expect(plain.code).toBe(ErrorCode.ValidationFailed);
    expect(JSON.stringify(plain.details)).toContain('ไม่ใช่ตาราง');
    expect(JSON.stringify(problemOf(() => parseSpreadsheetTsv('ก\tข\n')).details)).toContain('ยังไม่มีแถวข้อมูล');
  });

  it('rejects an empty paste and an unterminated quote', () => {
    expect(problemOf(() => parseSpreadsheetTsv('\n\n')).code).toBe(ErrorCode.ValidationFailed);
    expect(problemOf(() => parseSpreadsheetTsv('ก\tข\n"ไม่ปิด\tx\n')).code).toBe(ErrorCode.ValidationFailed);
  });
});

describe('checkReportTable', () => {
  it('accepts rows exactly as wide as the header', () => {
    const table = { columns: ['ก', 'ข'], rows: [['1', '2']] };
    expect(checkReportTable(table)).toBe(table);
  });

  it('names the first row of the wrong width', () => {
    const { details } = problemOf(() => checkReportTable({ columns: ['ก', 'ข'], rows: [['1', '2'], ['3']] }));
    expect(details).toEqual([{ field: 'rows.1', problems: [expect.stringContaining('แถวที่ 2 มี 1 ช่อง')] }]);
  });
});
