import { DataSource } from 'typeorm';
import { createPerson, TEST_PASSWORD, type World } from '../utils/factories';
import { createTestApp, type TestApp } from '../utils/test-app';
import { startAppWithWorld } from '../utils/app-world';
import { apiSignIn, CookieJar, csrfTokenOf, formSignIn, httpFrom } from '../utils/web-session';
import type { HttpAnswer } from '../utils/web-session';

const THAI = /[\u0E00-\u0E7F]/;

/**
 * Issue 11, finding 4: 60 wrong passwords went through in 1.2 s with no 429 and no lockout. Failed
 * sign-ins are now counted per account and per client address in Redis (shared by every API
 * process): a few are free, then each must wait longer (429 with Retry-After), then the account or
 * address is locked for a while. Each test comes from its own loopback address.
 */
describe('sign-in throttling (issue 11, finding 4)', () => {
  let t: TestApp;
  let db: DataSource;
  let w: World;

  beforeAll(async () => ({ t, db, w } = await startAppWithWorld({ listen: true })));
  afterAll(() => t?.close());

  const login = (from: string, username: string, password: string): Promise<HttpAnswer> =>
    apiSignIn(httpFrom(t.app, from), { organisation: w.org.code, username, password });

  function expectTooMany(res: HttpAnswer): number {
    expect(res.status).toBe(429);
    expect(res.json).toMatchObject({ statusCode: 429 });
    expect(['SIGN_IN_THROTTLED', 'ACCOUNT_LOCKED']).toContain(res.json?.code);
    expect(res.json?.message).toMatch(THAI);
    const retryAfter = Number(res.headers['retry-after']);
    expect(Number.isInteger(retryAfter) && retryAfter >= 1).toBe(true);
    return retryAfter;
  }

  it('60 wrong passwords for one account: a few answer 401, then 429 with Retry-After, then a lock that refuses the right password too', async () => {
    const person = w.people.author;
    const answers: HttpAnswer[] = [];
    for (let i = 0; i < 60; i++) answers.push(await login('127.0.0.11', person.username, `wrong-${i}`));

    expect(answers.slice(0, 3).map((a) => a.status)).toEqual([401, 401, 401]);
    expect(answers.some((a) => a.status === 200)).toBe(false);
    const refused = answers.filter((a) => a.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(50);
    for (const a of refused) expectTooMany(a);
    // Growing delays come first, the lock by the tenth attempt.
    expect(answers.slice(0, 10).some((a) => a.json?.code === 'SIGN_IN_THROTTLED')).toBe(true);
    const locked = answers.slice(10);
    expect(locked.every((a) => a.json?.code === 'ACCOUNT_LOCKED')).toBe(true);
    expect(Number(locked.at(-1)?.headers['retry-after'])).toBeGreaterThan(60);

    const right = await login('127.0.0.11', person.username, TEST_PASSWORD);
    expectTooMany(right);
    expect(right.json?.code).toBe('ACCOUNT_LOCKED');
    // The lock is this account's: someone else at the same address signs in.
    expect((await login('127.0.0.11', w.people.head.username, TEST_PASSWORD)).status).toBe(200);
  });

  it('wrong passwords for many accounts from one address slow that address, then lock it; other addresses sign in', async () => {
    const answers: HttpAnswer[] = [];
    for (let i = 0; i < 60; i++) answers.push(await login('127.0.0.12', `nobody-${i}`, 'wrong'));

    expect(answers.slice(0, 10).every((a) => a.status === 401)).toBe(true);
    const refused = answers.filter((a) => a.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(40);
    for (const a of refused) expect(expectTooMany(a)).toBeGreaterThanOrEqual(1);
    expect(Number(answers.at(-1)?.headers['retry-after'])).toBeGreaterThan(60);

    const chief = w.people.chief.username;
    expectTooMany(await login('127.0.0.12', chief, TEST_PASSWORD));
    expect((await login('127.0.0.13', chief, TEST_PASSWORD)).status).toBe(200);
  });

  it('a successful sign-in clears the account: three more mistakes are free again', async () => {
    const person = w.people.mayor;
    for (let i = 0; i < 3; i++)
      expect((await login('127.0.0.14', person.username, 'wrong')).status).toBe(401);
    expect((await login('127.0.0.14', person.username, TEST_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 3; i++)
      expect((await login('127.0.0.14', person.username, 'wrong')).status).toBe(401);
  });

  it('is shared through Redis: an account locked on one API process is locked on another', async () => {
    const person = await createPerson(db, w.org);
    for (let i = 0; i < 12; i++) await login('127.0.0.15', person.username, 'wrong');
    const other = await createTestApp({ QUEUE_PREFIX: t.queuePrefix });
    try {
      await other.app.listen(0, '127.0.0.1');
      const res = await apiSignIn(httpFrom(other.app, '127.0.0.16'), {
        organisation: w.org.code,
        username: person.username,
        password: TEST_PASSWORD,
      });
      expectTooMany(res);
      expect(res.json?.code).toBe('ACCOUNT_LOCKED');
    } finally {
      await other.app.close();
    }
  });

  it('the sign-in page tells a locked account in Thai, with 429 and Retry-After', async () => {
    const person = await createPerson(db, w.org);
    const web = httpFrom(t.app, '127.0.0.17');
    const jar = new CookieJar();
    const post = async (password: string): Promise<HttpAnswer> => {
      const page = await web('GET', `/app/login?org=${w.org.code}`, { headers: cookieHeader(jar) });
      jar.store(page.headers);
      const token = csrfTokenOf(page.text);
      const res = await formSignIn(
        web,
        { organisation: w.org.code, username: person.username, password },
        token,
        {
          Origin: 'http://localhost:3000',
          ...cookieHeader(jar),
        },
      );
      jar.store(res.headers);
      return res;
    };
    const first = await post('wrong');
    expect(first.status).toBe(401);
    expect(first.text).toContain('ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง');
    let last = first;
    for (let i = 0; i < 12; i++) last = await post('wrong');
    expect(last.status).toBe(429);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(60);
    expect(last.headers['content-type']).toMatch(/text\/html/);
    expect(last.text).toContain('ถูกระงับการเข้าสู่ระบบชั่วคราว');
    expect(last.text).toMatch(/ลองใหม่ได้อีกครั้งในอีก [0-9]+ นาที/);
    const right = await post(TEST_PASSWORD);
    expect(right.status).toBe(429);
    expect(right.text).toContain('ถูกระงับการเข้าสู่ระบบชั่วคราว');
  });

  it('the public verification upload is limited per address: 429 with Retry-After', async () => {
    const verify = httpFrom(t.app, '127.0.0.18');
    const statuses: number[] = [];
    let refused: HttpAnswer | undefined;
    for (let i = 0; i < 40; i++) {
      const res = await verify('POST', '/public/verify');
      statuses.push(res.status);
      if (res.status === 429) refused ??= res;
    }
    expect(statuses[0]).toBe(400);
    expect(refused).toBeDefined();
    expect(refused?.json).toMatchObject({ statusCode: 429, code: 'TOO_MANY_REQUESTS' });
    expect(refused?.json?.message).toMatch(THAI);
    expect(Number(refused?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // Another address is not affected.
    expect((await httpFrom(t.app, '127.0.0.19')('POST', '/public/verify')).status).toBe(400);
  });
});

function cookieHeader(jar: CookieJar): Record<string, string> {
  const header = jar.header();
  return header ? { Cookie: header } : {};
}
