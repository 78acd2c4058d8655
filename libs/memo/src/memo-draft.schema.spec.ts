import { MEMO_LIMITS } from './memo-limits';
import { createMemoSchema, isSafeText, memoDraftProblems, updateMemoSchema } from './memo-draft.schema';

function problems(schema: typeof createMemoSchema | typeof updateMemoSchema, input: unknown) {
  const parsed = schema.safeParse(input);
  return parsed.success ? [] : memoDraftProblems(parsed.error);
}

describe('the memo draft schema', () => {
  it('accepts a full draft and answers it as given', () => {
    const draft = {
      subject: 'ขอความเห็นชอบ',
      unitLine: 'สำนักปลัด โทร. ๐ ๔๒๐๖ ๑๒๒๖',
      addressee: 'นายกองค์การบริหารส่วนตำบล',
      body: [
        { type: 'heading', text: 'ข้อเท็จจริง' },
        { type: 'paragraph', text: 'บรรทัดหนึ่ง\nบรรทัดสอง\tแท็บ' },
        { type: 'numbered', items: ['ข้อแรก', 'ข้อสอง'] },
      ],
      closing: 'จึงเรียนมาเพื่อโปรดพิจารณา',
      urgency: 'urgent',
      secrecy: 'normal',
      purpose: 'information',
      publish: true,
      oitItem: 'o28',
      copies: [{ kind: 'unit', id: '5b0f3c3e-9a41-4c1e-8d7a-2f6d0e9b1a22' }],
    };
    expect(createMemoSchema.parse(draft)).toEqual(draft);
    expect(updateMemoSchema.parse({ version: 3, oitItem: null })).toEqual({ version: 3, oitItem: null });
  });

  it.each([
    ['a blank subject', { subject: '   ' }, 'subject', 'กรุณากรอกเรื่อง'],
    [
      'a too long subject',
      { subject: 'ก'.repeat(MEMO_LIMITS.subject + 1) },
      'subject',
      'เรื่องยาวเกิน 500 ตัวอักษร',
    ],
    ['a NUL in the subject', { subject: 'a\u0000b' }, 'subject', 'เรื่องมีอักขระควบคุมที่พิมพ์ไม่ได้ (เช่น NUL)'],
    [
      'a line break in เรียน',
      { subject: 'x', addressee: 'ก\nข' },
      'addressee',
      'เรียนมีอักขระควบคุมที่พิมพ์ไม่ได้ (เช่น NUL)',
    ],
    ['an unknown field', { subject: 'x', isApproved: true }, 'isApproved', 'ไม่รู้จักช่อง "isApproved"'],
    [
      'an unknown field in a block',
      { subject: 'x', body: [{ type: 'heading', text: 'ก', items: ['x'] }] },
      'body.0.items',
      'ส่วนที่ 1: ไม่รู้จักช่อง "items"',
    ],
    [
      'a block of an unknown type',
      { subject: 'x', body: [{ type: 'image', src: 'x' }] },
      'body.0.type',
      'ส่วนที่ 1: ส่วนของเนื้อหาต้องเป็นหัวข้อ ย่อหน้า หรือรายการข้อ',
    ],
    [
      'a null block',
      { subject: 'x', body: [null] },
      'body.0',
      'ส่วนที่ 1: ส่วนของเนื้อหาต้องเป็นหัวข้อ ย่อหน้า หรือรายการข้อ',
    ],
    [
      'too many blocks',
      { subject: 'x', body: Array(MEMO_LIMITS.blocks + 1).fill({ type: 'paragraph', text: 'ก' }) },
      'body',
      'เนื้อหามีได้ไม่เกิน 200 ส่วน',
    ],
    ['an unknown urgency', { subject: 'x', urgency: 'asap' }, 'urgency', 'ชั้นความเร็วไม่ถูกต้อง'],
  ])('refuses %s, naming the field in Thai', (_label, input, field, message) => {
    expect(problems(createMemoSchema, input)).toContainEqual({ field, message });
  });

  it('reads a null optional field as not given (the service keeps or defaults it), but null as the OIT code clears it', () => {
    const parsed = updateMemoSchema.parse({
      version: 2,
      subject: null,
      body: null,
      unitLine: null,
      copies: null,
      oitItem: null,
    });
    expect(parsed.subject).toBeUndefined();
    expect(parsed.body).toBeUndefined();
    expect(parsed.unitLine).toBeUndefined();
    expect(parsed.copies).toBeUndefined();
    expect(parsed.oitItem).toBeNull();
    expect(problems(createMemoSchema, { subject: null })).toEqual([
      { field: 'subject', message: 'เรื่องต้องเป็นข้อความ' },
    ]);
  });

  it('answers in Thai when the body is not an object at all, or a copy is not one', () => {
    expect(problems(createMemoSchema, ['x'])).toEqual([
      { field: '', message: 'ข้อมูลที่ส่งต้องเป็นบันทึกข้อความ (ออบเจ็กต์ JSON)' },
    ]);
    expect(problems(createMemoSchema, { subject: 'x', copies: ['x'] })).toEqual([
      { field: 'copies.0', message: 'สำเนาเรียนแต่ละรายการต้องมีชนิดและรหัส' },
    ]);
  });

  it('asks an edit for its version', () => {
    expect(problems(updateMemoSchema, { subject: 'ไม่มีเวอร์ชัน' })).toEqual([
      { field: 'version', message: 'ต้องระบุเวอร์ชันที่แก้ไข' },
    ]);
  });

  it('allows tab and line breaks only in multi-line text', () => {
    expect(isSafeText('ก\tข\r\nค', true)).toBe(true);
    expect(isSafeText('ก\tข', false)).toBe(false);
    expect(isSafeText('ก\u0007ข', true)).toBe(false);
    expect(isSafeText(3, true)).toBe(false);
  });
});
