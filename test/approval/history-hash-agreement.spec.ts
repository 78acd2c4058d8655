import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { ApprovalAuditService, HISTORY_ACTIONS, ORDER_KINDS, type Capacity } from '@saraban/approval';
import { ACTING_KINDS } from '@saraban/organisation';
import {
  pendingHistoryCte,
  pendingHistoryJson,
  type PendingHistoryEntry,
} from '../../libs/approval/src/history/approval-history.writer';
import {
  GENESIS_HASH,
  historyCanonicalJson,
  historyHash,
  type HashedHistoryFields,
} from '../../libs/approval/src/history/history-hash.util';
import { openTestDataSource } from '../utils/test-data-source';

/*
 * The history hash is written twice: in TypeScript (history-hash.util.ts: the audit recomputes
 * it) and in the plpgsql trigger that links each entry into its organisation's chain at COMMIT
 * (migration ApprovalHistoryLinkedAtCommit). Generated histories go through the real writer
 * (pendingHistoryCte) in transactions of one to three entries; the chain the trigger builds must
 * be the chain TypeScript computes from the same entries, and the audit must find it whole
 * from what it reads back (jsonb, timestamptz and text round trips included).
 */

/** Text as people write it: Thai (with its marks and digits), Latin, emoji, quotes, escapes, line breaks. */
const thai = fc.integer({ min: 0x0e01, max: 0x0e5b }).map((c) => String.fromCodePoint(c));
const special = fc.constantFrom(
  '"',
  '\\',
  '/',
  '\n',
  '\r',
  '\t',
  ' ',
  '\u00a0',
  '\u200b',
  '😀',
  '👩‍💼',
  'é',
  '<',
  '&',
);
const unit = fc.oneof(thai, special, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }));
/** PostgreSQL text and jsonb hold any character but NUL. */
const withoutNul = (s: string): boolean => !s.includes('\u0000');
const text = fc.string({ unit, maxLength: 40 }).filter(withoutNul);

const json = fc.jsonValue({ maxDepth: 3 }).filter((v) => withoutNul(JSON.stringify(v)));

const capacity: fc.Arbitrary<Capacity> = fc.record({
  kind: fc.constantFrom<Capacity['kind']>('own', ...ACTING_KINDS),
  stepPositionId: fc.uuid(),
  stepPositionTitle: text,
  ownPositionTitle: fc.option(text),
  orderId: fc.option(fc.uuid()),
  orderReference: fc.option(text),
});

function entry(memoIds: string[]): fc.Arbitrary<Omit<HashedHistoryFields, 'organisationId'>> {
  return fc.record({
    memoId: fc.constantFrom(...memoIds),
    round: fc.integer({ min: 1, max: 9 }),
    stepSeq: fc.option(fc.integer({ min: 0, max: 8 })),
    action: fc.constantFrom(...HISTORY_ACTIONS),
    actorId: fc.option(fc.uuid()),
    actorName: fc.option(text),
    capacity: fc.option(capacity),
    text: fc.option(text),
    orderKind: fc.option(fc.constantFrom<string>(...ORDER_KINDS)),
    details: fc.option(fc.dictionary(text, json, { maxKeys: 4 })),
    // Milliseconds, as a Date carries them (timestamptz keeps microseconds).
    occurredAt: fc.date({
      min: new Date('2020-01-01T00:00:00Z'),
      max: new Date('2040-12-31T23:59:59Z'),
      noInvalidDate: true,
    }),
  });
}

/** A history: its entries, cut into the transactions that wrote them (one to three each). */
const history = fc.array(fc.uuid(), { minLength: 1, maxLength: 3 }).chain((memoIds) =>
  fc.array(fc.array(entry(memoIds), { minLength: 1, maxLength: 3 }), {
    minLength: 1,
    maxLength: 5,
  }),
);

describe('the history hash: TypeScript and the linking trigger agree', () => {
  let db: DataSource;
  let close: () => Promise<void>;

  beforeAll(async () => ({ db, close } = await openTestDataSource()));
  afterAll(() => close());

  it('on generated histories, the chain the trigger links at COMMIT is the one TypeScript computes, and the audit finds it whole', async () => {
    const audit = new ApprovalAuditService(db);
    await fc.assert(
      fc.asyncProperty(history, async (generated) => {
        // A chain of its own each run (generated ids repeat across runs).
        const organisationId = randomUUID();
        const transactions: HashedHistoryFields[][] = generated.map((entries) =>
          entries.map((e) => ({ ...e, organisationId })),
        );
        for (const entries of transactions) {
          const pending: PendingHistoryEntry[] = entries.map((e) => ({ entry: e, event: null }));
          await db.transaction((m) =>
            m.query(`WITH ${pendingHistoryCte('$1')} SELECT 1`, [pendingHistoryJson(pending)]),
          );
        }

        let prev = GENESIS_HASH;
        const expected = transactions.flat().map((e, i) => {
          const hash = historyHash(prev, i + 1, historyCanonicalJson(e));
          const link = { seq: String(i + 1), prev_hash: prev, hash };
          prev = hash;
          return link;
        });
        const linked: { seq: string; prev_hash: string; hash: string }[] = await db.query(
          `SELECT h.seq::text AS seq, h.prev_hash, h.hash FROM approval_history h WHERE h.organisation_id = $1 ORDER BY h.seq`,
          [organisationId],
        );
        expect(linked).toEqual(expected);

        const verified = await audit.verify(organisationId);
        expect(verified).toEqual({
          ok: true,
          entriesChecked: expected.length,
          lastSeq: String(expected.length),
          firstBroken: null,
        });
      }),
      { numRuns: 40 },
    );
  });
});
