import { Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentUser, type AuthUser } from '@saraban/auth';

/**
 * A page's own GET route, for a controller that extends `WebPage(path)`: it shows the page as it
 * stands (nothing posted, status 200) with the confirmation a form's redirect named (`?done=`),
 * through the controller's `show`. The controller's other routes post to the same page.
 */
export function WebPage(path = '') {
  abstract class Page {
    @Get(path)
    async page(
      @CurrentUser() user: AuthUser,
      @Query('done') done: unknown,
      @Res() res: Response,
    ): Promise<void> {
      await this.show(res, user, done);
    }

    /** The page with nothing posted: every form empty, status 200. */
    protected abstract show(res: Response, user: AuthUser, done: unknown): Promise<void>;
  }
  return Page;
}
