import { PDFDocument } from 'pdf-lib';
import { DataSource } from 'typeorm';
import { CertificateService } from '@saraban/certificates';
import { signPdf } from '@saraban/signing';
import { createWorld, type World } from './factories';
import { signInWorld, type SignedInWorld } from './memo-flow';
import { createTestApp, type TestApp } from './test-app';

/**
 * The test app with one fresh world in its database; `listen` also opens it on a loopback port
 * (tests that speak HTTP from a chosen client address).
 */
export async function startAppWithWorld(
  o: { listen?: boolean } = {},
): Promise<{ t: TestApp; db: DataSource; w: World }> {
  const t = await createTestApp();
  if (o.listen) await t.app.listen(0, '127.0.0.1');
  const db = t.app.get(DataSource);
  return { t, db, w: await createWorld(db) };
}

/** A fresh world in the test app whose organisation has a self-signed certificate, everyone signed in. */
export async function certifiedWorld(
  t: TestApp,
): Promise<{ db: DataSource; w: World; tokens: SignedInWorld }> {
  const db = t.app.get(DataSource);
  const w = await createWorld(db);
  await t.app.get(CertificateService).installSelfSigned(w.org.id, w.org.name);
  return { db, w, tokens: await signInWorld(t.app, w) };
}

/** A fresh world whose organisation has a self-signed certificate, and a blank A4 page signed with it. */
export async function worldWithSignedPage(
  t: TestApp,
): Promise<{ db: DataSource; w: World; signed: { pdf: Buffer; sha256: string } }> {
  const db = t.app.get(DataSource);
  const w = await createWorld(db);
  const certificates = t.app.get(CertificateService);
  await certificates.installSelfSigned(w.org.id, w.org.name);
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]);
  const signed = await signPdf(
    Buffer.from(await doc.save({ useObjectStreams: false })),
    await certificates.identity(w.org.id),
  );
  return { db, w, signed };
}

/** The test app with two fresh worlds in its database: `w`, and `other` (another organisation). */
export async function startAppWithTwoWorlds(): Promise<{
  t: TestApp;
  db: DataSource;
  w: World;
  other: World;
}> {
  const t = await createTestApp();
  const db = t.app.get(DataSource);
  const w = await createWorld(db);
  return { t, db, w, other: await createWorld(db) };
}
