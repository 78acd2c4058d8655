import request from 'supertest';
import { createTestApp, type TestApp } from '../utils/test-app';

describe('request bodies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('a JSON body over the limit answers 413 with a Thai message, not 500', async () => {
    const res = await request(t.app.getHttpServer())
      .post('/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ organisation: 'x', username: 'y', password: 'ก'.repeat(1_100_000) }))
      .expect(413);
    expect(res.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: 'ไฟล์มีขนาดใหญ่เกินกำหนด' });
  });

  it('malformed JSON answers 400', async () => {
    const res = await request(t.app.getHttpServer())
      .post('/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"organisation": ')
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });
});
