import {
  Body,
  Controller,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { approvalCommandOf, type ApprovalCommandKind } from '@saraban/approval';
import { CurrentUser, type AuthUser } from '@saraban/auth';
import { MemoDraftService } from '@saraban/memo';
import { AcknowledgeForm, readCommandForm } from './forms/approval.forms';
import { WebApproval, isShowableRefusal } from './web-approval.service';
import { WebExceptionFilter } from './web-exception.filter';
import { WebShell } from './web-shell.service';
import { WebViews } from './web-views.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The commands a memo page posts as a plain form, and the word its page says afterwards. */
const DONE = {
  submit: 'submitted',
  endorse: 'endorsed',
  return: 'returned',
  decide: 'decided',
  withdraw: 'withdrawn',
  cancel: 'cancelled',
} as const satisfies Partial<Record<ApprovalCommandKind, string>>;
const WEB_COMMANDS = Object.keys(DONE) as (keyof typeof DONE)[];

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

  /**
   * submit, endorse, return, decide, withdraw, cancel: the command named by the path's last
   * segment, its body read with the API's schema and made a command by the API's mapping.
   */
  @Post(WEB_COMMANDS.map((kind) => `memos/:id/${kind}`))
  async command(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() posted: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const kind = WEB_COMMANDS.find((k) => req.path.endsWith(`/${k}`));
    if (!kind) throw new NotFoundException();
    let done: string = DONE[kind];
    // A returned memo goes up again with the number it already has: the page says "ส่งเสนอใหม่แล้ว".
    if (kind === 'submit' && (await this.approval.state(user, id)).status === 'returned')
      done = 'resubmitted';
    const form = readCommandForm(kind, posted);
    if (!form.ok) {
      await this.renderRefusal(res, user, id, form.problem, 400);
      return;
    }
    try {
      await this.approval.run(
        user,
        id,
        approvalCommandOf(kind, form.body),
        form.body.version,
        form.idempotencyKey,
      );
      res.redirect(303, `/app/memos/${id}?done=${done}`);
    } catch (err) {
      if (!isShowableRefusal(err)) throw err;
      await this.renderRefusal(res, user, id, err.message, err.status);
    }
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
