import { AppException } from '@saraban/errors';
import { MEMO_LIMITS, MemoDraftSchemaPipe, createMemoSchema } from '@saraban/memo';
import {
  applyBlockOp,
  composeOpOf,
  editorBlocksFrom,
  editorBlocksOf,
  readComposeForm,
} from './compose-form.util';

describe('the compose form', () => {
  it('reads blocks posted as an array or, past 20, as an object keyed by index', () => {
    expect(editorBlocksOf([{ type: 'heading', text: 'ข้อเท็จจริง' }])).toEqual([
      { type: 'heading', text: 'ข้อเท็จจริง' },
    ]);
    const many: Record<string, unknown> = {};
    for (let i = 0; i < 25; i++) many[String(i)] = { type: 'paragraph', text: `ย่อหน้า ${i}` };
    const blocks = editorBlocksOf(many);
    expect(blocks).toHaveLength(25);
    expect(blocks[10].text).toBe('ย่อหน้า 10');
    expect(blocks[24].text).toBe('ย่อหน้า 24');
  });

  it('turns numbered lines into items, drops empty blocks and normalises line breaks', () => {
    const filled = { addressee: 'นายก', closing: 'จึงเรียนมาเพื่อโปรดพิจารณา' };
    const { values, errors } = readComposeForm({ subject: '  เรื่องทดสอบ\t', ...filled }, [
      { type: 'numbered', text: '๑. ข้อแรก\r\n\r\n  2) ข้อสอง  \r\n' },
      { type: 'paragraph', text: '   ' },
      { type: 'paragraph', text: 'บรรทัดหนึ่ง\r\nบรรทัดสอง' },
      { type: 'heading', text: 'ข้อเสนอ\n' },
    ]);
    expect(errors).toEqual([]);
    expect(values.subject).toBe('เรื่องทดสอบ');
    expect(values.body).toEqual([
      { type: 'numbered', items: ['ข้อแรก', 'ข้อสอง'] },
      { type: 'paragraph', text: 'บรรทัดหนึ่ง\nบรรทัดสอง' },
      { type: 'heading', text: 'ข้อเสนอ' },
    ]);
  });

  it('leaves empty optional fields to the service defaults and rejects bad values beside their field', () => {
    const { values, errors } = readComposeForm(
      {
        subject: '',
        unitLine: '',
        addressee: '',
        closing: '',
        urgency: 'bogus',
        oitItem: '<o28>',
        signerPositionId: 'x',
      },
      [],
    );
    expect(values.unitLine).toBeUndefined();
    expect(values.urgency).toBe('normal');
    expect(values.signerPositionId).toBeUndefined();
    expect(errors.map((e) => e.field).sort()).toEqual(['addressee', 'closing', 'oitItem', 'subject']);
  });

  it('reads the fiscal year a published memo is filed under: a year of พ.ศ., or none for the decision’s', () => {
    const filled = { subject: 'รายงานผล', addressee: 'นายก', closing: 'จึงเรียนมาเพื่อทราบ', publish: 'true' };
    expect(readComposeForm({ ...filled, publishFiscalYear: '2568' }, []).values.publishFiscalYear).toBe(2568);
    expect(readComposeForm({ ...filled, publishFiscalYear: '' }, []).values.publishFiscalYear).toBeNull();
    expect(readComposeForm(filled, []).values.publishFiscalYear).toBeNull();
    for (const bad of ['68', '2025x', '1999', '9999']) {
      const { errors } = readComposeForm({ ...filled, publishFiscalYear: bad }, []);
      expect(errors.map((e) => e.field)).toEqual(['publishFiscalYear']);
    }
  });

  it('refuses an emptied เรียน or closing with a message, and a submission without body', () => {
    const form = { subject: 'เรื่อง', addressee: ' ', closing: 'จึงเรียนมาเพื่อโปรดพิจารณา' };
    const emptied = readComposeForm(form, [{ type: 'paragraph', text: 'ข้อความ' }]);
    expect(emptied.errors).toEqual([{ field: 'addressee', message: expect.stringContaining('เว้นว่างไม่ได้') }]);
    const draft = readComposeForm({ ...form, addressee: 'นายก' }, []);
    expect(draft.errors).toEqual([]);
    // Not posted at all: the service's default stands.
    expect(readComposeForm({ subject: 'เรื่อง' }, []).errors).toEqual([]);
    const submission = readComposeForm(
      { ...form, addressee: 'นายก' },
      [{ type: 'paragraph', text: ' ' }],
      true,
    );
    expect(submission.errors).toEqual([{ field: 'blocks', message: expect.stringContaining('ยังไม่มีเนื้อหา') }]);
  });

  it('refuses what the API refuses, with the same Thai words (one schema for both)', () => {
    const filled = { addressee: 'นายกองค์การบริหารส่วนตำบล', closing: 'จึงเรียนมาเพื่อโปรดพิจารณา' };
    const subject = 'ก'.repeat(MEMO_LIMITS.subject + 1);
    const paragraph = 'ข'.repeat(MEMO_LIMITS.paragraphText + 1);
    const items = Array.from({ length: MEMO_LIMITS.numberedItems + 1 }, (_, i) => `ข้อ ${i}`);
    const web = readComposeForm({ subject, oitItem: 'o 28', ...filled }, [
      { type: 'heading', text: 'ข้อเท็จจริง' },
      { type: 'paragraph', text: paragraph },
      { type: 'numbered', text: items.join('\n') },
    ]).errors;
    let api: { field: string; problems: string[] }[] = [];
    try {
      new MemoDraftSchemaPipe(createMemoSchema).transform({
        subject,
        oitItem: 'o 28',
        ...filled,
        body: [
          { type: 'heading', text: 'ข้อเท็จจริง' },
          { type: 'paragraph', text: paragraph },
          { type: 'numbered', items },
        ],
      });
    } catch (error) {
      expect(error).toBeInstanceOf(AppException);
      api = (error as AppException).details as { field: string; problems: string[] }[];
    }
    const expected = [
      'เรื่องยาวเกิน 500 ตัวอักษร',
      'ส่วนที่ 2: ข้อความยาวเกิน 10000 ตัวอักษร',
      'ส่วนที่ 3: มีได้ไม่เกิน 100 ข้อ',
      'รหัสหมวดข้อมูลต้องเป็น o ตามด้วยตัวเลข เช่น o28',
    ];
    expect(web.map((e) => e.message).sort()).toEqual([...expected].sort());
    expect(api.flatMap((d) => d.problems).sort()).toEqual([...expected].sort());
    expect(web.map((e) => e.field).sort()).toEqual(['blocks.1', 'blocks.2', 'oitItem', 'subject']);
    expect(api.map((d) => d.field).sort()).toEqual(['body.1.text', 'body.2.items', 'oitItem', 'subject']);
  });

  it('names the section the writer sees when empty blocks before it are dropped', () => {
    const filled = { addressee: 'นายก', closing: 'จึงเรียนมาเพื่อโปรดพิจารณา' };
    const { errors } = readComposeForm({ subject: 'เรื่อง', ...filled }, [
      { type: 'paragraph', text: '' },
      { type: 'heading', text: 'ค'.repeat(MEMO_LIMITS.headingText + 1) },
    ]);
    expect(errors).toEqual([{ field: 'blocks.1', message: 'ส่วนที่ 2: ข้อความยาวเกิน 300 ตัวอักษร' }]);
  });

  it('applies the no-script editor operations', () => {
    const blocks = editorBlocksFrom([
      { type: 'heading', text: 'ก' },
      { type: 'numbered', items: ['๑', '๒'] },
    ]);
    expect(blocks[1]).toEqual({ type: 'numbered', text: '๑\n๒' });
    expect(applyBlockOp(blocks, composeOpOf('down:0')).map((b) => b.text)).toEqual(['๑\n๒', 'ก']);
    expect(applyBlockOp(blocks, composeOpOf('up:0')).map((b) => b.text)).toEqual(['ก', '๑\n๒']);
    expect(applyBlockOp(blocks, composeOpOf('remove:0'))).toHaveLength(1);
    expect(applyBlockOp(blocks, composeOpOf('add:numbered')).at(-1)).toEqual({ type: 'numbered', text: '' });
    expect(composeOpOf('drop table')).toEqual({ kind: 'save' });
  });
});
