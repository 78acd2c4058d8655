import { Controller, Get, Param, ParseUUIDPipe, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, type AuthUser } from '@saraban/auth';
import { NotificationInboxService } from '@saraban/notification';
import { WebExceptionFilter } from './web-exception.filter';
import { WebShell } from './web-shell.service';
import { WebViews } from './web-views.service';

/** My notifications: the list, opening one (marks it read, goes to the memo), marking read. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('app/notifications')
export class WebNotificationsController {
  constructor(
    private readonly notifications: NotificationInboxService,
    private readonly shell: WebShell,
    private readonly views: WebViews,
  ) {}

  @Get()
  async list(
    @CurrentUser() user: AuthUser,
    @Query('unread') unread: unknown,
    @Query('done') done: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const unreadOnly = unread === '1';
    const [shell, list] = await Promise.all([
      this.shell.context(user, 'notifications', 'การแจ้งเตือน', done),
      this.notifications.list(user.personId, { limit: 100, unreadOnly }),
    ]);
    this.views.send(res, 'notifications', { ...shell, ...list, unreadOnly });
  }

  /** The list links here: the notification is read, and the memo opens. */
  @Get(':id/open')
  async open(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const item = await this.notifications.open(user.personId, id);
    res.redirect(303, item.memoId ? `/app/memos/${item.memoId}` : '/app/notifications');
  }

  @Post(':id/read')
  async read(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() res: Response,
  ): Promise<void> {
    await this.notifications.markRead(user.personId, id);
    res.redirect(303, '/app/notifications?done=notifications-read');
  }

  @Post('read-all')
  async readAll(@CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    await this.notifications.markAllRead(user.personId);
    res.redirect(303, '/app/notifications?done=notifications-read');
  }
}
