import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { signIn, TEST_PASSWORD, type World } from '../utils/factories';
import type { TestApp } from '../utils/test-app';
import { startAppWithWorld } from '../utils/app-world';
import {
  CookieJar,
  csrfTokenOf,
  formBody,
  httpFrom,
  type HttpAnswer,
  formSignIn,
} from '../utils/web-session';

const SITE = 'http://localhost:3000'; // PUBLIC_BASE_URL's default
const EVIL = 'https://evil.example';

/**
 * Issue 11, finding 5: a form posted from another site with the session cookie created a memo
 * (`POST /app/memos` → 303, `POST /memos` form-encoded → 201); only SameSite stood in the way.
 * Now every cookie-authenticated unsafe request needs the page's token, and a foreign Origin or
 * Referer is refused; bearer tokens are not sent by browsers on their own and work as before.
 */
describe('CSRF (issue 11, finding 5)', () => {
  let t: TestApp;
  let db: DataSource;
  let w: World;

  beforeAll(async () => ({ t, db, w } = await startAppWithWorld({ listen: true })));
  afterAll(() => t?.close());

  const web = () => httpFrom(t.app);

  /** A browser signed in through the sign-in page: its cookies, and the token of the last page it read. */
  async function browserSignedIn(
    username = w.people.author.username,
  ): Promise<{ jar: CookieJar; token: string }> {
    const jar = new CookieJar();
    const page = await web()('GET', `/app/login?org=${w.org.code}`);
    jar.store(page.headers);
    const token = csrfTokenOf(page.text);
    const res = await formSignIn(
      web(),
      { organisation: w.org.code, username, password: TEST_PASSWORD },
      token,
      {
        Origin: SITE,
        Cookie: jar.header() ?? '',
      },
    );
    expect(res.status).toBe(303);
    jar.store(res.headers);
    const compose = await web()('GET', '/app/memos/new', { headers: { Cookie: jar.header() ?? '' } });
    expect(compose.status).toBe(200);
    jar.store(compose.headers);
    return { jar, token: csrfTokenOf(compose.text) ?? '' };
  }

  async function memoCount(subject: string): Promise<number> {
    const rows: { n: number }[] = await db.query('SELECT count(*)::int AS n FROM memos WHERE subject = $1', [
      subject,
    ]);
    return rows[0].n;
  }

  const postForm = (
    url: string,
    jar: CookieJar,
    fields: Record<string, string>,
    extra: Record<string, string> = {},
  ) =>
    web()('POST', url, {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: jar.header() ?? '', ...extra },
      body: formBody(fields),
    });

  function expectRefused(res: HttpAnswer): void {
    expect(res.status).toBe(403);
  }

  it('a form posted from another site with the session cookie creates nothing (web page and API)', async () => {
    const { jar } = await browserSignedIn();
    const subject = 'ข้ามไซต์ ๑';
    expectRefused(await postForm('/app/memos', jar, { subject, op: 'save' }, { Origin: EVIL }));
    const api = await postForm('/memos', jar, { subject }, { Origin: EVIL });
    expectRefused(api);
    expect(api.json).toMatchObject({ statusCode: 403, code: 'CSRF_REJECTED' });
    // A foreign Referer with no Origin (older browsers) is refused too.
    expectRefused(await postForm('/memos', jar, { subject }, { Referer: `${EVIL}/attack.html` }));
    expect(await memoCount(subject)).toBe(0);
  });

  it('with no Origin at all, the session cookie alone is not enough: the token is needed', async () => {
    const { jar, token } = await browserSignedIn();
    const subject = 'ไม่มีโทเค็น';
    const bare = await postForm('/memos', jar, { subject });
    expect(bare.status).toBe(403);
    expect(bare.json?.code).toBe('CSRF_REJECTED');
    const json = await web()('POST', '/memos', {
      headers: { 'Content-Type': 'application/json', Cookie: jar.header() ?? '' },
      body: JSON.stringify({ subject }),
    });
    expect(json.status).toBe(403);
    expect(await memoCount(subject)).toBe(0);

    // As the page's script sends it: the token in X-CSRF-Token.
    const withToken = await web()('POST', '/memos', {
      headers: {
        'Content-Type': 'application/json',
        Cookie: jar.header() ?? '',
        'X-CSRF-Token': token,
        Origin: SITE,
      },
      body: JSON.stringify({ subject }),
    });
    expect(withToken.status).toBe(201);
    expect(await memoCount(subject)).toBe(1);
  });

  it('a web form with its hidden token is accepted, as the browser posts it', async () => {
    const { jar, token } = await browserSignedIn();
    expect(token).not.toBe('');
    const compose = await web()('GET', '/app/memos/new', { headers: { Cookie: jar.header() ?? '' } });
    expect(compose.text).toContain(`<input type="hidden" name="_csrf" value="${token}"`);
    const subject = 'แบบฟอร์มปกติ';
    const res = await postForm('/app/memos', jar, { subject, op: 'save', _csrf: token }, { Origin: SITE });
    expect(res.status).toBe(303);
    expect(await memoCount(subject)).toBe(1);
  });

  it("another session's token does not pass", async () => {
    const a = await browserSignedIn(w.people.author.username);
    const b = await browserSignedIn(w.people.head.username);
    const subject = 'โทเค็นของคนอื่น';
    // B's cookies with A's token (A's csrf cookie too: a token is bound to its own session).
    const mixed = new CookieJar();
    mixed.set('saraban_session', b.jar.get('saraban_session') ?? '');
    for (const name of ['saraban_csrf']) mixed.set(name, a.jar.get(name) ?? '');
    expectRefused(await postForm('/memos', mixed, { subject, _csrf: a.token }, { Origin: SITE }));
    expect(await memoCount(subject)).toBe(0);
  });

  it('bearer tokens work as before, whatever the Origin, and need no token', async () => {
    const bearer = await signIn(t.app, w.org, w.people.author);
    const res = await web()('POST', '/memos', {
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bearer}`, Origin: EVIL },
      body: JSON.stringify({ subject: 'ผ่านโทเค็น' }),
    });
    expect(res.status).toBe(201);
  });

  it('the sign-in form needs its token too (no signing a browser in from another site)', async () => {
    const res = await formSignIn(
      web(),
      { organisation: w.org.code, username: w.people.author.username, password: TEST_PASSWORD },
      undefined,
    );
    expect(res.status).toBe(403);
    expect(res.text).toContain('กรุณาโหลดหน้าใหม่');
  });

  it('every form that posts in templates/web carries the token (a hidden field, or in its address for uploads)', () => {
    const root = path.join(__dirname, '../../templates/web');
    const files = ['pages', 'partials'].flatMap((d) =>
      readdirSync(path.join(root, d)).map((f) => path.join(root, d, f)),
    );
    const missing: string[] = [];
    let forms = 0;
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      for (const [, attributes, inner] of source.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
        if (!attributes.includes('method="post"')) continue;
        forms += 1;
        const ok = attributes.includes('multipart/form-data')
          ? /action="[^"]*_csrf=\{\{@root\.csrfToken\}\}"/.test(attributes)
          : inner.includes('{{> csrf-field}}');
        if (!ok) missing.push(`${path.relative(root, file)}: <form${attributes.slice(0, 80)}>`);
      }
    }
    expect(forms).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });
});
