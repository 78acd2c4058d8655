import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles, type AuthUser } from '@saraban/auth';
import { AwayService, DecideAwayDto, DeclareAwayDto, type AwayNoticeView } from '@saraban/away';
import { ACTING_KIND_LABELS, OrganisationDirectoryService } from '@saraban/organisation';
import { bangkokDateString } from '@saraban/thai-format';
import { submitForm } from './forms/form-post.util';
import { WebExceptionFilter } from './web-exception.filter';
import { WebShell } from './web-shell.service';
import { WebViews } from './web-views.service';

const STATUS_LABELS: Record<AwayNoticeView['status'], string> = {
  pending: 'รอผู้ดูแลระบบอนุมัติ',
  approved: 'อนุมัติแล้ว',
  rejected: 'ไม่อนุมัติ',
  cancelled: 'ยกเลิกแล้ว',
};

const FLASH: Record<string, string> = {
  declared: 'บันทึกการแจ้งไม่อยู่แล้ว',
  cancelled: 'ยกเลิกการแจ้งไม่อยู่แล้ว',
  approved: 'อนุมัติแล้ว ระบบออกคำสั่งให้ปฏิบัติหน้าที่แทน',
  rejected: 'ไม่อนุมัติแล้ว',
};

function shown(n: AwayNoticeView) {
  return {
    ...n,
    statusLabel: STATUS_LABELS[n.status],
    cancellable: n.status === 'pending' || n.status === 'approved',
  };
}

/** Away and hand-over: my notices with the form (from my page), and the administrator's approvals. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('app')
export class WebAwayController {
  constructor(
    private readonly away: AwayService,
    private readonly directory: OrganisationDirectoryService,
    private readonly shell: WebShell,
    private readonly views: WebViews,
  ) {}

  @Get('me/away')
  async page(
    @CurrentUser() user: AuthUser,
    @Query('done') done: unknown,
    @Res() res: Response,
  ): Promise<void> {
    await this.render(res, user, typeof done === 'string' ? done : undefined, null, 200);
  }

  @Post('me/away')
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
        await this.render(res, user, undefined, detail || err.message, err.status);
      },
    );
  }

  @Post('me/away/:id/cancel')
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
      async (err) => {
        await this.render(res, user, undefined, err.message, err.status);
      },
    );
  }

  @Get('admin/away')
  @Roles('admin')
  async adminPage(
    @CurrentUser() user: AuthUser,
    @Query('done') done: unknown,
    @Res() res: Response,
  ): Promise<void> {
    await this.renderAdmin(res, user, typeof done === 'string' ? done : undefined, null, 200);
  }

  @Post('admin/away/:id/:decision')
  @Roles('admin')
  async decide(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('decision') decision: string,
    @Body() form: DecideAwayDto,
    @Res() res: Response,
  ): Promise<void> {
    if (decision !== 'approve' && decision !== 'reject') {
      await this.renderAdmin(res, user, undefined, 'ไม่รู้จักคำสั่งนี้', 404);
      return;
    }
    await submitForm(
      res,
      async () => {
        if (decision === 'approve') await this.away.approve(user, id, form.note);
        else await this.away.reject(user, id, form.note);
        return `/app/admin/away?done=${decision === 'approve' ? 'approved' : 'rejected'}`;
      },
      async (err) => {
        await this.renderAdmin(res, user, undefined, err.message, err.status);
      },
    );
  }

  private async render(
    res: Response,
    user: AuthUser,
    done: string | undefined,
    error: string | null,
    status: number,
  ): Promise<void> {
    const [shell, notices, d] = await Promise.all([
      this.shell.context(user, 'mine', 'แจ้งไม่อยู่และมอบหมายผู้ปฏิบัติหน้าที่แทน'),
      this.away.mine(user),
      this.directory.directory(user.organisationId),
    ]);
    this.views.send(
      res,
      'away',
      {
        ...shell,
        flash: done ? (FLASH[done] ?? null) : shell.flash,
        error,
        today: bangkokDateString(new Date()),
        people: d.people
          .filter((p) => p.active && p.id !== user.personId)
          .map((p) => ({ id: p.id, name: `${p.prefix}${p.fullName}` })),
        kinds: Object.entries(ACTING_KIND_LABELS)
          .filter(([k]) => k !== 'delegated')
          .map(([value, label]) => ({ value, label })),
        notices: notices.map(shown),
      },
      status,
    );
  }

  private async renderAdmin(
    res: Response,
    user: AuthUser,
    done: string | undefined,
    error: string | null,
    status: number,
  ): Promise<void> {
    const [shell, pending] = await Promise.all([
      this.shell.context(user, 'admin', 'อนุมัติการแจ้งไม่อยู่'),
      this.away.pending(user),
    ]);
    this.views.send(
      res,
      'admin-away',
      { ...shell, flash: done ? (FLASH[done] ?? null) : shell.flash, error, notices: pending.map(shown) },
      status,
    );
  }
}
