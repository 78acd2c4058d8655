import { schemaProblems } from '@saraban/errors';
import { registerInputSchemas } from './register-input.schema';

function problems(kind: keyof typeof registerInputSchemas, body: object): string[] {
  const parsed = registerInputSchemas[kind].safeParse(body);
  return parsed.success ? [] : schemaProblems(parsed.error).map((p) => `${p.field}: ${p.message}`);
}

describe('register inputs (one schema for the API and the web)', () => {
  it('register a paper letter with จาก, ถึง and เรื่อง, the rest optional', () => {
    const letter = { fromText: 'อำเภอเมือง', toText: 'อบต.คำพี่', subject: 'ขอส่งรายงาน' };
    expect(problems('registerDocument', letter)).toEqual([]);
    expect(
      problems('registerDocument', { ...letter, datedOn: '2026-03-14', action: null, remarks: '' }),
    ).toEqual([]);
    expect(problems('registerDocument', { ...letter, subject: ' ' })).toEqual(['subject: กรุณากรอกเรื่อง']);
    expect(problems('registerDocument', { ...letter, fromText: 'ก'.repeat(501) })).toEqual([
      'fromText: จากยาวเกิน 500 ตัวอักษร',
    ]);
    expect(problems('registerDocument', { ...letter, datedOn: '2026-02-30' })).toEqual([
      'datedOn: ลงวันที่ต้องเป็นวันที่ในรูปแบบ YYYY-MM-DD',
    ]);
  });

  it('cancel a number only with a reason', () => {
    expect(problems('cancelEntry', { reason: 'ออกเลขซ้ำ' })).toEqual([]);
    expect(problems('cancelEntry', { reason: '' })).toEqual(['reason: กรุณากรอกเหตุผลที่ยกเลิกเลข']);
    expect(problems('cancelEntry', { reason: 'x', extra: 1 })).toEqual(['extra: ไม่รู้จักช่อง "extra"']);
  });

  it('set the next number to a whole number from 1', () => {
    expect(problems('setNextNumber', { nextNumber: 936, note: null })).toEqual([]);
    expect(problems('setNextNumber', { nextNumber: 0 })).toEqual(['nextNumber: เลขถัดไปต้องตั้งแต่ 1 ขึ้นไป']);
    expect(problems('setNextNumber', { nextNumber: '936' })).toEqual(['nextNumber: เลขถัดไปต้องเป็นตัวเลข']);
  });
});
