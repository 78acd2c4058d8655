import type { Response } from 'express';
import { AppException } from '@saraban/errors';

/**
 * A form post's one flow (Post/Redirect/Get): `action` does the work and answers where to go
 * next, which the browser is sent to with a 303. A refusal the person can act on (an
 * AppException under 500: a validation problem, a conflict, a permission) is handed to
 * `refused`, which shows the page again with the message; anything else goes on to the error
 * filter as it is.
 */
export async function submitForm(
  res: Response,
  action: () => Promise<string>,
  refused: (err: AppException) => Promise<void> | void,
): Promise<void> {
  let location: string;
  try {
    location = await action();
  } catch (err) {
    if (!(err instanceof AppException) || err.status >= 500) throw err;
    await refused(err);
    return;
  }
  res.redirect(303, location);
}
