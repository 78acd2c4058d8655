import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { createWorld, TEST_PASSWORD, type World } from '../utils/factories';
import { createTestApp, type TestApp } from '../utils/test-app';
import { startAppWithWorld } from '../utils/app-world';
import { apiSignIn, CookieJar, csrfTokenOf, formSignIn, httpFrom } from '../utils/web-session';
import type { HttpAnswer } from '../utils/web-session';

/** The directives of a Content-Security-Policy header, by name. */
function directives(csp: string | string[] | undefined): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of String(csp ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values);
  }
  return map;
}

function setCookies(res: HttpAnswer): string[] {
  const raw = res.headers['set-cookie'];
  return Array.isArray(raw) ? raw : raw ? [raw] : [];
}

/**
 * Issue 11, finding 6: no CSP, frame protection, nosniff or Referrer-Policy on any page,
 * `X-Powered-By: Express`, and a session cookie never `Secure`.
 */
describe('security headers and cookies (issue 11, finding 6)', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => ({ t, w } = await startAppWithWorld({ listen: true })));
  afterAll(() => t?.close());

  it('pages carry a CSP without inline script, frame-ancestors none, nosniff and a Referrer-Policy; no X-Powered-By, no HSTS over http', async () => {
    for (const url of ['/app/login', '/verify', `/p/${w.org.code}`, '/app/nowhere']) {
      const res = await httpFrom(t.app)('GET', url);
      expect(res.status).toBeLessThan(500);
      const csp = directives(res.headers['content-security-policy']);
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('style-src')).toEqual(["'self'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('form-action')).toEqual(["'self'"]);
      expect(csp.has('upgrade-insecure-requests')).toBe(false);
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('the JSON API and the documents carry them too', async () => {
    const res = await httpFrom(t.app)('GET', '/health/live');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(directives(res.headers['content-security-policy']).get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('the session cookie is HttpOnly and SameSite=Strict, not Secure over http', async () => {
    const res = await apiSignIn(httpFrom(t.app), {
      organisation: w.org.code,
      username: w.people.author.username,
      password: TEST_PASSWORD,
    });
    expect(res.status).toBe(200);
    const session = setCookies(res).find((c) => c.startsWith('saraban_session='));
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Strict/i);
    expect(session).not.toMatch(/Secure/i);
  });

  it('with an https PUBLIC_BASE_URL: HSTS, and every cookie Secure (API and sign-in page)', async () => {
    const site = 'https://saraban.example.go.th';
    const https = await createTestApp({ PUBLIC_BASE_URL: site });
    try {
      await https.app.listen(0, '127.0.0.1');
      const hw = await createWorld(https.app.get(DataSource));
      const http = httpFrom(https.app);
      const page = await http('GET', '/app/login');
      expect(page.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
      expect(directives(page.headers['content-security-policy']).has('upgrade-insecure-requests')).toBe(true);

      const hwAuthor = {
        organisation: hw.org.code,
        username: hw.people.author.username,
        password: TEST_PASSWORD,
      };
      const api = await apiSignIn(http, hwAuthor);
      expect(api.status).toBe(200);
      expect(setCookies(api).find((c) => c.startsWith('saraban_session='))).toMatch(/;\s*Secure/i);

      const jar = new CookieJar();
      jar.store(page.headers);
      for (const cookie of setCookies(page)) expect(cookie).toMatch(/;\s*Secure/i);
      const token = csrfTokenOf(page.text);
      const form = await formSignIn(http, hwAuthor, token, {
        Origin: site,
        ...(jar.header() ? { Cookie: jar.header() ?? '' } : {}),
      });
      expect(form.status).toBe(303);
      const cookies = setCookies(form);
      expect(cookies.find((c) => c.startsWith('saraban_session='))).toMatch(/;\s*Secure/i);
    } finally {
      await https.close();
    }
  });

  it('the templates have no inline script, no on* handlers and no style attributes (the CSP would refuse them)', () => {
    const root = path.join(__dirname, '../../templates/web');
    const offenders: string[] = [];
    for (const dir of ['pages', 'partials']) {
      for (const file of readdirSync(path.join(root, dir))) {
        const source = readFileSync(path.join(root, dir, file), 'utf8');
        for (const tag of source.matchAll(/<script\b[^>]*>/g)) {
          if (!/\ssrc=/.test(tag[0])) offenders.push(`${dir}/${file}: ${tag[0]}`);
        }
        for (const attr of source.matchAll(/<[a-z][^>]*\s(on[a-z]+|style)\s*=/gi)) {
          offenders.push(`${dir}/${file}: ${attr[1]}=`);
        }
        if (/<style\b/i.test(source)) offenders.push(`${dir}/${file}: <style>`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
