import { commandRequestHash, requestHash } from './idempotency.service';

/** The web's forms and the JSON API answer a repeated Idempotency-Key alike: one hash. */
describe('commandRequestHash', () => {
  const id = '6f1c1a52-0d0e-4c71-9a37-3a4d1c1f0b11';

  it.each([
    [{ kind: 'endorse', opinion: 'เห็นควรอนุมัติ' } as const, { opinion: 'เห็นควรอนุมัติ', version: 3 }],
    // Without an opinion: the web leaves it out (undefined) as an API client leaves out the field.
    [{ kind: 'endorse', opinion: undefined } as const, { version: 3 }],
    [{ kind: 'decide', order: 'approved', text: null } as const, { order: 'approved', version: 3 }],
    [
      { kind: 'decide', order: 'custom', text: 'ให้ดำเนินการ' } as const,
      { order: 'custom', text: 'ให้ดำเนินการ', version: 3 },
    ],
    [{ kind: 'submit' } as const, { version: 3 }],
    [{ kind: 'reroute', positionId: id, note: 'ลา' } as const, { positionId: id, note: 'ลา', version: 3 }],
  ])('hashes %j as the API hashes its body %j', (command, body) => {
    expect(commandRequestHash(id, command, 3)).toBe(
      requestHash('POST', `/memos/${id}/${command.kind}`, body),
    );
  });

  it('leaves out a version the caller did not send, and tells commands apart', () => {
    const endorse = { kind: 'endorse', opinion: 'ทราบ' } as const;
    expect(commandRequestHash(id, endorse)).toBe(
      requestHash('POST', `/memos/${id}/endorse`, { opinion: 'ทราบ' }),
    );
    expect(commandRequestHash(id, endorse, 1)).not.toBe(commandRequestHash(id, endorse, 2));
    expect(commandRequestHash(id, endorse)).not.toBe(commandRequestHash(id, { ...endorse, opinion: 'อนุมัติ' }));
  });
});
