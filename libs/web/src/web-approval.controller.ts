import { Body, Controller, Param, ParseUUIDPipe, Post, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { ApprovalCommand } from '@saraban/approval';
import { CurrentUser, type AuthUser } from '@saraban/auth';
import { MemoDraftService } from '@saraban/memo';
import { AcknowledgeForm, DecideForm, EndorseForm, ReasonForm, SubmitForm } from './forms/approval.forms';
import { versionOf } from './forms/attachment.form';
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
    @Body() form: SubmitForm,
    @Res() res: Response,
  ): Promise<void> {
    // A returned memo goes up again with the number it already has: the page says "ส่งเสนอใหม่แล้ว".
    const before = await this.approval.state(user, id);
    const done = before.status === 'returned' ? 'resubmitted' : 'submitted';
    await this.command(res, user, id, { kind: 'submit' }, form, done, form.idempotencyKey);
  }

  @Post('memos/:id/endorse')
  async endorse(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: EndorseForm,
    @Res() res: Response,
  ): Promise<void> {
    await this.command(
      res,
      user,
      id,
      { kind: 'endorse', opinion: form.opinion?.trim() ?? '' },
      form,
      'endorsed',
    );
  }

  @Post('memos/:id/return')
  async giveBack(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: ReasonForm,
    @Res() res: Response,
  ): Promise<void> {
    await this.command(res, user, id, { kind: 'return', reason: form.reason.trim() }, form, 'returned');
  }

  @Post('memos/:id/decide')
  async decide(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: DecideForm,
    @Res() res: Response,
  ): Promise<void> {
    const text = form.text?.trim() || null;
    await this.command(res, user, id, { kind: 'decide', order: form.order, text }, form, 'decided');
  }

  @Post('memos/:id/withdraw')
  async withdraw(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: SubmitForm,
    @Res() res: Response,
  ): Promise<void> {
    await this.command(res, user, id, { kind: 'withdraw' }, form, 'withdrawn');
  }

  @Post('memos/:id/cancel')
  async cancel(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: ReasonForm,
    @Res() res: Response,
  ): Promise<void> {
    await this.command(res, user, id, { kind: 'cancel', reason: form.reason.trim() }, form, 'cancelled');
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

  private async command(
    res: Response,
    user: AuthUser,
    id: string,
    command: ApprovalCommand,
    form: { version?: string },
    done: string,
    key?: string,
  ): Promise<void> {
    // An endorsement may be given without an opinion (the signature block alone); the others need their text.
    const blank =
      ((command.kind === 'return' || command.kind === 'cancel') && !command.reason) ||
      (command.kind === 'decide' && command.order === 'custom' && !command.text);
    if (blank) {
      await this.renderRefusal(res, user, id, 'กรุณากรอกข้อความก่อนกดยืนยัน', 400);
      return;
    }
    try {
      await this.approval.run(user, id, command, versionOf(form), key && key.length <= 200 ? key : undefined);
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
