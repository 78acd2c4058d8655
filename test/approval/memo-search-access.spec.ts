import request from 'supertest';
import { createActingOrder, createPerson, createUnit, createWorld, signIn } from '../utils/factories';
import type { TestApp } from '../utils/test-app';
import { command, createDraft, startApprovalApp, type ApprovalWorld } from './approval-world';

type Who =
  | 'author'
  | 'head'
  | 'chief'
  | 'mayor'
  | 'clerk'
  | 'admin'
  | 'actingMayor'
  | 'colleague'
  | 'outsider'
  | 'otherOrg';
const WHO: Who[] = [
  'author',
  'head',
  'chief',
  'mayor',
  'clerk',
  'admin',
  'actingMayor',
  'colleague',
  'outsider',
  'otherOrg',
];

/**
 * The search answers exactly the memos a person may read: its SQL restates the reading rule of
 * MemoAccessPolicy (GET /memos/:id) and ApprovalReader.mayRead (GET /memos/:id/approval), and
 * this compares the three for everyone over memos in every situation (a draft, waiting, returned,
 * decided, written by the head, copied to a unit and to a person, of another organisation).
 */
describe('memo search: the same reading rule as the memo and the approval', () => {
  let t: TestApp;
  let w: ApprovalWorld;
  const tokens = {} as Record<Who, string>;
  const memos: Record<string, string> = {};

  const get = (who: Who, path: string): request.Test =>
    request(t.app.getHttpServer()).get(path).auth(tokens[who], { type: 'bearer' });

  beforeAll(async () => {
    ({ t, w } = await startApprovalApp());
    Object.assign(tokens, w.tokens);
    const acting = await createPerson(w.db, w.org, { roles: ['officer'], fullName: 'รักษาการ นายก' });
    await createActingOrder(w.db, w.org, acting, w.positions.mayor, 'acting');
    tokens.actingMayor = await signIn(t.app, w.org, acting);
    const colleague = await createPerson(w.db, w.org, { unit: w.unit, roles: ['officer'] });
    tokens.colleague = await signIn(t.app, w.org, colleague);
    const finance = await createUnit(w.db, w.org, { name: 'กองคลัง' });
    const outsider = await createPerson(w.db, w.org, { unit: finance, roles: ['officer'] });
    tokens.outsider = await signIn(t.app, w.org, outsider);
    const other = await createWorld(w.db);
    tokens.otherOrg = await signIn(t.app, other.org, other.people.admin);

    const submitted = async (token: string, fields: Record<string, unknown> = {}): Promise<string> => {
      const d = await createDraft(t.app, token, fields);
      await command(t.app, token, d.id, 'submit').expect(200);
      return d.id;
    };
    memos.draftCopied = (
      await createDraft(t.app, w.tokens.author, { copies: [{ kind: 'person', id: colleague.id }] })
    ).id;
    memos.waiting = await submitted(w.tokens.author);
    memos.returned = await submitted(w.tokens.author);
    await command(t.app, w.tokens.head, memos.returned, 'return', { reason: 'แก้ไขวงเงิน' }).expect(200);
    memos.decided = await submitted(w.tokens.author);
    await command(t.app, w.tokens.head, memos.decided, 'endorse', { opinion: 'เห็นควร' }).expect(200);
    await command(t.app, w.tokens.chief, memos.decided, 'endorse', { opinion: 'เห็นควร' }).expect(200);
    await command(t.app, w.tokens.mayor, memos.decided, 'decide', { order: 'approved' }).expect(200);
    memos.byHead = await submitted(w.tokens.head);
    memos.toUnit = await submitted(w.tokens.author, { copies: [{ kind: 'unit', id: finance.id }] });
    memos.toPerson = await submitted(w.tokens.author, { copies: [{ kind: 'person', id: colleague.id }] });
    memos.otherOrg = await submitted(await signIn(t.app, other.org, other.people.author));
  }, 120000);
  afterAll(() => t.close());

  const ids = (): string[] => Object.values(memos);
  const nameOf = (id: string): string => Object.entries(memos).find(([, v]) => v === id)?.[0] ?? id;

  async function searched(who: Who, query: string): Promise<string[]> {
    const res = await get(who, `/search/memos?limit=200${query}`).expect(200);
    const found = new Set((res.body as { items: { memoId: string }[] }).items.map((i) => i.memoId));
    return ids()
      .filter((id) => found.has(id))
      .map(nameOf)
      .sort();
  }
  async function readable(who: Who, suffix: string): Promise<string[]> {
    const out: string[] = [];
    for (const id of ids()) {
      const res = await get(who, `/memos/${id}${suffix}`);
      expect([200, 404]).toContain(res.status);
      if (res.status === 200) out.push(nameOf(id));
    }
    return out.sort();
  }

  it.each(WHO)('%s: the search, the memo and its approval agree', async (who) => {
    const byPolicy = await readable(who, '');
    expect(await readable(who, '/approval')).toEqual(byPolicy);
    expect(await searched(who, '')).toEqual(byPolicy);
    // With a word every memo has (the trigram candidates, then the same rule).
    expect(await searched(who, `&q=${encodeURIComponent('มาตรการ')}`)).toEqual(byPolicy);
  });

  it('is not vacuous: who reads what', async () => {
    const all = ['byHead', 'decided', 'draftCopied', 'returned', 'toPerson', 'toUnit', 'waiting'];
    const submittedByAuthor = ['decided', 'returned', 'toPerson', 'toUnit', 'waiting'];
    expect(await searched('clerk', '')).toEqual(all);
    expect(await searched('author', '')).toEqual([...submittedByAuthor, 'draftCopied'].sort());
    expect(await searched('mayor', '')).toEqual(['byHead', ...submittedByAuthor].sort());
    expect(await searched('actingMayor', '')).toEqual(['byHead', ...submittedByAuthor].sort());
    expect(await searched('colleague', '')).toEqual(['toPerson']);
    expect(await searched('outsider', '')).toEqual(['toUnit']);
    // The other organisation's administrator reads its own memo and none of ours.
    expect(await searched('otherOrg', '')).toEqual(['otherOrg']);
    expect(await searched('outsider', '&copied=true')).toEqual(['toUnit']);
    expect(await searched('mayor', '&acted=true')).toEqual(['decided']);
    expect(await searched('head', '&acted=true')).toEqual(['decided', 'returned']);
  });
});
