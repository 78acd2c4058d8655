import { AppException, ErrorCode } from '@saraban/errors';
import { DocumentStep } from '../jobs/document-job';
import { failureCause } from './failure-cause.util';

describe('failureCause', () => {
  it('keeps the real cause under the Thai message of a render failure', () => {
    const chromium = new Error('Protocol error (Page.printToPDF): Target closed');
    const err = Object.assign(
      new AppException(ErrorCode.DocumentRenderFailed, { reason: 'render timed out after 30000 ms' }),
      {
        cause: chromium,
      },
    );
    const c = failureCause(DocumentStep.Render, err);
    expect(c).toMatchObject({ errorCode: 'DOCUMENT_RENDER_FAILED', permanent: false });
    expect(c.reason).toBe('สร้างไฟล์ PDF ไม่สำเร็จ กรุณาลองใหม่อีกครั้ง');
    expect(c.cause).toContain('Target closed');
    expect(c.cause).toContain('render timed out after 30000 ms');
  });

  it('sets a document past the print limits aside for a person at once', () => {
    const err = new AppException(ErrorCode.DocumentTooLarge, { limit: 'tableCells' }, 'เอกสารใหญ่เกิน');
    expect(failureCause(DocumentStep.Render, err)).toMatchObject({
      errorCode: 'DOCUMENT_TOO_LARGE',
      permanent: true,
    });
  });

  it('names the stage in Thai for an error of no known kind', () => {
    const c = failureCause(DocumentStep.Sign, new Error('connection terminated'));
    expect(c).toEqual({
      errorCode: 'INTERNAL_ERROR',
      reason: 'ลงลายมือชื่ออิเล็กทรอนิกส์ไม่สำเร็จ',
      cause: 'connection terminated',
      permanent: false,
    });
  });
});
