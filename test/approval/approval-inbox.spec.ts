import request from 'supertest';
import { toArabicDigits } from '@saraban/thai-format';
import type { TestApp } from '../utils/test-app';
import { command, createDraft, headActsAsChief, startApprovalApp } from './approval-world';
import type { ApprovalWorld } from './approval-world';

describe('inbox', () => {
  let t: TestApp;
  let w: ApprovalWorld;
  const http = () => request(t.app.getHttpServer());
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ({ t, w } = await startApprovalApp());
    await headActsAsChief(w);
    // Waiting for the head: a normal memo, then an urgent one, then another normal one (oldest first).
    for (const [name, urgency] of [
      ['old', 'normal'],
      ['urgent', 'urgent'],
      ['new', 'normal'],
    ] as const) {
      const d = await createDraft(t.app, w.tokens.author, { subject: `เรื่อง ${name}`, urgency });
      await command(t.app, w.tokens.author, d.id, 'submit').expect(200);
      ids[name] = d.id;
    }
    // Waiting for the chief's post (the head acts for it): endorsed once already.
    const c = await createDraft(t.app, w.tokens.author, { subject: 'เรื่อง ที่ปลัด' });
    await command(t.app, w.tokens.author, c.id, 'submit').expect(200);
    await command(t.app, w.tokens.head, c.id, 'endorse', { opinion: 'เห็นควร' }).expect(200);
    ids.chief = c.id;
  });
  afterAll(() => t.close());

  const inbox = (token: string, query = '') =>
    http()
      .get(`/inbox${query}`)
      .auth(token, { type: 'bearer' })
      .expect(200)
      .then(
        (r) =>
          r.body as {
            total: number;
            items: { memoId: string }[];
            capacities: { capacity: { kind: string; stepPositionId: string }; count: number }[];
          },
      );

  it('lists everything waiting in every capacity held today: urgent first, then oldest, with counts', async () => {
    const body = await inbox(w.tokens.head);
    expect(body.items.map((i) => i.memoId)).toEqual([ids.urgent, ids.old, ids.new, ids.chief]);
    expect(body.total).toBe(4);
    const counts = Object.fromEntries(body.capacities.map((c) => [c.capacity.kind, c.count]));
    expect(counts).toEqual({ own: 3, acting: 1 });
  });

  it('filters by urgency and by capacity', async () => {
    expect((await inbox(w.tokens.head, '?urgency=urgent')).items.map((i) => i.memoId)).toEqual([ids.urgent]);
    const chief = (await inbox(w.tokens.head, `?capacity=${w.positions.chief.id}`)).items.map(
      (i) => i.memoId,
    );
    expect(chief).toEqual([ids.chief]);
    // A post that is not one of mine finds nothing.
    expect((await inbox(w.tokens.head, `?capacity=${w.positions.mayor.id}`)).items).toEqual([]);
  });

  it('searches the subject and the number, in Thai or Arabic digits', async () => {
    expect(
      (await inbox(w.tokens.head, `?q=${encodeURIComponent('urgent')}`)).items.map((i) => i.memoId),
    ).toEqual([ids.urgent]);
    const state = await http()
      .get(`/memos/${ids.new}/approval`)
      .auth(w.tokens.head, { type: 'bearer' })
      .expect(200);
    const documentNo = state.body.documentNo as string; // "นพ ๗๑๕๐๑/๑๒"
    const number = documentNo.split('/')[1];
    for (const q of [number, toArabicDigits(number)]) {
      const found = (await inbox(w.tokens.head, `?q=${encodeURIComponent('/' + q)}`)).items.map(
        (i) => i.memoId,
      );
      expect(found).toContain(ids.new);
    }
  });

  it('never shows authors their own memos, nor anyone else’s inbox', async () => {
    expect((await inbox(w.tokens.author)).items).toEqual([]);
    expect((await inbox(w.tokens.mayor)).items).toEqual([]);
    const chief = await inbox(w.tokens.chief);
    expect(chief.items.map((i) => i.memoId)).toEqual([ids.chief]);
  });

  it('sent by me shows where each of my memos stands', async () => {
    const sent = await http().get('/memos/sent').auth(w.tokens.author, { type: 'bearer' }).expect(200);
    expect(sent.body.total).toBe(4);
    const chief = (sent.body.items as { memoId: string; currentStep: { positionId: string } }[]).find(
      (i) => i.memoId === ids.chief,
    );
    expect(chief?.currentStep.positionId).toBe(w.positions.chief.id);
  });
});
