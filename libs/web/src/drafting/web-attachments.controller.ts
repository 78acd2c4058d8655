import {
  Body,
  Controller,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, type AuthUser } from '@saraban/auth';
import { MemoAttachmentService, parseSpreadsheetTsv } from '@saraban/memo';
import { MoveForm, PdfUploadForm, TableForm, VersionForm, versionOf } from '../forms/attachment.form';
import { WebExceptionFilter } from '../web-exception.filter';
import { WebComposePage, fieldErrorsOf, type AttachmentProblem } from './web-compose-page.service';

/** A memo's attachments from its edit page: a PDF uploaded, a table pasted, removed, reordered. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('app/memos/:id/attachments')
export class WebAttachmentsController {
  constructor(
    private readonly attachments: MemoAttachmentService,
    private readonly page: WebComposePage,
  ) {}

  @Post('pdf')
  @UseInterceptors(FileInterceptor('file'))
  async addPdf(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: PdfUploadForm,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const title = (form.title ?? '').trim() || file?.originalname.replace(/\.pdf$/i, '') || '';
    if (!file || file.size === 0) {
      await this.page.renderAttachmentProblem(res, user, id, {
        form: 'pdf',
        message: 'กรุณาเลือกไฟล์ PDF ที่จะแนบ',
      });
      return;
    }
    await this.change(res, user, id, 'attached', { form: 'pdf' }, () =>
      this.attachments.addPdf(
        user,
        id,
        title,
        { originalName: file.originalname, bytes: file.buffer },
        versionOf(form),
      ),
    );
  }

  @Post('table')
  async addTable(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: TableForm,
    @Res() res: Response,
  ): Promise<void> {
    const title = (form.title ?? '').trim();
    const tsv = (form.tsv ?? '').replace(/\r\n?/g, '\n');
    const kept = { form: 'table' as const, title, tsv };
    if (!title || !tsv.trim()) {
      const message = !title ? 'กรุณากรอกชื่อตาราง' : 'กรุณาวางข้อมูลจากตารางคำนวณ';
      await this.page.renderAttachmentProblem(res, user, id, { ...kept, message });
      return;
    }
    if (form.op === 'preview') {
      // The same reading the memo service applies when the table is added.
      let preview;
      try {
        preview = parseSpreadsheetTsv(tsv);
      } catch (err) {
        const problems = fieldErrorsOf(err);
        if (!problems) throw err;
        await this.page.renderAttachmentProblem(res, user, id, {
          ...kept,
          message: problems.map((p) => p.message).join(' '),
        });
        return;
      }
      await this.page.renderAttachmentProblem(res, user, id, { ...kept, message: null, preview }, 200);
      return;
    }
    await this.change(res, user, id, 'attached', kept, () =>
      this.attachments.addTable(user, id, { title, tsv, version: versionOf(form) }),
    );
  }

  @Post(':aid/delete')
  async remove(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('aid', ParseUUIDPipe) aid: string,
    @Body() form: VersionForm,
    @Res() res: Response,
  ): Promise<void> {
    await this.change(res, user, id, 'detached', { form: 'pdf' }, () =>
      this.attachments.remove(user, id, aid, versionOf(form)),
    );
  }

  @Post(':aid/move')
  async move(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('aid', ParseUUIDPipe) aid: string,
    @Body() form: MoveForm,
    @Res() res: Response,
  ): Promise<void> {
    await this.change(res, user, id, 'reordered', { form: 'pdf' }, async () => {
      const { attachments } = await this.attachments.list(user, id);
      const order = attachments.map((a) => a.id);
      const i = order.indexOf(aid);
      const j = form.direction === 'up' ? i - 1 : i + 1;
      if (i < 0 || j < 0 || j >= order.length) return null;
      [order[i], order[j]] = [order[j], order[i]];
      return this.attachments.reorder(user, id, order, versionOf(form));
    });
  }

  /** Runs one change; its refusal (413, 415, 409, a bad table) shows beside the form it came from. */
  private async change(
    res: Response,
    user: AuthUser,
    id: string,
    done: string,
    origin: Omit<AttachmentProblem, 'message'>,
    change: () => Promise<unknown>,
  ): Promise<void> {
    try {
      await change();
      res.redirect(303, `/app/memos/${id}/edit?done=${done}#attachments`);
    } catch (err) {
      const problems = fieldErrorsOf(err);
      if (!problems) throw err;
      const message = problems.map((p) => p.message).join(' ');
      await this.page.renderAttachmentProblem(res, user, id, { ...origin, message }, 400);
    }
  }
}
