import type { Response } from 'express';
import { AppException, ErrorCode } from '@saraban/errors';
import { submitForm } from './form-post.util';

function fakeResponse(): { res: Response; redirects: [number, string][] } {
  const redirects: [number, string][] = [];
  const res = {
    redirect: (status: number, location: string) => {
      redirects.push([status, location]);
    },
  } as unknown as Response;
  return { res, redirects };
}

describe('submitForm (a form post: redirect on success, the page again on a refusal)', () => {
  it('sends the browser where the action says, with a 303', async () => {
    const { res, redirects } = fakeResponse();
    const refused = jest.fn();
    await submitForm(res, () => Promise.resolve('/app/me/away?done=declared'), refused);
    expect(redirects).toEqual([[303, '/app/me/away?done=declared']]);
    expect(refused).not.toHaveBeenCalled();
  });

  it('hands a refusal under 500 to the page, without redirecting', async () => {
    const { res, redirects } = fakeResponse();
    const seen: AppException[] = [];
    await submitForm(
      res,
      () => Promise.reject(new AppException(ErrorCode.VersionConflict)),
      (err) => {
        seen.push(err);
      },
    );
    expect(redirects).toEqual([]);
    expect(seen.map((e) => e.status)).toEqual([409]);
  });

  it('lets a server error or a foreign error through to the error filter', async () => {
    const { res, redirects } = fakeResponse();
    const refused = jest.fn();
    await expect(
      submitForm(res, () => Promise.reject(new AppException(ErrorCode.InternalError)), refused),
    ).rejects.toBeInstanceOf(AppException);
    await expect(submitForm(res, () => Promise.reject(new TypeError('boom')), refused)).rejects.toThrow(
      'boom',
    );
    expect(refused).not.toHaveBeenCalled();
    expect(redirects).toEqual([]);
  });
});
