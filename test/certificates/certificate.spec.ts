import request from 'supertest';
import { DataSource } from 'typeorm';
import { CertificateService } from '@saraban/certificates';
import { createSelfSignedP12 } from '@saraban/signing';
import type { TestApp } from '../utils/test-app';
import { startAppWithTwoWorlds } from '../utils/app-world';
import { signIn, type World } from '../utils/factories';

describe('organisation certificates', () => {
  let t: TestApp;
  let db: DataSource;
  let w: World;
  let other: World;
  const p12 = createSelfSignedP12({
    commonName: 'อบต.ทดสอบ',
    organisation: 'อบต.ทดสอบ',
    password: 'p12-รหัส',
  });

  beforeAll(async () => ({ t, db, w, other } = await startAppWithTwoWorlds()));
  afterAll(() => t.close());

  it('an admin installs a PKCS#12; it is stored sealed and opens for signing', async () => {
    const admin = await signIn(t.app, w.org, w.people.admin);
    await request(t.app.getHttpServer())
      .get('/admin/certificate')
      .set('Authorization', `Bearer ${admin}`)
      .expect(409);
    const res = await request(t.app.getHttpServer())
      .post('/admin/certificate')
      .set('Authorization', `Bearer ${admin}`)
      .field('password', 'p12-รหัส')
      .attach('file', p12, 'org.p12')
      .expect(201);
    expect(res.body).toMatchObject({ selfSigned: true });
    expect(res.body.subject).toContain('อบต.ทดสอบ');
    expect(JSON.stringify(res.body)).not.toMatch(/sealed|password/);
    const [row] = await db.query('SELECT sealed FROM organisation_certificates WHERE organisation_id = $1', [
      w.org.id,
    ]);
    expect((row.sealed as Buffer).includes(p12.subarray(0, 64))).toBe(false);
    expect((row.sealed as Buffer).includes(Buffer.from('p12-รหัส'))).toBe(false);
    const identity = await t.app.get(CertificateService).identity(w.org.id);
    expect(identity.certificate.fingerprint256).toBe(res.body.fingerprint);
  });

  it('a wrong password or a file that is not a PKCS#12 is refused clearly', async () => {
    const admin = await signIn(t.app, w.org, w.people.admin);
    const wrong = await request(t.app.getHttpServer())
      .post('/admin/certificate')
      .set('Authorization', `Bearer ${admin}`)
      .field('password', 'wrong')
      .attach('file', p12, 'org.p12');
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('SIGNING_CERTIFICATE_INVALID');
    await request(t.app.getHttpServer())
      .post('/admin/certificate')
      .set('Authorization', `Bearer ${admin}`)
      .field('password', 'x')
      .attach('file', Buffer.from('not a p12'), 'org.p12')
      .expect(422);
  });

  it('only the organisation admin sees or changes it', async () => {
    const officer = await signIn(t.app, w.org, w.people.author);
    await request(t.app.getHttpServer())
      .get('/admin/certificate')
      .set('Authorization', `Bearer ${officer}`)
      .expect(403);
    const otherAdmin = await signIn(t.app, other.org, other.people.admin);
    await request(t.app.getHttpServer())
      .get('/admin/certificate')
      .set('Authorization', `Bearer ${otherAdmin}`)
      .expect(409);
  });
});
