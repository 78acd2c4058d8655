import { TEST_PASSWORD, type World } from '../utils/factories';
import type { TestApp } from '../utils/test-app';
import { startAppWithWorld } from '../utils/app-world';
import {
  apiSignIn,
  CookieJar,
  csrfTokenOf,
  formSignIn,
  httpFrom,
  type SignInFields,
} from '../utils/web-session';
import type { HttpAnswer } from '../utils/web-session';

/**
 * Issue 12 (one schema per input): the API's POST /auth/login and the sign-in page read the same
 * fields with one schema (signInSchema). Each refuses what the other refuses, in the same Thai
 * words; the page answers on itself with what was typed kept, and the password is never trimmed.
 */
describe('sign-in input: one schema for the API and the sign-in page', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => ({ t, w } = await startAppWithWorld({ listen: true })));
  afterAll(() => t?.close());

  async function page(fields: SignInFields, from: string): Promise<HttpAnswer> {
    const web = httpFrom(t.app, from);
    const jar = new CookieJar();
    const login = await web('GET', `/app/login?org=${w.org.code}`);
    jar.store(login.headers);
    return formSignIn(web, fields, csrfTokenOf(login.text), {
      Origin: 'http://localhost:3000',
      Cookie: jar.header() ?? '',
    });
  }

  it.each([
    ['a blank user name', { username: '' }, 'กรุณากรอกชื่อผู้ใช้'],
    [
      'an organisation code past 64 characters',
      { organisation: 'k'.repeat(65) },
      'รหัสหน่วยงานยาวเกิน 64 ตัวอักษร',
    ],
    ['a password past 256 characters', { password: 'p'.repeat(257) }, 'รหัสผ่านยาวเกิน 256 ตัวอักษร'],
  ])('%s: the API answers 400 and the page says the same', async (_label, change, words) => {
    const person = w.people.author;
    const fields = {
      organisation: w.org.code,
      username: person.username,
      password: TEST_PASSWORD,
      ...change,
    };
    const api = await apiSignIn(httpFrom(t.app, '127.0.0.41'), fields);
    expect(api.status).toBe(400);
    expect(api.json).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(JSON.stringify(api.json?.details)).toContain(words);

    const web = await page(fields, '127.0.0.42');
    expect(web.status).toBe(400);
    expect(web.text).toContain(words);
    // What was typed stays in the form (never the password).
    expect(web.text).toContain(`value="${fields.organisation}"`);
  });

  it('an unknown field is refused by the API; the password is taken as typed by both', async () => {
    const person = w.people.author;
    const fields = { organisation: w.org.code, username: person.username, password: TEST_PASSWORD };
    const extra = await httpFrom(t.app, '127.0.0.43')('POST', '/auth/login', {
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...fields, remember: true }),
    });
    expect(extra.status).toBe(400);
    expect(extra.json?.details).toEqual([{ field: 'remember', problems: ['ไม่รู้จักช่อง "remember"'] }]);

    const spaced = { ...fields, password: ` ${TEST_PASSWORD} ` };
    expect((await apiSignIn(httpFrom(t.app, '127.0.0.44'), spaced)).status).toBe(401);
    expect((await page(spaced, '127.0.0.45')).status).toBe(401);
    // The organisation and the user name typed with spaces around them are read trimmed by the page.
    const padded = await page(
      { ...fields, organisation: ` ${fields.organisation} `, username: ` ${fields.username}` },
      '127.0.0.46',
    );
    expect(padded.status).toBe(303);
    expect((await apiSignIn(httpFrom(t.app, '127.0.0.47'), fields)).status).toBe(200);
  });
});
