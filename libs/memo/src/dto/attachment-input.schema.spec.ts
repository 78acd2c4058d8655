import { MEMO_LIMITS } from '../memo-limits';
import { attachmentInputSchemas, tableRowsProblem } from './attachment-input.schema';
import { memoVersionQuerySchema } from './memo-version.schema';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('attachment inputs', () => {
  it('accept a report table structured or pasted, its title over several lines', () => {
    const title = 'รายงานผลการดำเนินการ\nองค์การบริหารส่วนตำบลคำพี่\nจังหวัดนครพนม';
    expect(
      attachmentInputSchemas.table.parse({ title, columns: ['ก', 'ข'], rows: [['1', '2']], version: 3 }),
    ).toEqual({ title, columns: ['ก', 'ข'], rows: [['1', '2']], tsv: undefined, version: 3 });
    expect(
      attachmentInputSchemas.table.parse({ title: 'ตาราง', tsv: 'ก\tข\n1\t2', version: null }),
    ).toMatchObject({
      tsv: 'ก\tข\n1\t2',
      version: undefined,
    });
  });

  it('read the version of a multipart upload or a query string from its digits only', () => {
    expect(attachmentInputSchemas.pdfUpload.parse({ title: 'สแกน', version: '12' }).version).toBe(12);
    expect(memoVersionQuerySchema.parse({ version: '4' })).toEqual({ version: 4 });
    expect(memoVersionQuerySchema.parse({})).toEqual({ version: undefined });
    for (const version of ['0', '-1', '1.5', '1e3', 'สาม', '']) {
      expect(memoVersionQuerySchema.safeParse({ version }).success).toBe(false);
    }
    // A JSON body's version is a number, not text.
    expect(attachmentInputSchemas.table.safeParse({ title: 'ต', tsv: 'ก', version: '3' }).success).toBe(
      false,
    );
  });

  it('refuse a single-line title with a line break, and any title past the limit or blank', () => {
    expect(attachmentInputSchemas.pdfUpload.safeParse({ title: 'ก\nข' }).success).toBe(false);
    expect(attachmentInputSchemas.pdfUpload.safeParse({ title: '  ' }).success).toBe(false);
    expect(
      attachmentInputSchemas.table.safeParse({ title: 'ก'.repeat(MEMO_LIMITS.attachmentTitle + 1), tsv: 'ก' })
        .success,
    ).toBe(false);
  });

  it('answer one problem for a table of bad cells, naming the first, in Thai', () => {
    const rows = Array.from({ length: 2_000 }, () => Array.from({ length: 30 }, () => 'x\u0000'));
    const parsed = attachmentInputSchemas.table.safeParse({ title: 'ต', columns: ['ก'], rows });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toHaveLength(1);
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ['rows'],
      message: 'แถวที่ 1 ช่องที่ 1: ช่องของตารางมีอักขระควบคุมที่พิมพ์ไม่ได้ (เช่น NUL)',
    });
    expect(tableRowsProblem([['ok'], [1]])).toBe('แถวที่ 2 ช่องที่ 1: ช่องของตารางต้องเป็นข้อความ');
    expect(tableRowsProblem(Array.from({ length: MEMO_LIMITS.tableRows + 1 }, () => []))).toBe(
      `ตารางมีได้ไม่เกิน ${MEMO_LIMITS.tableRows} แถว`,
    );
    expect(tableRowsProblem([Array.from({ length: MEMO_LIMITS.tableColumns + 1 }, () => '')])).toBe(
      `แถวที่ 1 มีเกิน ${MEMO_LIMITS.tableColumns} ช่อง`,
    );
  });

  it('refuse a reorder that names an attachment twice, or an id that is not one', () => {
    expect(attachmentInputSchemas.reorder.safeParse({ order: [uuid(1), uuid(2)] }).success).toBe(true);
    expect(attachmentInputSchemas.reorder.safeParse({ order: [uuid(1), uuid(1)] }).success).toBe(false);
    expect(attachmentInputSchemas.reorder.safeParse({ order: ['../etc'] }).success).toBe(false);
    expect(attachmentInputSchemas.reorder.safeParse({ order: [uuid(1)], style: 'x' }).success).toBe(false);
  });
});
