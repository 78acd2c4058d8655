import { Body, Controller, Param, ParseUUIDPipe, Post, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { ApprovalCommand, ApprovalCommandBody, ApprovalCommandKind } from '@saraban/approval';
import { CurrentUser, type AuthUser } from '@saraban/auth';
import { MemoDraftService } from '@saraban/memo';
import { AcknowledgeForm, readCommandForm, type CommandForm } from './forms/approval.forms';
import { WebApproval, isShowableRefusal } from './web-approval.service';
import { WebExceptionFilter } from './web-exception.filter';
import { WebShell } from './web-shell.service';
import { WebViews } from './web-views.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The approval commands as plain form posts, for browsers without the script (with it, the same
 * forms call the JSON API directly). Each runs one command and comes back to the memo page.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('app')
export class WebApprovalController {
  constructor(
    private readonly approval: WebApproval,
    private readonly drafts: MemoDraftService,
    private readonly shell: WebShell,
    private readonly views: WebViews,
  ) {}

  @Post('memos/:id/submit')
  async submit(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() posted: unknown,
    @Res() res: Response,
  ): Promise<void> {
    // A returned memo goes up again with the number it already has: the page says "ส่งเสนอใหม่แล้ว".
    const before = await this.approval.state(user, id);
    const done = before.status === 'returned' ? 'resubmitted' : 'submitted';
    await this.command(res, user, id, readCommandForm('submit', posted), () => ({ kind: 'submit' }), done);
  }

  @Post('memos/:id/endorse')
  async endorse(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() posted: unknown,
    @Res() res: Response,
  ): Promise<void> {
    await this.command(
      res,
      user,
      id,
      readCommandForm('endorse', posted),
      (b) => ({ kind: 'endorse', opinion: b.opinion ?? '' }),
      'endorsed',
    );
  }

  @Post('memos/:id/return')
  async giveBack(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() posted: unknown,
    @Res() res: Response,
  ): Promise<void> {
    await this.command(
      res,
      user,
      id,
      readCommandForm('return', posted),
      (b) => ({ kind: 'return', reason: b.reason }),
      'returned',
    );
  }

  @Post('memos/:id/decide')
  async decide(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() posted: unknown,
    @Res() res: Response,
  ): Promise<void> {
    await this.command(
      res,
      user,
      id,
      readCommandForm('decide', posted),
      (b) => ({ kind: 'decide', order: b.order, text: b.text || null }),
      'decided',
    );
  }

  @Post('memos/:id/withdraw')
  async withdraw(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() posted: unknown,
    @Res() res: Response,
  ): Promise<void> {
    await this.command(
      res,
      user,
      id,
      readCommandForm('withdraw', posted),
      () => ({ kind: 'withdraw' }),
      'withdrawn',
    );
  }

  @Post('memos/:id/cancel')
  async cancel(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() posted: unknown,
    @Res() res: Response,
  ): Promise<void> {
    await this.command(
      res,
      user,
      id,
      readCommandForm('cancel', posted),
      (b) => ({ kind: 'cancel', reason: b.reason }),
      'cancelled',
    );
  }

  /** "ทราบ" on the ticked memos, one transaction each; what was refused is said on the inbox page. */
  @Post('inbox/acknowledge')
  async acknowledge(
    @CurrentUser() user: AuthUser,
    @Body() form: AcknowledgeForm,
    @Res() res: Response,
  ): Promise<void> {
    const picked = form.only
      ? [form.only]
      : (Array.isArray(form.memoIds) ? form.memoIds : [form.memoIds]).filter(
          (v): v is string => typeof v === 'string' && UUID.test(v),
        );
    const ids = picked.slice(0, 200);
    // Only memos sent for information (เพื่อทราบ) are acknowledged from the list; a request for
    // approval is decided on its own page.
    const purposes = await this.drafts.purposesOf(user.organisationId, ids);
    const acknowledgeable = ids.filter((id) => purposes.get(id) === 'information');
    if (!form.only && form.confirmed !== 'yes') {
      const memos = await Promise.all(acknowledgeable.map((id) => this.drafts.get(user, id)));
      const shell = await this.shell.context(user, 'inbox', 'ยืนยันการลงนาม "ทราบ"');
      this.views.send(res, 'acknowledge-confirm', {
        ...shell,
        memos,
        skipped: ids.length - acknowledgeable.length,
      });
      return;
    }
    let done = 0;
    for (const id of acknowledgeable) {
      try {
        await this.approval.run(user, id, { kind: 'decide', order: 'noted', text: null });
        done += 1;
      } catch (err) {
        if (!isShowableRefusal(err)) throw err;
      }
    }
    res.redirect(303, `/app?done=acknowledged&n=${done}&of=${ids.length}`);
  }

  /** Runs the command the form asked for, or shows the memo page with the form's refusal. */
  private async command<K extends ApprovalCommandKind>(
    res: Response,
    user: AuthUser,
    id: string,
    form: CommandForm<K>,
    toCommand: (body: ApprovalCommandBody<K>) => ApprovalCommand,
    done: string,
  ): Promise<void> {
    if (!form.ok) {
      await this.renderRefusal(res, user, id, form.problem, 400);
      return;
    }
    try {
      await this.approval.run(user, id, toCommand(form.body), form.body.version, form.idempotencyKey);
      res.redirect(303, `/app/memos/${id}?done=${done}`);
    } catch (err) {
      if (!isShowableRefusal(err)) throw err;
      await this.renderRefusal(res, user, id, err.message, err.status);
    }
  }

  private async renderRefusal(
    res: Response,
    user: AuthUser,
    id: string,
    message: string,
    status: number,
  ): Promise<void> {
    const page = await this.approval.memoPage(user, id);
    const shell = await this.shell.context(user, 'none', page.memo.subject);
    this.views.send(
      res,
      'memo',
      { ...shell, ...this.approval.pageContext(user, page), error: message },
      status,
    );
  }
}
