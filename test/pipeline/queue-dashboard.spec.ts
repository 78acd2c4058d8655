import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '../utils/test-app';
import { createWorld, signIn, type World } from '../utils/factories';

describe('queue dashboard and status (admins only)', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t.app.get(DataSource));
  });
  afterAll(() => t.close());

  it('Bull Board answers administrators only', async () => {
    await request(t.app.getHttpServer()).get('/admin/queues').expect(401);
    const officer = await signIn(t.app, w.org, w.people.author);
    await request(t.app.getHttpServer())
      .get('/admin/queues')
      .set('Authorization', `Bearer ${officer}`)
      .expect(403);
    const admin = await signIn(t.app, w.org, w.people.admin);
    const page = await request(t.app.getHttpServer())
      .get('/admin/queues')
      .set('Authorization', `Bearer ${admin}`);
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<html/i);
    const api = await request(t.app.getHttpServer())
      .get('/admin/queues/api/queues')
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(JSON.stringify(api.body)).toContain('documents');
  });

  it('status shows counts and failed jobs of the caller’s organisation; retrying an unknown job is 404', async () => {
    const admin = await signIn(t.app, w.org, w.people.admin);
    const res = await request(t.app.getHttpServer())
      .get('/admin/pipeline')
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(res.body.counts).toMatchObject({ failed: 0, waiting: 0 });
    expect(res.body.failed).toEqual([]);
    await request(t.app.getHttpServer())
      .post('/admin/pipeline/jobs/render.nope.v1/retry')
      .set('Authorization', `Bearer ${admin}`)
      .expect(404);
  });
});
