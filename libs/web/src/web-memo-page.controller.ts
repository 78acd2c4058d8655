import { Controller, Get, Param, ParseUUIDPipe, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, type AuthUser } from '@saraban/auth';
import { OrganisationImagesService } from '@saraban/organisation';
import { DocumentStatusService } from '@saraban/pipeline';
import { MEMO_STATUSES, MemoDraftService } from '@saraban/memo';
import { NotificationInboxService } from '@saraban/notification';
import { WebApproval } from './web-approval.service';
import { WebExceptionFilter } from './web-exception.filter';
import { WebShell } from './web-shell.service';
import { WebViews } from './web-views.service';

/** Reading memos: the writer's list, and one memo's page with what the caller may do on it. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('app/memos')
export class WebMemoPageController {
  constructor(
    private readonly drafts: MemoDraftService,
    private readonly approval: WebApproval,
    private readonly documents: DocumentStatusService,
    private readonly shell: WebShell,
    private readonly views: WebViews,
    private readonly images: OrganisationImagesService,
    private readonly notifications: NotificationInboxService,
  ) {}

  @Get('mine')
  async mine(
    @CurrentUser() user: AuthUser,
    @Query('done') done: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const [list, sent] = await Promise.all([
      this.drafts.list(user, { mine: true, status: [...MEMO_STATUSES], limit: 200 }),
      this.approval.sent(user, { limit: 200 }),
    ]);
    const where = new Map(sent.items.map((s) => [s.memoId, s]));
    const items = list.items.map((m) => {
      const s = where.get(m.id);
      let at: string | null = null;
      if (s?.status === 'in_review' && s.currentStep) at = `อยู่ที่ ${s.currentStep.positionTitle}`;
      else if (s?.status === 'decided' && s.decision) at = `คำสั่ง: ${s.decision.printed}`;
      else if (s?.status === 'returned' && s.returnReason) at = `เหตุผลที่ส่งคืน: ${s.returnReason}`;
      return { ...m, documentNo: s?.documentNo ?? null, where: at };
    });
    const shell = await this.shell.context(user, 'mine', 'บันทึกของฉัน', done);
    const hasSignature = await this.images.hasSignature(user.personId);
    this.views.send(res, 'mine', { ...shell, items, total: list.total, hasSignature });
  }

  @Get(':id')
  async page(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('done') done: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const page = await this.approval.memoPage(user, id);
    const { memo } = page;
    // The reader has seen what their notifications about this memo told them (the page's unread count follows).
    await this.notifications.markMemoRead(user.personId, memo.id);
    const shell = await this.shell.context(user, 'none', memo.subject, done);
    const editable =
      memo.author.id === user.personId && (memo.status === 'draft' || memo.status === 'returned');
    this.views.send(res, 'memo', {
      ...shell,
      ...this.approval.pageContext(user, page),
      editable,
      // Where its signed document stands, once decided (the page checked the caller may read the memo).
      document: memo.status === 'decided' ? await this.documents.forMemo(user.organisationId, memo.id) : null,
      isAdmin: user.roles.includes('admin'),
    });
  }
}
