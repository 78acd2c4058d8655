import request from 'supertest';
import { createTestApp, type TestApp } from './utils/test-app';

describe('health and OpenAPI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('live answers without touching dependencies', async () => {
    await request(t.app.getHttpServer()).get('/health/live').expect(200, { status: 'ok' });
  });

  it('ready checks PostgreSQL and Redis', async () => {
    const res = await request(t.app.getHttpServer()).get('/health/ready').expect(200);
    expect(res.body.info).toEqual({
      postgres: { status: 'up' },
      redis: { status: 'up' },
      // Not started yet: nothing to report, nothing stuck.
      previewRenderer: { status: 'up' },
    });
  });

  it('serves the OpenAPI document', async () => {
    const res = await request(t.app.getHttpServer()).get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/health/ready', '/auth/login']));
  });

  it('rejects an unauthenticated call with a Thai message', async () => {
    const res = await request(t.app.getHttpServer()).get('/auth/me').expect(401);
    expect(res.body).toMatchObject({ code: 'UNAUTHENTICATED', message: 'กรุณาเข้าสู่ระบบ' });
  });
});
