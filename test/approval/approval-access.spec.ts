import { createPerson, createWorld, signIn } from '../utils/factories';
import type { TestApp } from '../utils/test-app';
import { command, createDraft, startApprovalApp, type ApprovalWorld } from './approval-world';

type Who = 'author' | 'head' | 'chief' | 'mayor' | 'clerk' | 'admin' | 'stranger' | 'otherOrg';
type State = 'in_review' | 'withdrawn' | 'decided';
const COMMANDS = ['submit', 'endorse', 'return', 'decide', 'withdraw', 'cancel', 'reroute'] as const;
type Command = (typeof COMMANDS)[number];
const WHO: Who[] = ['author', 'head', 'chief', 'mayor', 'clerk', 'admin', 'stranger', 'otherOrg'];

/**
 * What each caller gets for each command on a memo waiting at the first step (head of office),
 * a withdrawn memo and a decided one. 404: may not even see it (another organisation, or an
 * officer with nothing to do with it); 409: the state does not allow the command; 403: not theirs.
 */
function expected(state: State, who: Who, cmd: Command): number {
  if (who === 'otherOrg' || who === 'stranger') return 404;
  if (state !== 'in_review') return 409;
  if (cmd === 'submit' || cmd === 'decide') return 409; // submitted already; the decision is not at step 1
  const mine: Record<Command, Who[]> = {
    submit: [],
    endorse: ['head'],
    return: ['head'],
    decide: [],
    withdraw: ['author'],
    cancel: ['clerk'],
    reroute: [], // the step is not stuck
  };
  return mine[cmd].includes(who) ? 200 : 403;
}

describe('approval access matrix', () => {
  let t: TestApp;
  let w: ApprovalWorld;
  const tokens = {} as Record<Who, string>;

  beforeAll(async () => {
    ({ t, w } = await startApprovalApp());
    Object.assign(tokens, w.tokens);
    const stranger = await createPerson(w.db, w.org, { unit: w.unit, roles: ['officer'] });
    tokens.stranger = await signIn(t.app, w.org, stranger);
    const other = await createWorld(w.db);
    tokens.otherOrg = await signIn(t.app, other.org, other.people.admin);
  });
  afterAll(() => t.close());

  async function memoIn(state: State): Promise<string> {
    const draft = await createDraft(t.app, w.tokens.author);
    await command(t.app, w.tokens.author, draft.id, 'submit').expect(200);
    if (state === 'withdrawn') await command(t.app, w.tokens.author, draft.id, 'withdraw').expect(200);
    if (state === 'decided') {
      await command(t.app, w.tokens.head, draft.id, 'endorse', { opinion: 'เห็นควร' }).expect(200);
      await command(t.app, w.tokens.chief, draft.id, 'endorse', { opinion: 'เห็นควร' }).expect(200);
      await command(t.app, w.tokens.mayor, draft.id, 'decide', { order: 'noted' }).expect(200);
    }
    return draft.id;
  }

  const bodies = (): Record<Command, Record<string, unknown>> => ({
    submit: {},
    endorse: { opinion: 'เห็นควรอนุมัติ' },
    return: { reason: 'แก้ไข' },
    decide: { order: 'approved' },
    withdraw: {},
    cancel: { reason: 'ยกเลิก' },
    reroute: { positionId: w.positions.mayor.id, note: 'ทดสอบ' },
  });

  for (const state of ['in_review', 'withdrawn', 'decided'] as State[]) {
    it(`every command × every caller on a memo ${state}`, async () => {
      const got: string[] = [];
      const want: string[] = [];
      // A successful command changes the memo, so each success gets a memo of its own.
      let shared = await memoIn(state);
      for (const cmd of COMMANDS) {
        for (const who of WHO) {
          const status = (await command(t.app, tokens[who], shared, cmd, bodies()[cmd])).status;
          got.push(`${cmd} by ${who}: ${status}`);
          want.push(`${cmd} by ${who}: ${expected(state, who, cmd)}`);
          if (status === 200) shared = await memoIn(state);
        }
      }
      expect(got).toEqual(want);
    });
  }

  it('reads follow the same rule: approvers on the route see the memo and its timeline, others get 404', async () => {
    const id = await memoIn('in_review');
    const request = (await import('supertest')).default;
    const http = () => request(t.app.getHttpServer());
    for (const who of WHO) {
      const want = who === 'otherOrg' || who === 'stranger' ? 404 : 200;
      await http().get(`/memos/${id}/approval`).auth(tokens[who], { type: 'bearer' }).expect(want);
      await http().get(`/memos/${id}/timeline`).auth(tokens[who], { type: 'bearer' }).expect(want);
      await http().get(`/memos/${id}`).auth(tokens[who], { type: 'bearer' }).expect(want);
    }
  });
});
