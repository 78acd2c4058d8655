import { randomUUID } from 'node:crypto';
import { Controller, Get, Param, ParseUUIDPipe, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, type AuthUser } from '@saraban/auth';
import { MemoDraftService, missingParts } from '@saraban/memo';
import { WebApproval } from '../web-approval.service';
import { WebExceptionFilter } from '../web-exception.filter';
import { WebShell } from '../web-shell.service';
import { WebViews } from '../web-views.service';
import { WebNumberPreview } from './web-number-preview.service';

/**
 * "ส่งเสนอ" asks first: the page shows the register number the memo is about to take (or keeps,
 * when it is resubmitted), the route it will climb, and what is still missing. Its button posts
 * the submit command (WebApprovalController), so nothing is numbered without this second press.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('app/memos')
export class WebSubmissionController {
  constructor(
    private readonly drafts: MemoDraftService,
    private readonly approval: WebApproval,
    private readonly numbers: WebNumberPreview,
    private readonly shell: WebShell,
    private readonly views: WebViews,
  ) {}

  @Get(':id/submit')
  async confirmPage(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const memo = await this.drafts.get(user, id);
    const state = await this.approval.state(user, id);
    if (memo.author.id !== user.personId || !state.allowedCommands.includes('submit')) {
      res.redirect(303, `/app/memos/${memo.id}`);
      return;
    }
    const resubmit = state.status === 'returned';
    const missing = missingParts(memo);
    const title = resubmit ? 'ยืนยันการส่งเสนอใหม่' : 'ยืนยันการส่งเสนอ';
    const shell = await this.shell.context(user, 'none', title);
    this.views.send(res, 'submit-confirm', {
      ...shell,
      memo,
      resubmit,
      missing,
      // A resubmission keeps the number it took the first time.
      number: resubmit
        ? { documentNo: state.documentNo ?? '', datedOn: null }
        : await this.numbers.next(user),
      route: state.route.map((s) => s.positionTitle),
      version: state.version,
      idempotencyKey: randomUUID(),
    });
  }
}
