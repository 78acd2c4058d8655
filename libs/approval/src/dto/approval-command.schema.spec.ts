import { schemaProblems } from '@saraban/errors';
import { approvalCommandOf } from '../commands/approval-command';
import {
  approvalCommandSchemas,
  type ApprovalCommandBody,
  type ApprovalCommandKind,
} from './approval-command.schema';

function problems(kind: ApprovalCommandKind, body: object): string[] {
  const parsed = approvalCommandSchemas[kind].safeParse(body);
  return parsed.success ? [] : schemaProblems(parsed.error).map((p) => `${p.field}: ${p.message}`);
}

describe('approval command bodies (one schema for the API and the web)', () => {
  it('accept an endorsement without an opinion (absent or empty): it prints the signature alone', () => {
    expect(problems('endorse', {})).toEqual([]);
    expect(problems('endorse', { opinion: '' })).toEqual([]);
    expect(problems('endorse', { opinion: null, version: null })).toEqual([]);
    expect(approvalCommandSchemas.endorse.parse({ opinion: null, version: null })).toEqual({});
    expect(problems('endorse', { opinion: 'เห็นควรอนุมัติ\nตามเสนอ', version: 3 })).toEqual([]);
  });

  it('refuse an opinion that is not text, too long or carries control characters, in Thai', () => {
    expect(problems('endorse', { opinion: 12 })).toEqual(['opinion: ความเห็นต้องเป็นข้อความ']);
    expect(problems('endorse', { opinion: 'ก'.repeat(4001) })).toEqual([
      'opinion: ความเห็นยาวเกิน 4000 ตัวอักษร',
    ]);
    expect(problems('endorse', { opinion: 'ก\u0000ข' })).toEqual([
      'opinion: ความเห็นมีอักขระควบคุมที่พิมพ์ไม่ได้ (เช่น NUL)',
    ]);
  });

  it('need a reason to return or cancel, within each command’s own limit', () => {
    expect(problems('return', {})).toEqual(['reason: เหตุผลที่ส่งคืนต้องเป็นข้อความ']);
    expect(problems('return', { reason: '  ' })).toEqual(['reason: กรุณากรอกเหตุผลที่ส่งคืน']);
    expect(problems('return', { reason: 'ก'.repeat(4000) })).toEqual([]);
    expect(problems('cancel', { reason: 'ก'.repeat(2000) })).toEqual([]);
    expect(problems('cancel', { reason: 'ก'.repeat(2001) })).toEqual([
      'reason: เหตุผลที่ยกเลิกยาวเกิน 2000 ตัวอักษร',
    ]);
  });

  it('need an order to decide, and the decision maker’s own words for a custom one', () => {
    expect(problems('decide', {})).toEqual(['order: กรุณาเลือกคำสั่ง']);
    expect(problems('decide', { order: 'approved' })).toEqual([]);
    expect(problems('decide', { order: 'approved', text: null })).toEqual([]);
    expect(problems('decide', { order: 'custom', text: ' ' })).toEqual(['text: กรุณาเขียนข้อความคำสั่ง']);
    expect(problems('decide', { order: 'custom', text: 'ให้กองคลังพิจารณา' })).toEqual([]);
  });

  it('need a post and a note to re-route', () => {
    expect(problems('reroute', { positionId: 'not-a-uuid', note: '' })).toEqual([
      'positionId: กรุณาเลือกตำแหน่งที่จะรับเรื่อง',
      'note: กรุณากรอกเหตุผลที่เปลี่ยนผู้พิจารณา',
    ]);
  });

  it('refuse fields no command has, and a version that is not a positive whole number', () => {
    expect(problems('submit', { version: 2 })).toEqual([]);
    expect(problems('submit', { state: 'decided' })).toEqual(['state: ไม่รู้จักช่อง "state"']);
    expect(problems('withdraw', { version: 0 })).toEqual(['version: เวอร์ชันของบันทึกไม่ถูกต้อง']);
    expect(problems('withdraw', { version: '2' })).toEqual(['version: เวอร์ชันของบันทึกต้องเป็นตัวเลข']);
  });

  it('become one command whichever door they came in by (approvalCommandOf, for the API and the web)', () => {
    const body = <K extends ApprovalCommandKind>(kind: K, posted: object) =>
      approvalCommandOf(kind, approvalCommandSchemas[kind].parse(posted) as ApprovalCommandBody<K>);
    expect(body('submit', { version: 2 })).toEqual({ kind: 'submit' });
    expect(body('endorse', {})).toEqual({ kind: 'endorse', opinion: '' });
    expect(body('endorse', { opinion: 'เห็นควร' })).toEqual({ kind: 'endorse', opinion: 'เห็นควร' });
    // An empty order text is no text, from a JSON body as from a form.
    expect(body('decide', { order: 'approved', text: '' })).toEqual({
      kind: 'decide',
      order: 'approved',
      text: null,
    });
    expect(body('decide', { order: 'custom', text: 'ดำเนินการ' })).toEqual({
      kind: 'decide',
      order: 'custom',
      text: 'ดำเนินการ',
    });
    expect(body('return', { reason: 'แก้ไขวันที่' })).toEqual({ kind: 'return', reason: 'แก้ไขวันที่' });
    expect(body('cancel', { reason: 'ซ้ำ' })).toEqual({ kind: 'cancel', reason: 'ซ้ำ' });
    expect(body('withdraw', {})).toEqual({ kind: 'withdraw' });
  });
});
