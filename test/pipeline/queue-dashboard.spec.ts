import { randomUUID } from 'node:crypto';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { hashPassword } from '@saraban/auth';
import { DOCUMENT_QUEUE, DocumentQueueService, documentJobId } from '@saraban/pipeline';
import { createTestApp, type TestApp } from '../utils/test-app';
import { createWorld, signIn, TEST_PASSWORD, type World } from '../utils/factories';
import { adminQuery } from '../utils/test-database';
import { waitFor } from '../utils/wait-for';
import { httpFrom, type HttpAnswer, apiSignIn } from '../utils/web-session';

const OPERATOR = 'ops';
const OPERATOR_PASSWORD = 'operator-รหัสผ่าน-1';
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;

/**
 * The Bull Board shows every organisation's jobs: it belongs to the deployment's operator
 * (configured, not an organisation's user). An organisation's administrator sees only their own
 * organisation's jobs and counts in GET /admin/pipeline.
 */
describe('queue dashboard (operators) and pipeline status (an organisation’s own)', () => {
  let t: TestApp;
  let db: DataSource;
  let w: World;
  let other: World;
  let worker: Worker | undefined;
  let operatorPasswordHash: string;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    operatorPasswordHash = await hashPassword(OPERATOR_PASSWORD);
    t = await createTestApp({
      OPERATOR_USERNAME: OPERATOR,
      OPERATOR_PASSWORD_HASH: operatorPasswordHash,
      DOCUMENT_JOB_ATTEMPTS: '1',
    });
    // Listening, so that the throttling test can send from addresses of its own.
    await t.app.listen(0, '127.0.0.1');
    db = t.app.get(DataSource);
    w = await createWorld(db);
    other = await createWorld(db);
  });
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  it('the Bull Board answers the operator only: 401 asks for the operator’s login, organisation users get 403', async () => {
    const anonymous = await http().get('/admin/queues').expect(401);
    expect(anonymous.headers['www-authenticate']).toMatch(/^Basic realm=/);
    expect(anonymous.body).toMatchObject({ code: 'UNAUTHENTICATED' });

    const officer = await signIn(t.app, w.org, w.people.author);
    await http().get('/admin/queues').set('Authorization', `Bearer ${officer}`).expect(403);
    // An organisation's administrator is not the deployment's operator.
    const admin = await signIn(t.app, w.org, w.people.admin);
    const asAdmin = await http().get('/admin/queues').set('Authorization', `Bearer ${admin}`).expect(403);
    expect(asAdmin.body).toMatchObject({ code: 'FORBIDDEN' });
    await http().get('/admin/queues/api/queues').set('Authorization', `Bearer ${admin}`).expect(403);
    await http().get('/admin/queues/api/queues').set('Cookie', `saraban_session=${admin}`).expect(403);

    // The operator's name with another password, or an organisation user's login, is refused.
    await http().get('/admin/queues').set('Authorization', basic(OPERATOR, 'wrong')).expect(401);
    await http()
      .get('/admin/queues')
      .set('Authorization', basic(w.people.admin.username, 'รหัสผ่าน-ทดสอบ-1'))
      .expect(401);

    const page = await http().get('/admin/queues').set('Authorization', basic(OPERATOR, OPERATOR_PASSWORD));
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<html/i);
    const api = await http()
      .get('/admin/queues/api/queues')
      .set('Authorization', basic(OPERATOR, OPERATOR_PASSWORD))
      .expect(200);
    expect(JSON.stringify(api.body)).toContain(DOCUMENT_QUEUE);
  });

  it('the operator’s login opens nothing else: the JSON API and the web still need an organisation’s session', async () => {
    await http().get('/admin/pipeline').set('Authorization', basic(OPERATOR, OPERATOR_PASSWORD)).expect(401);
    await http().get('/organisation').set('Authorization', basic(OPERATOR, OPERATOR_PASSWORD)).expect(401);
  });

  it('GET /admin/pipeline: counts and failed jobs of the caller’s organisation only', async () => {
    const queue = t.app.get(DocumentQueueService);
    const mine = { organisationId: w.org.id, memoId: randomUUID(), memoVersion: 1 };
    const theirs = { organisationId: other.org.id, memoId: randomUUID(), memoVersion: 1 };
    const waiting = { organisationId: other.org.id, memoId: randomUUID(), memoVersion: 2 };
    await queue.enqueue(mine);
    await queue.enqueue(theirs);
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
      maxRetriesPerRequest: null,
    });
    // Each organisation's render job fails (one attempt) and is recorded, as the processor does.
    worker = new Worker(
      DOCUMENT_QUEUE,
      () => Promise.reject(new Error('renderer exploded at /srv/secret/path')),
      { connection: redis, prefix: t.queuePrefix },
    );
    await waitFor(async () => (await queue.queue.getFailedCount()) === 2, 'both render jobs failed', {
      timeoutMs: 20_000,
    });
    await worker.close();
    worker = undefined;
    redis.disconnect();
    await queue.enqueue(waiting);
    for (const p of [mine, theirs]) {
      await db.query(
        `INSERT INTO document_failures (memo_id, memo_version, organisation_id, stage, error_code, reason, cause,
           attempts, set_aside_at, first_failed_at, last_failed_at)
         VALUES ($1, $2, $3, 'render', 'INTERNAL_ERROR', 'สร้างไฟล์ PDF ไม่สำเร็จ', 'renderer exploded', 1, now(), now(), now())`,
        [p.memoId, p.memoVersion, p.organisationId],
      );
    }

    const admin = await signIn(t.app, w.org, w.people.admin);
    const res = await http().get('/admin/pipeline').set('Authorization', `Bearer ${admin}`).expect(200);
    // The other organisation's waiting flow and failed job are not counted here.
    expect(res.body.counts).toEqual({ producing: 0, publishing: 0, signed: 0, published: 0, failed: 0 });
    expect(res.body.failed).toEqual([
      expect.objectContaining({
        id: documentJobId(mine),
        memoId: mine.memoId,
        memoVersion: 1,
        reason: 'renderer exploded at /srv/secret/path',
      }),
    ]);
    expect(JSON.stringify(res.body)).not.toContain(theirs.memoId);
    expect(JSON.stringify(res.body)).not.toContain(waiting.memoId);

    const otherAdmin = await signIn(t.app, other.org, other.people.admin);
    const theirView = await http()
      .get('/admin/pipeline')
      .set('Authorization', `Bearer ${otherAdmin}`)
      .expect(200);
    expect(theirView.body.failed.map((j: { memoId: string }) => j.memoId)).toEqual([theirs.memoId]);
    expect(JSON.stringify(theirView.body)).not.toContain(mine.memoId);

    // Retrying: another organisation's job is 404, an unknown one too.
    await http()
      .post(`/admin/pipeline/jobs/${documentJobId(theirs)}/retry`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(404);
    await http()
      .post('/admin/pipeline/jobs/document.nope.v1/retry')
      .set('Authorization', `Bearer ${admin}`)
      .expect(404);
  });

  // Last: it locks the operator's account (in this file's Redis prefix) for 15 minutes.
  it('wrong operator passwords are throttled as sign-ins are: growing waits, then a lock (429 with Retry-After), per account and per address', async () => {
    const board = (from: string, user: string, password: string): Promise<HttpAnswer> =>
      httpFrom(t.app, from)('GET', '/admin/queues', { headers: { Authorization: basic(user, password) } });
    const expectTooMany = (res: HttpAnswer) => {
      expect(res.status).toBe(429);
      expect(['SIGN_IN_THROTTLED', 'ACCOUNT_LOCKED']).toContain(res.json?.code);
      expect(res.json?.message).toMatch(/[\u0E00-\u0E7F]/);
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    };

    // The operator's account: three mistakes are free, then each attempt must wait, then the lock.
    const answers: HttpAnswer[] = [];
    for (let i = 0; i < 15; i++) answers.push(await board('127.0.0.21', OPERATOR, `wrong-${i}`));
    expect(answers.slice(0, 3).map((a) => a.status)).toEqual([401, 401, 401]);
    expect(answers[0].headers['www-authenticate']).toMatch(/^Basic realm=/);
    expect(answers.some((a) => a.status === 200)).toBe(false);
    const refused = answers.filter((a) => a.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(10);
    for (const a of refused) expectTooMany(a);
    expect(answers.slice(0, 10).some((a) => a.json?.code === 'SIGN_IN_THROTTLED')).toBe(true);
    const last = answers[answers.length - 1];
    expect(last.json?.code).toBe('ACCOUNT_LOCKED');
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(60);

    // The lock is the account's, counted in Redis: from another address and on another API
    // process (which has not remembered the operator's earlier login), the right password is refused.
    const other = await createTestApp({
      QUEUE_PREFIX: t.queuePrefix,
      OPERATOR_USERNAME: OPERATOR,
      OPERATOR_PASSWORD_HASH: operatorPasswordHash,
    });
    try {
      await other.app.listen(0, '127.0.0.1');
      const right = await httpFrom(other.app, '127.0.0.22')('GET', '/admin/queues', {
        headers: { Authorization: basic(OPERATOR, OPERATOR_PASSWORD) },
      });
      expectTooMany(right);
      expect(right.json?.code).toBe('ACCOUNT_LOCKED');
    } finally {
      await other.app.close();
      await adminQuery(
        `DROP DATABASE IF EXISTS ${new URL(other.databaseUrl).pathname.slice(1)} WITH (FORCE)`,
      );
    }

    // One address guessing many names is slowed as sign-ins from it are: the address's count is
    // the one the sign-in page uses, so that address's sign-in waits too.
    const guesses: HttpAnswer[] = [];
    for (let i = 0; i < 15; i++) guesses.push(await board('127.0.0.23', `operator-${i}`, 'wrong'));
    expect(guesses.slice(0, 10).every((a) => a.status === 401)).toBe(true);
    expect(guesses.filter((a) => a.status === 429).length).toBeGreaterThanOrEqual(3);
    for (const a of guesses.filter((g) => g.status === 429)) expectTooMany(a);
    const signInThere = await apiSignIn(httpFrom(t.app, '127.0.0.23'), {
      organisation: w.org.code,
      username: w.people.clerk.username,
      password: TEST_PASSWORD,
    });
    expectTooMany(signInThere);
  });
});
