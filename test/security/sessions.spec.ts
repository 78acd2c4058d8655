import { createHash } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TEST_PASSWORD, type World } from '../utils/factories';
import type { TestApp } from '../utils/test-app';
import { startAppWithWorld } from '../utils/app-world';
import { startTestWorker } from '../utils/test-worker';
import { waitFor } from '../utils/wait-for';
import { CookieJar, csrfTokenOf, formBody, httpFrom, type HttpAnswer, apiSignIn } from '../utils/web-session';

const SITE = 'http://localhost:3000';

const hashOf = (token: string): string => createHash('sha256').update(token).digest('hex');

interface SignedIn {
  token: string;
  jar: CookieJar;
}

/**
 * Issue 11, finding 8: expired sessions were never deleted and `GET /app/logout` was 404. Sessions
 * now end after SESSION_IDLE_MINUTES unused and SESSION_TTL_HOURS in all; the worker's maintenance
 * scheduler deletes the ended rows; a person sees their sessions and ends any of them.
 */
describe('sessions (issue 11, finding 8)', () => {
  let t: TestApp;
  let db: DataSource;
  let w: World;

  beforeAll(async () => ({ t, db, w } = await startAppWithWorld({ listen: true })));
  afterAll(() => t?.close());

  const web = (from = '127.0.0.1') => httpFrom(t.app, from);

  async function signInAs(
    username: string,
    userAgent = 'Mozilla/5.0 (X11; Linux x86_64) OfficePC/1',
    from = '127.0.0.1',
  ): Promise<SignedIn> {
    const res = await apiSignIn(
      web(from),
      { organisation: w.org.code, username, password: TEST_PASSWORD },
      { 'User-Agent': userAgent },
    );
    expect(res.status).toBe(200);
    const jar = new CookieJar();
    jar.store(res.headers);
    return { token: (res.json as unknown as { token: string }).token, jar };
  }

  const me = (s: SignedIn): Promise<HttpAnswer> =>
    web()('GET', '/auth/me', { headers: { Authorization: `Bearer ${s.token}` } });

  async function page(s: SignedIn, url: string): Promise<HttpAnswer> {
    const res = await web()('GET', url, { headers: { Cookie: s.jar.header() ?? '' } });
    s.jar.store(res.headers);
    return res;
  }

  async function postForm(s: SignedIn, url: string, token: string | undefined): Promise<HttpAnswer> {
    const res = await web()('POST', url, {
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: SITE,
        Cookie: s.jar.header() ?? '',
      },
      body: formBody(token ? { _csrf: token } : {}),
    });
    s.jar.store(res.headers);
    return res;
  }

  it('GET /app/logout ends the session and goes to the sign-in page', async () => {
    const s = await signInAs(w.people.author.username);
    const res = await page(s, '/app/logout');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/app/login?org=${w.org.code}`);
    expect(s.jar.get('saraban_session')).toBeUndefined();
    expect((await me(s)).status).toBe(401);
    // Without a session it still lands on the sign-in page.
    const again = await web()('GET', '/app/logout');
    expect(again.status).toBe(303);
    expect(again.headers.location).toMatch(/^\/app\/login/);
  });

  it('the sign-out button of every page (POST /app/logout) ends the session', async () => {
    const s = await signInAs(w.people.author.username);
    const home = await page(s, '/app');
    expect(home.text).toContain('action="/app/logout"');
    const res = await postForm(s, '/app/logout', csrfTokenOf(home.text));
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/app/login?org=${w.org.code}`);
    expect((await me(s)).status).toBe(401);
  });

  it('a session unused for SESSION_IDLE_MINUTES ends; one past SESSION_TTL_HOURS ends however busy', async () => {
    const idle = await signInAs(w.people.head.username);
    const old = await signInAs(w.people.head.username);
    expect((await me(idle)).status).toBe(200);
    await db.query(`UPDATE sessions SET last_used_at = now() - interval '31 minutes' WHERE token_hash = $1`, [
      hashOf(idle.token),
    ]);
    await db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [
      hashOf(old.token),
    ]);
    expect((await me(idle)).status).toBe(401);
    expect((await me(old)).status).toBe(401);

    // A session in use is kept alive: its last use moves forward (written at most once a minute).
    const busy = await signInAs(w.people.head.username);
    await db.query(`UPDATE sessions SET last_used_at = now() - interval '29 minutes' WHERE token_hash = $1`, [
      hashOf(busy.token),
    ]);
    expect((await me(busy)).status).toBe(200);
    const rows: { idle: number }[] = await db.query(
      `SELECT extract(epoch FROM now() - last_used_at)::int AS idle FROM sessions WHERE token_hash = $1`,
      [hashOf(busy.token)],
    );
    expect(rows[0].idle).toBeLessThan(5);
  });

  it('the worker deletes ended sessions on its maintenance schedule', async () => {
    const person = w.people.clerk;
    await signInAs(person.username);
    await signInAs(person.username);
    const live = await signInAs(person.username);
    await db.query(
      `UPDATE sessions SET expires_at = now() - interval '1 hour' WHERE id = (
        SELECT id FROM sessions WHERE person_id = $1 ORDER BY created_at LIMIT 1)`,
      [person.id],
    );
    await db.query(
      `UPDATE sessions SET last_used_at = now() - interval '2 hours' WHERE id = (
        SELECT id FROM sessions WHERE person_id = $1 ORDER BY created_at LIMIT 1 OFFSET 1)`,
      [person.id],
    );
    const count = async (): Promise<number> =>
      (
        await db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM sessions WHERE person_id = $1', [
          person.id,
        ])
      )[0].n;
    expect(await count()).toBe(3);

    let worker: INestApplicationContext | undefined;
    try {
      worker = await startTestWorker({ ...t.env, SESSION_CLEANUP_MS: '200' });
      await waitFor(async () => (await count()) === 1, 'the ended sessions to be deleted');
    } finally {
      await worker?.close();
    }
    expect((await me(live)).status).toBe(200);
  });

  it('a person sees their active sessions (created, last used, browser, address) and ends any of them', async () => {
    const person = w.people.mayor;
    const here = await signInAs(person.username, 'Mozilla/5.0 (Windows NT 10.0) MayorDesk/7', '127.0.0.31');
    const phone = await signInAs(
      person.username,
      'Mozilla/5.0 (Linux; Android 14) MayorPhone/2',
      '127.0.0.32',
    );
    const someoneElse = await signInAs(w.people.chief.username, 'Mozilla/5.0 ChiefLaptop/3');

    const list = await page(here, '/app/me/sessions');
    expect(list.status).toBe(200);
    expect(list.text).toContain('MayorDesk/7');
    expect(list.text).toContain('MayorPhone/2');
    expect(list.text).toContain('127.0.0.32');
    expect(list.text).not.toContain('ChiefLaptop/3');
    expect(list.text).toContain('เครื่องนี้');
    const mine = await db.query<{ id: string; user_agent: string }[]>(
      'SELECT id, user_agent FROM sessions WHERE person_id = $1 AND expires_at > now()',
      [person.id],
    );
    const phoneId = mine.find((s) => s.user_agent.includes('MayorPhone'))?.id;
    expect(phoneId).toBeDefined();
    expect(list.text).toContain(`action="/app/me/sessions/${phoneId}/end"`);

    // Someone else's session id: nothing happens to it.
    const chiefId = (
      await db.query<{ id: string }[]>('SELECT id FROM sessions WHERE person_id = $1', [w.people.chief.id])
    )[0].id;
    const token = csrfTokenOf(list.text);
    const refused = await postForm(here, `/app/me/sessions/${chiefId}/end`, token);
    expect(refused.status).toBe(404);
    expect((await me(someoneElse)).status).toBe(200);

    const ended = await postForm(here, `/app/me/sessions/${phoneId}/end`, token);
    expect(ended.status).toBe(303);
    expect(ended.headers.location).toBe('/app/me/sessions?done=session-ended');
    expect((await me(phone)).status).toBe(401);
    expect((await me(here)).status).toBe(200);

    const after = await page(here, '/app/me/sessions?done=session-ended');
    expect(after.text).not.toContain('MayorPhone/2');
    expect(after.text).toContain('ออกจากระบบเครื่องนั้นแล้ว');
  });
});
