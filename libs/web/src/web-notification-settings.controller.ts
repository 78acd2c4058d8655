import { Body, Controller, Post, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, type AuthUser } from '@saraban/auth';
import {
  LineChannelService,
  LineLinkService,
  NOTIFICATION_KIND_LABELS,
  NOTIFICATION_KINDS,
  NotificationPreferencesService,
  notificationInputSchemas,
} from '@saraban/notification';
import { readSchemaForm } from './forms/schema-form.util';

import { WebPage } from './web-page.mixin';
import { WebExceptionFilter } from './web-exception.filter';
import { WebShell } from './web-shell.service';
import { WebViews } from './web-views.service';

/** The preferences form as posted: checkboxes `channels[kind][email|line]=on`, digest and quiet hours as `on`. */
interface NotificationSettingsPost {
  email?: unknown;
  emailDigest?: unknown;
  quietHours?: unknown;
  channels?: Partial<Record<string, Partial<Record<'email' | 'line', unknown>>>> | null;
}

/** The person's notification settings: channels per event, digest, quiet hours, and the LINE link. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('app/me/notifications')
export class WebNotificationSettingsController extends WebPage() {
  constructor(
    private readonly preferences: NotificationPreferencesService,
    private readonly links: LineLinkService,
    private readonly line: LineChannelService,
    private readonly shell: WebShell,
    private readonly views: WebViews,
  ) {
    super();
  }

  protected show(res: Response, user: AuthUser, done: unknown): Promise<void> {
    return this.render(res, user, done, null, null, 200);
  }

  @Post()
  async save(
    @CurrentUser() user: AuthUser,
    @Body() body: NotificationSettingsPost | undefined,
    @Res() res: Response,
  ): Promise<void> {
    // The form's checkboxes ("on" or absent) as the preferences the API takes.
    const posted = body ?? {};
    const given = posted.channels !== null && typeof posted.channels === 'object' ? posted.channels : {};
    const form = readSchemaForm(notificationInputSchemas.preferences, {
      email: posted.email ?? '',
      emailDigest: posted.emailDigest === 'on',
      quietHours: posted.quietHours === 'on',
      channels: NOTIFICATION_KINDS.map((kind) => ({
        kind,
        email: given[kind]?.email === 'on',
        line: given[kind]?.line === 'on',
      })),
    });
    if (!form.ok) {
      await this.render(res, user, null, null, form.problem, 400);
      return;
    }
    await this.preferences.save(user, form.body);
    res.redirect(303, '/app/me/notifications?done=notification-settings');
  }

  /** A new one-time code, shown on the page (not in the address: it would stay in the history). */
  @Post('line/code')
  async code(@CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    const code = await this.links.newCode(user.organisationId, user.personId);
    await this.render(res, user, null, code, null, 200);
  }

  @Post('line/unlink')
  async unlink(@CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    await this.links.unlink(user.personId);
    res.redirect(303, '/app/me/notifications?done=line-unlinked');
  }

  private async render(
    res: Response,
    user: AuthUser,
    done: unknown,
    code: { code: string; expiresAt: Date } | null,
    emailError: string | null,
    status: number,
  ): Promise<void> {
    const [shell, prefs, line, channel] = await Promise.all([
      this.shell.context(user, 'notifications', 'การแจ้งเตือนของฉัน', done),
      this.preferences.get(user.personId),
      this.links.status(user.personId),
      this.line.status(user.organisationId, user.organisationCode),
    ]);
    this.views.send(
      res,
      'notification-settings',
      {
        ...shell,
        prefs,
        line,
        code,
        emailError,
        lineAvailable: channel.configured,
        channels: prefs.channels.map((c) => ({ ...c, label: NOTIFICATION_KIND_LABELS[c.kind] })),
      },
      status,
    );
  }
}
