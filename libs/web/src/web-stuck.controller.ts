import { Body, Controller, Param, ParseUUIDPipe, Post, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles, type AuthUser } from '@saraban/auth';
import { OrganisationDirectoryService } from '@saraban/organisation';
import { DocumentStatusService } from '@saraban/pipeline';
import { readCommandForm } from './forms/approval.forms';
import { WebApproval, isShowableRefusal } from './web-approval.service';
import { WebPage } from './web-page.mixin';
import { WebExceptionFilter } from './web-exception.filter';
import { WebShell } from './web-shell.service';
import { WebViews } from './web-views.service';

/** "N นาที" (or seconds, for a threshold under a minute). */
function durationLabel(ms: number): string {
  return ms >= 60_000 ? `${Math.round(ms / 60_000)} นาที` : `${Math.round(ms / 1000)} วินาที`;
}

/**
 * Memos waiting at a step nobody may act on today (the clerk or administrator hands the step to
 * another post), and decided memos whose signed document is overdue.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Roles('clerk', 'admin')
@Controller('app/stuck')
export class WebStuckController extends WebPage() {
  constructor(
    private readonly approval: WebApproval,
    private readonly directory: OrganisationDirectoryService,
    private readonly documents: DocumentStatusService,
    private readonly shell: WebShell,
    private readonly views: WebViews,
  ) {
    super();
  }

  protected show(res: Response, user: AuthUser, done: unknown): Promise<void> {
    return this.render(res, user, null, done, 200);
  }

  @Post(':id/reroute')
  async reroute(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() posted: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const form = readCommandForm('reroute', posted);
    if (!form.ok) {
      await this.render(res, user, form.problem, undefined, 400);
      return;
    }
    const { positionId, note, version } = form.body;
    try {
      await this.approval.run(user, id, { kind: 'reroute', positionId, note }, version);
      res.redirect(303, '/app/stuck?done=rerouted');
    } catch (err) {
      if (!isShowableRefusal(err)) throw err;
      await this.render(res, user, err.message, undefined, err.status);
    }
  }

  private async render(
    res: Response,
    user: AuthUser,
    error: string | null,
    done: unknown,
    status: number,
  ): Promise<void> {
    const [stuck, d, overdue] = await Promise.all([
      this.approval.stuck(user),
      this.directory.directory(user.organisationId),
      this.documents.overdue(user.organisationId),
    ]);
    const positions = d.positions.filter((p) => p.active).map((p) => ({ id: p.id, title: p.title }));
    const shell = await this.shell.context(
      user,
      user.roles.includes('admin') ? 'admin' : 'register',
      'บันทึกที่ค้าง',
      done,
    );
    this.views.send(
      res,
      'stuck',
      {
        ...shell,
        error,
        stuckUrl: '/app/stuck',
        items: stuck.items.map((i) => ({
          ...i,
          reasonLabel:
            i.reason === 'author_only' ? 'ผู้ดำรงตำแหน่งเป็นผู้เขียนบันทึกเอง' : 'ไม่มีผู้ดำรงตำแหน่งหรือผู้รักษาราชการแทน',
          positions,
        })),
        overdue: overdue.items,
        overdueAfter: durationLabel(overdue.overdueAfterMs),
        isAdmin: user.roles.includes('admin'),
      },
      status,
    );
  }
}
