import { PDFDocument } from 'pdf-lib';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createWorld, signIn } from '../utils/factories';
import { createTestApp, type TestApp } from '../utils/test-app';
import { createMemoWorld, createSeedDraft, type MemoWorld } from './memo-world';

interface Target {
  memoId: string;
  version: number;
  pdfId: string;
  tableId: string;
  /** Every attachment id of the memo, for a reorder. */
  order: string[];
}

interface Endpoint {
  name: string;
  /** Whether it only reads (clerks and admins of the same organisation may). */
  reads: boolean;
  call: (token: string, target: Target) => request.Test;
}

let pdfBytes: Buffer;

/** Every memo endpoint, each called the way its owner would call it. */
function endpoints(http: () => request.Agent): Endpoint[] {
  const bearer = { type: 'bearer' } as const;
  return [
    {
      name: 'GET /memos/:id',
      reads: true,
      call: (tk, x) => http().get(`/memos/${x.memoId}`).auth(tk, bearer),
    },
    {
      name: 'PATCH /memos/:id',
      reads: false,
      call: (tk, x) =>
        http().patch(`/memos/${x.memoId}`).auth(tk, bearer).send({ version: x.version, subject: 'แก้' }),
    },
    {
      name: 'DELETE /memos/:id',
      reads: false,
      call: (tk, x) => http().delete(`/memos/${x.memoId}`).auth(tk, bearer),
    },
    {
      name: 'GET /memos/:id/revisions',
      reads: true,
      call: (tk, x) => http().get(`/memos/${x.memoId}/revisions`).auth(tk, bearer),
    },
    {
      name: 'POST /memos/:id/attachments/pdf',
      reads: false,
      call: (tk, x) =>
        http()
          .post(`/memos/${x.memoId}/attachments/pdf`)
          .auth(tk, bearer)
          .field('title', 'แนบ')
          .attach('file', pdfBytes, 'a.pdf'),
    },
    {
      name: 'POST /memos/:id/attachments/table',
      reads: false,
      call: (tk, x) =>
        http()
          .post(`/memos/${x.memoId}/attachments/table`)
          .auth(tk, bearer)
          .send({ title: 'ตาราง', columns: ['ก'], rows: [['๑']] }),
    },
    {
      name: 'GET /memos/:id/attachments',
      reads: true,
      call: (tk, x) => http().get(`/memos/${x.memoId}/attachments`).auth(tk, bearer),
    },
    {
      name: 'PATCH /memos/:id/attachments',
      reads: false,
      call: (tk, x) =>
        http().patch(`/memos/${x.memoId}/attachments`).auth(tk, bearer).send({ order: x.order }),
    },
    {
      name: 'GET /memos/:id/attachments/:aid',
      reads: true,
      call: (tk, x) => http().get(`/memos/${x.memoId}/attachments/${x.tableId}`).auth(tk, bearer),
    },
    {
      name: 'GET /memos/:id/attachments/:aid/file',
      reads: true,
      call: (tk, x) => http().get(`/memos/${x.memoId}/attachments/${x.pdfId}/file`).auth(tk, bearer),
    },
    {
      name: 'DELETE /memos/:id/attachments/:aid',
      reads: false,
      call: (tk, x) => http().delete(`/memos/${x.memoId}/attachments/${x.pdfId}`).auth(tk, bearer),
    },
  ];
}

describe('memo access: other organisations and other people', () => {
  let t: TestApp;
  let w: MemoWorld;
  let target: Target;
  let db: DataSource;
  const tokens: Record<string, string> = {};
  const http = () => request(t.app.getHttpServer()) as unknown as request.Agent;
  const table = () => endpoints(http);

  /** The memo and attachments as their author left them; checked after every refused call. */
  async function state(): Promise<unknown> {
    return db.query(
      `SELECT m.version, m.subject, m.status,
              (SELECT json_agg(json_build_object('id', a.id, 'seq', a.seq) ORDER BY a.seq)
                 FROM memo_attachments a WHERE a.memo_id = m.id) AS attachments
         FROM memos m WHERE m.id = $1`,
      [target.memoId],
    );
  }

  beforeAll(async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    pdfBytes = Buffer.from(await doc.save());
    t = await createTestApp();
    db = t.app.get(DataSource);
    w = await createMemoWorld(t.app);
    const memo = await createSeedDraft(t.app, w.tokens.author);
    const pdf = await request(t.app.getHttpServer())
      .post(`/memos/${memo.id}/attachments/pdf`)
      .auth(w.tokens.author, { type: 'bearer' })
      .field('title', 'รายงาน')
      .attach('file', pdfBytes, 'r.pdf')
      .expect(201);
    const tbl = await request(t.app.getHttpServer())
      .post(`/memos/${memo.id}/attachments/table`)
      .auth(w.tokens.author, { type: 'bearer' })
      .send({ title: 'ตาราง', columns: ['ก'], rows: [['๑']] })
      .expect(201);
    target = {
      memoId: memo.id,
      version: tbl.body.memoVersion,
      pdfId: pdf.body.attachment.id,
      tableId: tbl.body.attachment.id,
      order: [tbl.body.attachment.id, pdf.body.attachment.id],
    };

    // Another organisation, whose admin, clerk and officers hold every role there is.
    const other = await createWorld(db);
    tokens.otherAdmin = await signIn(t.app, other.org, other.people.admin);
    tokens.otherClerk = await signIn(t.app, other.org, other.people.clerk);
    tokens.otherAuthor = await signIn(t.app, other.org, other.people.author);
  });
  afterAll(() => t.close());

  describe.each(['otherAdmin', 'otherClerk', 'otherAuthor'])('a %s of another organisation', (who) => {
    it.each(table().map((e) => [e.name, e] as const))(
      'gets 404 from %s and changes nothing',
      async (_name, e) => {
        const before = await state();
        const res = await e.call(tokens[who], target);
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('NOT_FOUND');
        expect(await state()).toEqual(before);
      },
    );
  });

  describe('an officer of the same organisation who is not the author', () => {
    it.each(table().map((e) => [e.name, e] as const))(
      'gets 404 from %s: not even a read',
      async (_name, e) => {
        const before = await state();
        const res = await e.call(w.tokens.head, target);
        expect(res.status).toBe(404);
        expect(await state()).toEqual(before);
      },
    );
  });

  describe.each(['clerk', 'admin'] as const)('the %s of the same organisation', (who) => {
    it.each(table().map((e) => [e.name, e] as const))('%s: reads 200, writes 403', async (_name, e) => {
      const before = await state();
      const res = await e.call(w.tokens[who], target);
      expect(res.status).toBe(e.reads ? 200 : 403);
      expect(await state()).toEqual(before);
    });
  });

  it('lets the author do every one of them (so the refusals above are about who, not how)', async () => {
    const own = table();
    // Reads first, then writes, deletions last (the memo itself at the very end).
    const ordered = [
      ...own.filter((e) => e.reads),
      ...own.filter((e) => !e.reads && !e.name.startsWith('DELETE')),
      ...own.filter((e) => e.name === 'DELETE /memos/:id/attachments/:aid'),
      ...own.filter((e) => e.name === 'DELETE /memos/:id'),
    ];
    expect(ordered).toHaveLength(own.length);
    for (const e of ordered) {
      const [{ version }] = await db.query<{ version: number }[]>('SELECT version FROM memos WHERE id = $1', [
        target.memoId,
      ]);
      const ids = await db.query<{ id: string }[]>(
        'SELECT id FROM memo_attachments WHERE memo_id = $1 ORDER BY seq DESC',
        [target.memoId],
      );
      const res = await e.call(w.tokens.author, { ...target, version, order: ids.map((r) => r.id) });
      expect([e.name, res.status < 300]).toEqual([e.name, true]);
    }
  });
});
