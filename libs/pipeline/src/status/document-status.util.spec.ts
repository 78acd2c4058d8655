import type { DecidedDocumentRow } from './document-status.repository';
import { documentStateOf, documentStatusOf } from './document-status.util';

const decidedAt = new Date('2026-11-20T03:00:00Z');
const failedAt = new Date('2026-11-20T03:05:00Z');

function row(overrides: Partial<DecidedDocumentRow> = {}): DecidedDocumentRow {
  return {
    memoId: '5b0c2f0e-0000-4000-8000-000000000001',
    memoVersion: 7,
    subject: 'รายงานผล',
    documentNo: 'นพ ๗๑๕๐๑/๒',
    decidedAt,
    shouldPublish: true,
    organisationCode: 'khampee',
    documentStage: null,
    verificationCode: null,
    signedAt: null,
    publicationId: null,
    publicationStatus: null,
    publishedAt: null,
    failureReason: null,
    failureAttempts: null,
    failureSetAsideAt: null,
    failureNextRetryAt: null,
    failureLastFailedAt: null,
    ...overrides,
  };
}

const signed = { documentStage: 'signed' as const, verificationCode: 'PQRST23456', signedAt: failedAt };
const failing = { failureReason: 'สร้างไฟล์ PDF ไม่สำเร็จ', failureAttempts: 3, failureLastFailedAt: failedAt };

describe('documentStatusOf', () => {
  it('is producing until signed, with the retrying failure when there is one', () => {
    expect(documentStatusOf(row())).toMatchObject({ state: 'producing', retrying: null, failure: null });
    expect(
      documentStatusOf(row({ documentStage: 'rendered', verificationCode: 'PQRST23456' })),
    ).toMatchObject({
      state: 'producing',
      verificationCode: null,
    });
    expect(documentStatusOf(row(failing))).toMatchObject({
      state: 'producing',
      retrying: { reason: 'สร้างไฟล์ PDF ไม่สำเร็จ', attempts: 3 },
    });
  });

  it('is publishing when signed and due on the portal, signed when not for publication', () => {
    expect(documentStatusOf(row(signed))).toMatchObject({
      state: 'publishing',
      verificationCode: 'PQRST23456',
      verifyUrl: '/verify/PQRST23456',
    });
    expect(documentStatusOf(row({ ...signed, shouldPublish: false }))).toMatchObject({ state: 'signed' });
  });

  it('is published with its portal page, PDF and verification code', () => {
    const status = documentStatusOf(
      row({ ...signed, publicationId: 'p-1', publicationStatus: 'published', publishedAt: failedAt }),
    );
    expect(status).toMatchObject({
      state: 'published',
      verificationCode: 'PQRST23456',
      publication: {
        id: 'p-1',
        portalUrl: '/p/khampee/documents/p-1',
        pdfUrl: '/public/khampee/documents/p-1/pdf',
      },
    });
  });

  it('is failed once set aside: retried automatically at its time, or waiting for an administrator', () => {
    const retryAt = new Date('2026-11-20T03:10:00Z');
    const aside = { ...failing, failureSetAsideAt: failedAt };
    expect(documentStatusOf(row({ ...aside, failureNextRetryAt: retryAt }))).toMatchObject({
      state: 'failed',
      retrying: null,
      failure: { reason: 'สร้างไฟล์ PDF ไม่สำเร็จ', failedAt, next: 'automatic_retry', nextRetryAt: retryAt },
    });
    expect(documentStatusOf(row({ ...signed, ...aside }))).toMatchObject({
      state: 'failed',
      failure: { next: 'administrator', nextRetryAt: null },
    });
  });
});

describe('documentStateOf (the rule the counts share with documentStatusOf)', () => {
  it('published first, then set aside, then by signature and publication', () => {
    const f = { signed: true, published: true, setAside: true, shouldPublish: true };
    expect(documentStateOf(f)).toBe('published');
    expect(documentStateOf({ ...f, published: false })).toBe('failed');
    expect(documentStateOf({ ...f, published: false, setAside: false })).toBe('publishing');
    expect(documentStateOf({ ...f, published: false, setAside: false, shouldPublish: false })).toBe('signed');
    expect(documentStateOf({ signed: false, published: false, setAside: false, shouldPublish: true })).toBe(
      'producing',
    );
  });
});
