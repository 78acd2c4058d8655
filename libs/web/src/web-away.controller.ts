import { Body, Controller, Param, ParseUUIDPipe, Post, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles, type AuthUser } from '@saraban/auth';
import { AwayService, DecideAwayDto, DeclareAwayDto } from '@saraban/away';
import { submitForm } from './forms/form-post.util';
import { WebAwayPages } from './web-away-pages.service';
import { WebExceptionFilter } from './web-exception.filter';
import { WebPage } from './web-page.mixin';

/** Away and hand-over: my notices with the form (from my page). */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('app/me/away')
export class WebAwayController extends WebPage() {
  constructor(
    private readonly away: AwayService,
    private readonly pages: WebAwayPages,
  ) {
    super();
  }

  protected show(res: Response, user: AuthUser, done: unknown): Promise<void> {
    return this.pages.send('away', res, user, done, null, 200);
  }

  @Post()
  async declare(
    @CurrentUser() user: AuthUser,
    @Body() form: DeclareAwayDto,
    @Res() res: Response,
  ): Promise<void> {
    await submitForm(
      res,
      async () => {
        await this.away.declare(user, form);
        return '/app/me/away?done=declared';
      },
      async (err) => {
        const detail = Array.isArray(err.details)
          ? (err.details as { problems?: string[] }[]).flatMap((d) => d.problems ?? []).join(' ')
          : '';
        await this.pages.send('away', res, user, undefined, detail || err.message, err.status);
      },
    );
  }

  @Post(':id/cancel')
  async cancel(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() res: Response,
  ): Promise<void> {
    await submitForm(
      res,
      async () => {
        await this.away.cancel(user, id);
        return '/app/me/away?done=cancelled';
      },
      (err) => this.pages.send('away', res, user, undefined, err.message, err.status),
    );
  }
}

/** The administrator's approvals of away notices (an approval issues the acting order). */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Roles('admin')
@Controller('app/admin/away')
export class WebAdminAwayController extends WebPage() {
  constructor(
    private readonly away: AwayService,
    private readonly pages: WebAwayPages,
  ) {
    super();
  }

  protected show(res: Response, user: AuthUser, done: unknown): Promise<void> {
    return this.pages.send('admin-away', res, user, done, null, 200);
  }

  @Post(':id/:decision')
  async decide(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('decision') decision: string,
    @Body() form: DecideAwayDto,
    @Res() res: Response,
  ): Promise<void> {
    if (decision !== 'approve' && decision !== 'reject') {
      await this.pages.send('admin-away', res, user, undefined, 'ไม่รู้จักคำสั่งนี้', 404);
      return;
    }
    await submitForm(
      res,
      async () => {
        if (decision === 'approve') await this.away.approve(user, id, form.note);
        else await this.away.reject(user, id, form.note);
        return `/app/admin/away?done=${decision === 'approve' ? 'approved' : 'rejected'}`;
      },
      (err) => this.pages.send('admin-away', res, user, undefined, err.message, err.status),
    );
  }
}
