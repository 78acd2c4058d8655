import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { appendOutboxEvents } from '@saraban/outbox';
import {
  pendingHistoryCte,
  pendingHistoryJson,
  type PendingHistoryEntry,
} from '../../libs/approval/src/history/approval-history.writer';
import type { HashedHistoryFields } from '../../libs/approval/src/history/history-hash.util';
import { OutboxWriterOneEvent1796660000000 } from '../../libs/database/src/migrations/1796660000000-OutboxWriterOneEvent';
import { openTestDataSource } from '../utils/test-data-source';

/*
 * One outbox writer (docs/architecture.md): the database function outbox_append_event inserts
 * every outbox row. appendOutboxEvents (libs/outbox) calls it, through outbox_append_events, in
 * the caller's transaction; the
 * approval history's trigger calls it when it links an entry at COMMIT. Each event is written
 * once, in order, and only when its transaction commits.
 */

interface OutboxRow {
  type: string;
  payload: Record<string, unknown>;
  created_at: Date;
}

function outboxOf(db: DataSource, organisationId: string): Promise<OutboxRow[]> {
  return db.query(
    'SELECT type, payload, created_at FROM outbox WHERE organisation_id = $1 ORDER BY created_at, id',
    [organisationId],
  );
}

function historyEntry(organisationId: string, memoId: string): HashedHistoryFields {
  return {
    organisationId,
    memoId,
    round: 1,
    stepSeq: null,
    action: 'submitted',
    actorId: null,
    actorName: 'นายสมชาย ใจดี',
    capacity: null,
    text: null,
    orderKind: null,
    details: null,
    occurredAt: new Date(),
  };
}

function libraryFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'migrations') libraryFiles(full, out);
    } else if (entry.name.endsWith('.ts')) out.push(full);
  }
  return out;
}

describe('one outbox writer', () => {
  let db: DataSource;
  let close: () => Promise<void>;

  beforeAll(async () => ({ db, close } = await openTestDataSource()));
  afterAll(() => close());

  it('has one statement that inserts outbox rows: the function outbox_append_event, and no TypeScript inserts them', async () => {
    const writers: { proname: string }[] = await db.query(
      `SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND p.prosrc ~* 'insert\\s+into\\s+"?outbox"?[\\s(]' ORDER BY p.proname`,
    );
    expect(writers.map((w) => w.proname)).toEqual(['outbox_append_event']);
    const linker: { src: string }[] = await db.query(
      `SELECT prosrc AS src FROM pg_proc WHERE proname = 'approval_history_link'`,
    );
    expect(linker[0].src).toContain('outbox_append_event(');
    const arrayWriter: { src: string }[] = await db.query(
      `SELECT prosrc AS src FROM pg_proc WHERE proname = 'outbox_append_events'`,
    );
    expect(arrayWriter[0].src).toContain('outbox_append_event(');

    const root = path.join(__dirname, '../..');
    const inserting = [...libraryFiles(path.join(root, 'libs')), ...libraryFiles(path.join(root, 'apps'))]
      .filter((file) => /insert\s+into\s+"?outbox"?[\s(]/i.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(root, file));
    expect(inserting).toEqual([]);
  });

  it('appendOutboxEvents writes each event once, in the order given, and none when the transaction rolls back', async () => {
    const organisationId = randomUUID();
    const events = ['memo.one', 'memo.two', 'memo.three'].map((type, i) => ({
      organisationId,
      type,
      payload: { memoId: randomUUID(), n: i, words: 'บันทึกข้อความ "ทดสอบ"' },
    }));
    await db.transaction((m) => appendOutboxEvents(m, events));
    await db
      .transaction(async (m) => {
        await appendOutboxEvents(m, [{ organisationId, type: 'memo.rolled-back', payload: {} }]);
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    await db.transaction((m) => appendOutboxEvents(m, []));

    const rows = await outboxOf(db, organisationId);
    expect(rows.map((r) => [r.type, r.payload])).toEqual(events.map((e) => [e.type, e.payload]));
    const stamps = rows.map((r) => r.created_at.getTime());
    expect([...stamps].sort((a, b) => a - b)).toEqual(stamps);
  });

  it("writes a history entry's event once, at COMMIT, with the entry's historySeq; an entry without an event writes none", async () => {
    const organisationId = randomUUID();
    const memoId = randomUUID();
    const pending: PendingHistoryEntry[] = [
      { entry: historyEntry(organisationId, memoId), event: { type: 'memo.submitted', payload: { memoId } } },
      { entry: historyEntry(organisationId, memoId), event: null },
      { entry: historyEntry(organisationId, memoId), event: { type: 'memo.endorsed', payload: { memoId } } },
    ];
    await db.transaction(async (m) => {
      await m.query(`WITH ${pendingHistoryCte('$1')} SELECT 1`, [pendingHistoryJson(pending)]);
      // Not linked yet: the trigger runs at COMMIT, and so does the event's write.
      const before: { n: string }[] = await m.query(
        'SELECT count(*) AS n FROM outbox WHERE organisation_id = $1',
        [organisationId],
      );
      expect(before[0].n).toBe('0');
    });

    const rows = await outboxOf(db, organisationId);
    expect(rows.map((r) => [r.type, r.payload])).toEqual([
      ['memo.submitted', { memoId, historySeq: '1' }],
      ['memo.endorsed', { memoId, historySeq: '3' }],
    ]);
    const history: { seq: string }[] = await db.query(
      'SELECT seq::text AS seq FROM approval_history WHERE organisation_id = $1 ORDER BY seq',
      [organisationId],
    );
    expect(history.map((h) => h.seq)).toEqual(['1', '2', '3']);
  });

  it('the one-row writer migration goes down to the array writer and up again, writing the same events', async () => {
    const migration = new OutboxWriterOneEvent1796660000000();
    const writers = async (): Promise<string[]> =>
      (
        await db.query<{ proname: string }[]>(
          `SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = 'public' AND p.prosrc ~* 'insert\\s+into\\s+"?outbox"?[\\s(]' ORDER BY p.proname`,
        )
      ).map((w) => w.proname);
    const runner = db.createQueryRunner();
    try {
      await migration.down(runner);
      expect(await writers()).toEqual(['outbox_append_events']);
      const organisationId = randomUUID();
      await db.transaction((m) =>
        appendOutboxEvents(m, [{ organisationId, type: 'memo.down', payload: { n: 1 } }]),
      );
      await migration.up(runner);
      expect(await writers()).toEqual(['outbox_append_event']);
      await db.transaction((m) =>
        appendOutboxEvents(m, [{ organisationId, type: 'memo.up', payload: { n: 2 } }]),
      );
      const rows = await outboxOf(db, organisationId);
      expect(rows.map((r) => [r.type, r.payload])).toEqual([
        ['memo.down', { n: 1 }],
        ['memo.up', { n: 2 }],
      ]);
    } finally {
      await runner.release();
    }
  });
});
