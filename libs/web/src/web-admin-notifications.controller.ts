import { Body, Controller, Param, ParseUUIDPipe, Post, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles, type AuthUser } from '@saraban/auth';
import { AppException } from '@saraban/errors';
import {
  LineChannelService,
  WEBHOOK_EVENT_TYPES,
  WebhookSubscriptionService,
  notificationInputSchemas,
} from '@saraban/notification';
import { readSchemaForm } from './forms/schema-form.util';
import { WebPage } from './web-page.mixin';
import { WebExceptionFilter } from './web-exception.filter';
import { WebShell } from './web-shell.service';
import { WebViews } from './web-views.service';

const EVENT_LABELS: Record<string, string> = {
  'memo.submitted': 'ส่งเสนอ',
  'memo.endorsed': 'ลงความเห็น',
  'memo.returned': 'ส่งคืนแก้ไข',
  'memo.decided': 'สั่งการ',
  'document.signed': 'ลงลายมือชื่อเอกสาร',
  'document.published': 'เผยแพร่เอกสาร',
};

interface Problems {
  lineError?: string;
  hookError?: string;
  newSecret?: string;
}

/** The admin's notification page: the organisation's LINE OA, webhook subscriptions, the delivery log with replay. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Roles('admin')
@Controller('app/admin/notifications')
export class WebAdminNotificationsController extends WebPage() {
  constructor(
    private readonly line: LineChannelService,
    private readonly webhooks: WebhookSubscriptionService,
    private readonly shell: WebShell,
    private readonly views: WebViews,
  ) {
    super();
  }

  protected show(res: Response, user: AuthUser, done: unknown): Promise<void> {
    return this.render(res, user, done, {}, 200);
  }

  @Post('line')
  async saveLine(
    @CurrentUser() user: AuthUser,
    @Body() posted: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const form = readSchemaForm(notificationInputSchemas.lineChannel, posted);
    if (!form.ok) {
      await this.render(res, user, null, { lineError: form.problem }, 400);
      return;
    }
    await this.line.save(user.organisationId, user.personId, form.body.channelSecret, form.body.accessToken);
    res.redirect(303, '/app/admin/notifications?done=line-saved');
  }

  @Post('line/remove')
  async removeLine(@CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    await this.line.remove(user.organisationId);
    res.redirect(303, '/app/admin/notifications?done=line-removed');
  }

  @Post('webhooks')
  async create(@CurrentUser() user: AuthUser, @Body() posted: unknown, @Res() res: Response): Promise<void> {
    // One checkbox per event type: a string for one, an array for several, absent for none.
    const { events, ...fields } = (posted ?? {}) as Record<string, unknown>;
    const form = readSchemaForm(notificationInputSchemas.webhookSubscription, {
      ...fields,
      events: Array.isArray(events) ? events : events === undefined ? [] : [events],
    });
    if (!form.ok) {
      await this.render(res, user, null, { hookError: form.problem }, 400);
      return;
    }
    try {
      const { secret } = await this.webhooks.create(user.organisationId, user.personId, form.body);
      await this.render(res, user, 'webhook-created', { newSecret: secret }, 200);
    } catch (error) {
      if (!(error instanceof AppException) || error.status >= 500) throw error;
      // The service says why (https only in production, an internal address, a name that does not resolve).
      const details: unknown[] = Array.isArray(error.details) ? (error.details as unknown[]) : [];
      const problems = details.flatMap((d): unknown[] => {
        const list = (d as { problems?: unknown } | null)?.problems;
        return Array.isArray(list) ? (list as unknown[]) : [];
      });
      const hookError = problems.filter((p): p is string => typeof p === 'string').join(' ') || error.message;
      await this.render(res, user, null, { hookError }, 400);
    }
  }

  @Post('webhooks/:id/pause')
  async pause(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() res: Response,
  ): Promise<void> {
    await this.webhooks.setActive(user.organisationId, id, false);
    res.redirect(303, '/app/admin/notifications?done=webhook-updated#webhooks');
  }

  @Post('webhooks/:id/resume')
  async resume(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() res: Response,
  ): Promise<void> {
    await this.webhooks.setActive(user.organisationId, id, true);
    res.redirect(303, '/app/admin/notifications?done=webhook-updated#webhooks');
  }

  @Post('webhooks/:id/delete')
  async remove(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() res: Response,
  ): Promise<void> {
    await this.webhooks.remove(user.organisationId, id);
    res.redirect(303, '/app/admin/notifications?done=webhook-deleted#webhooks');
  }

  @Post('deliveries/:id/replay')
  async replay(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() res: Response,
  ): Promise<void> {
    await this.webhooks.replay(user.organisationId, id);
    res.redirect(303, '/app/admin/notifications?done=webhook-replayed');
  }

  private async render(
    res: Response,
    user: AuthUser,
    done: unknown,
    extra: Problems,
    status: number,
  ): Promise<void> {
    const [shell, line, subscriptions, deliveries] = await Promise.all([
      this.shell.context(user, 'admin', 'การแจ้งเตือนและการส่งเหตุการณ์', done),
      this.line.status(user.organisationId, user.organisationCode),
      this.webhooks.list(user.organisationId),
      this.webhooks.log(user.organisationId, 100),
    ]);
    this.views.send(
      res,
      'admin-notifications',
      {
        ...shell,
        ...extra,
        line,
        subscriptions,
        deliveries,
        eventTypes: WEBHOOK_EVENT_TYPES.map((value) => ({ value, label: EVENT_LABELS[value] ?? value })),
      },
      status,
    );
  }
}
