import { Controller, Param, ParseIntPipe, ParseUUIDPipe, Post, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles, type AuthUser } from '@saraban/auth';
import { DocumentStatusService } from '@saraban/pipeline';
import { WebPage } from './web-page.mixin';
import { WebExceptionFilter } from './web-exception.filter';
import { WebShell } from './web-shell.service';
import { WebViews } from './web-views.service';

/** The administrator's list of documents that failed to appear, with their cause, and a button to try again now. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Roles('admin')
@Controller('app/admin/documents')
export class WebDocumentsController extends WebPage() {
  constructor(
    private readonly documents: DocumentStatusService,
    private readonly shell: WebShell,
    private readonly views: WebViews,
  ) {
    super();
  }

  protected async show(res: Response, user: AuthUser, done: unknown): Promise<void> {
    const [failures, shell] = await Promise.all([
      this.documents.failures(user.organisationId),
      this.shell.context(user, 'admin', 'เอกสารที่จัดทำไม่สำเร็จ', done),
    ]);
    this.views.send(res, 'admin-documents', { ...shell, failures });
  }

  @Post(':memoId/v/:version/retry')
  async retry(
    @CurrentUser() user: AuthUser,
    @Param('memoId', ParseUUIDPipe) memoId: string,
    @Param('version', ParseIntPipe) version: number,
    @Res() res: Response,
  ): Promise<void> {
    await this.documents.retry(user.organisationId, memoId, version);
    res.redirect(303, '/app/admin/documents?done=document-retried');
  }
}
