import request from 'supertest';
import { DataSource } from 'typeorm';
import { createWorld, signIn, TEST_PASSWORD } from '../utils/factories';
import { createTestApp, type TestApp } from '../utils/test-app';

type Line = Record<string, unknown>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request logging in the real API', () => {
  const lines: Line[] = [];
  const logDestination = {
    write: (chunk: string) => {
      for (const text of chunk.split('\n').filter(Boolean)) lines.push(JSON.parse(text) as Line);
    },
  };
  const requestLine = async (reqId: string): Promise<Line> => {
    const deadline = Date.now() + 5000;
    for (;;) {
      const found = lines.find((l) => l.reqId === reqId && typeof l.status === 'number');
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no request line for ${reqId}`);
      await new Promise((r) => setImmediate(r));
    }
  };

  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: 'info' }, { logDestination });
  });
  afterAll(() => t.close());

  it('answers every request with an X-Request-Id and logs it once, without query, body or credentials', async () => {
    const w = await createWorld(t.app.get(DataSource));
    const token = await signIn(t.app, w.org, w.people.author);

    const me = await request(t.app.getHttpServer())
      .get('/auth/me?view=full')
      .set('Authorization', `Bearer ${token}`)
      .set('X-Request-Id', 'trace-42')
      .expect(200);
    expect(me.headers['x-request-id']).toBe('trace-42');
    expect(await requestLine('trace-42')).toMatchObject({
      level: 'info',
      service: 'saraban-api',
      msg: 'request completed',
      method: 'GET',
      path: '/auth/me',
      status: 200,
    });
    expect(lines.filter((l) => l.reqId === 'trace-42' && 'status' in l)).toHaveLength(1);

    const probe = await request(t.app.getHttpServer())
      .get('/health/live')
      .set('X-Request-Id', 'x'.repeat(65))
      .expect(200);
    expect(probe.headers['x-request-id']).toMatch(UUID);

    const missing = await request(t.app.getHttpServer()).get('/no-such-thing').expect(404);
    expect(missing.headers['x-request-id']).toMatch(UUID);
    expect(await requestLine(missing.headers['x-request-id'])).toMatchObject({ status: 404 });

    // Refused by the body parsers, before any Nest middleware: still an id and one line each.
    for (const [body, status] of [
      ['{"organisation": ', 400],
      [JSON.stringify({ password: 'p'.repeat(3_000_000) }), 413],
    ] as const) {
      const refused = await request(t.app.getHttpServer())
        .post('/auth/login?step=1')
        .set('Content-Type', 'application/json')
        .send(body)
        .expect(status);
      const id = refused.headers['x-request-id'];
      expect(id).toMatch(UUID);
      expect(await requestLine(id)).toMatchObject({ method: 'POST', path: '/auth/login', status });
    }

    const logged = JSON.stringify(lines);
    for (const secret of [token, TEST_PASSWORD, 'view=full']) expect(logged).not.toContain(secret);
  });
});
