import { DataSource } from 'typeorm';
import { AppException, ErrorCode } from '@saraban/errors';
import { RegisterService, type IssueNumberInput } from '@saraban/register';
import { applyDigits } from '@saraban/thai-format';
import { createOrganisation } from '../utils/factories';
import { createTestApp, type TestApp } from '../utils/test-app';
import { RegisterCounter, RegisterEntry } from '../utils/entities';

/** Thrown on purpose so the caller's transaction rolls back after it got its number. */
class RollBackOnPurpose extends Error {}

// 2025-12-31 23:59:59.9 and 2026-01-01 00:00 in Bangkok (UTC+7).
const LAST_TENTH_OF_2025 = new Date('2025-12-31T16:59:59.900Z');
const FIRST_INSTANT_OF_2026 = new Date('2025-12-31T17:00:00.000Z');

/** `at` values on both sides of the Bangkok New Year, including the two instants that touch it. */
function atFor(i: number): Date {
  switch (i % 4) {
    case 0:
      return LAST_TENTH_OF_2025;
    case 1:
      return FIRST_INSTANT_OF_2026;
    case 2:
      return new Date(LAST_TENTH_OF_2025.getTime() - (i % 97) * 60_000);
    default:
      return new Date(FIRST_INSTANT_OF_2026.getTime() + (i % 89) * 60_000);
  }
}

describe('RegisterService.issueNumber under concurrency', () => {
  let t: TestApp;
  let db: DataSource;
  let service: RegisterService;

  beforeAll(async () => {
    t = await createTestApp({ DATABASE_POOL_SIZE: '20' });
    db = t.app.get(DataSource);
    service = t.app.get(RegisterService);
  });
  afterAll(() => t.close());

  it('1,000 concurrent issues, 10% rolled back, across New Year: per year exactly 1..N, no duplicates, no gaps', async () => {
    const org = await createOrganisation(db, { registerCode: 'นพ ๗๑๕๐๑', digits: 'thai' });
    const input = (i: number): IssueNumberInput => ({
      organisationId: org.id,
      at: atFor(i),
      fromText: 'นิติกร',
      toText: 'นายกองค์การบริหารส่วนตำบล',
      subject: `เรื่องที่ ${i}`,
    });
    const committedPerYear = new Map<number, number>();
    const rolledBackNumbers: number[] = [];

    const outcomes = await Promise.allSettled(
      Array.from({ length: 1000 }, async (_, i) => {
        if (i % 10 === 7) {
          // The caller got a number, then its transaction failed.
          await db
            .transaction(async (m) => {
              const entry = await service.issueNumber(m, input(i));
              rolledBackNumbers.push(entry.number);
              await new Promise((resolve) => setImmediate(resolve));
              throw new RollBackOnPurpose();
            })
            .catch((e: unknown) => {
              if (!(e instanceof RollBackOnPurpose)) throw e;
            });
          return;
        }
        // Most callers use a transaction; a few pass a plain manager (the statement commits on its own).
        const entry =
          i % 10 === 3
            ? await service.issueNumber(db.manager, input(i))
            : await db.transaction((m) => service.issueNumber(m, input(i)));
        committedPerYear.set(entry.year, (committedPerYear.get(entry.year) ?? 0) + 1);
      }),
    );
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    expect(rolledBackNumbers).toHaveLength(100);
    expect([...committedPerYear.keys()].sort()).toEqual([2025, 2026]);
    expect(committedPerYear.get(2025)! + committedPerYear.get(2026)!).toBe(900);

    const entries = await db.getRepository(RegisterEntry).find({
      where: { organisationId: org.id },
      order: { year: 'ASC', number: 'ASC' },
    });
    for (const year of [2025, 2026]) {
      const n = committedPerYear.get(year)!;
      const numbers = entries.filter((e) => e.year === year).map((e) => e.number);
      expect(numbers).toEqual(Array.from({ length: n }, (_, k) => k + 1));
      const counter = await db
        .getRepository(RegisterCounter)
        .findOneByOrFail({ organisationId: org.id, register: 'outgoing', year });
      expect(counter.nextNumber).toBe(n + 1);
    }
    // Each entry sits in the Bangkok year of its own `at`.
    for (const e of entries) {
      expect(e.year).toBe(e.registeredAt.getTime() < FIRST_INSTANT_OF_2026.getTime() ? 2025 : 2026);
      expect(e.datedOn).toBe(e.year === 2025 ? '2025-12-31' : '2026-01-01');
      expect(e.documentNo).toBe(applyDigits(`นพ ๗๑๕๐๑/${e.number}`, 'thai'));
    }
  });

  it('renders the ที่ in Arabic digits for an organisation that prints them', async () => {
    const org = await createOrganisation(db, { registerCode: 'นธ ๖๑๔๐๑', digits: 'arabic' });
    const entry = await db.transaction((m) =>
      service.issueNumber(m, {
        organisationId: org.id,
        register: 'outgoing',
        at: new Date('2026-03-14T03:00:00Z'),
        datedOn: '2026-03-13',
        memoId: '00000000-0000-4000-8000-0000000000aa',
        fromText: 'ก',
        toText: 'ข',
        subject: 'ค',
      }),
    );
    expect(entry).toMatchObject({
      number: 1,
      year: 2026,
      documentNo: 'นธ 61401/1',
      datedOn: '2026-03-13',
      memoId: '00000000-0000-4000-8000-0000000000aa',
      status: 'issued',
    });
    // A plain view, not the entity: the same columns, in the same order, as the entry read back.
    const readBack = await service.get(org.id, entry.id);
    expect(Object.getPrototypeOf(entry)).toBe(Object.prototype);
    expect(Object.keys(entry)).toEqual(Object.keys(readBack));
    expect(entry).toEqual(readBack);
  });

  it('keeps registers apart: each has its own sequence', async () => {
    const org = await createOrganisation(db);
    const at = new Date('2026-05-01T03:00:00Z');
    const issue = (register: string) =>
      db.transaction((m) =>
        service.issueNumber(m, {
          organisationId: org.id,
          register,
          at,
          fromText: 'ก',
          toText: 'ข',
          subject: 'ค',
        }),
      );
    expect((await issue('outgoing')).number).toBe(1);
    expect((await issue('orders')).number).toBe(1);
    expect((await issue('outgoing')).number).toBe(2);
  });

  it('refuses an unknown organisation without touching any counter', async () => {
    const missing = '00000000-0000-4000-8000-00000000dead';
    const attempt = db.transaction((m) =>
      service.issueNumber(m, {
        organisationId: missing,
        at: new Date(),
        fromText: 'ก',
        toText: 'ข',
        subject: 'ค',
      }),
    );
    await expect(attempt).rejects.toBeInstanceOf(AppException);
    await expect(attempt).rejects.toMatchObject({ code: ErrorCode.NotFound });
    expect(await db.getRepository(RegisterCounter).countBy({ organisationId: missing })).toBe(0);
  });
});
