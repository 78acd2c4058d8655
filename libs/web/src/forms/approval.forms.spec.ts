import { AppException, SchemaPipe } from '@saraban/errors';
import { approvalCommandSchemas, type ApprovalCommandKind } from '@saraban/approval';
import { readCommandForm } from './approval.forms';

/** What the API answers for the same body: its first problem, or null when it is accepted. */
function apiRefusal(kind: ApprovalCommandKind, body: object): string | null {
  try {
    new SchemaPipe(approvalCommandSchemas[kind]).transform(body);
    return null;
  } catch (err) {
    if (!(err instanceof AppException)) throw err;
    const details = err.details as { problems: string[] }[];
    return details[0].problems[0];
  }
}

describe('approval command forms (the web reads them with the API’s schemas)', () => {
  it('clean what a browser posts: texts trimmed, the version as a number, an empty version left out', () => {
    expect(readCommandForm('endorse', { version: '7', opinion: '  เห็นควรอนุมัติ \n' })).toEqual({
      ok: true,
      body: { version: 7, opinion: 'เห็นควรอนุมัติ' },
      idempotencyKey: undefined,
    });
    expect(readCommandForm('decide', { version: '', order: 'approved', text: '' })).toEqual({
      ok: true,
      body: { order: 'approved', text: '' },
      idempotencyKey: undefined,
    });
  });

  it('take a submission’s idempotency key apart from its body', () => {
    expect(readCommandForm('submit', { version: '1', idempotencyKey: 'k-1' })).toEqual({
      ok: true,
      body: { version: 1 },
      idempotencyKey: 'k-1',
    });
    // Not a field of any other command.
    expect(readCommandForm('endorse', { idempotencyKey: 'k-1' })).toEqual({
      ok: false,
      problem: 'ไม่รู้จักช่อง "idempotencyKey"',
    });
  });

  it.each([
    ['return', { reason: ' ' }],
    ['cancel', { reason: 'ก'.repeat(2001) }],
    ['decide', { order: 'custom', text: '' }],
    ['decide', { order: 'whatever' }],
    ['endorse', { opinion: 'ก'.repeat(4001) }],
    ['reroute', { positionId: 'x', note: 'ว่าง' }],
  ] as const)('refuse %s %j with the words the API answers for the same body', (kind, body) => {
    const web = readCommandForm(kind, body);
    expect(web.ok).toBe(false);
    expect(web.ok ? null : web.problem).toBe(apiRefusal(kind, body));
  });

  it('refuse a version that is not a number, as the API does', () => {
    expect(readCommandForm('withdraw', { version: 'abc' })).toEqual({
      ok: false,
      problem: 'เวอร์ชันของบันทึกต้องเป็นตัวเลข',
    });
  });
});
