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
import { AppException } from '@saraban/errors';
import { CurrentUser, type AuthUser } from '@saraban/auth';
import {
  MemoAttachmentService,
  attachmentInputSchemas,
  memoVersionQuerySchema,
  parseSpreadsheetTsv,
} from '@saraban/memo';
import { MoveForm, TableForm } from '../forms/attachment.form';
import { fieldsOf, readSchemaForm } from '../forms/schema-form.util';
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
    @Body() posted: unknown,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Res() res: Response,
  ): Promise<void> {
    if (!file || file.size === 0) {
      await this.page.renderAttachmentProblem(res, user, id, {
        form: 'pdf',
        message: 'กรุณาเลือกไฟล์ PDF ที่จะแนบ',
      });
      return;
    }
    // Left empty, the title is the file's name.
    const fields = fieldsOf(posted);
    const typed = typeof fields.title === 'string' ? fields.title.trim() : '';
    const title = typed || file.originalname.replace(/\.pdf$/i, '');
    const form = readSchemaForm(
      attachmentInputSchemas.pdfUpload,
      { ...fields, title },
      { numbers: ['version'] },
    );
    if (!form.ok) {
      await this.page.renderAttachmentProblem(res, user, id, { form: 'pdf', message: form.problem });
      return;
    }
    const { version } = form.body;
    await this.change(res, user, id, 'attached', { form: 'pdf' }, () =>
      this.attachments.addPdf(
        user,
        id,
        form.body.title,
        { originalName: file.originalname, bytes: file.buffer },
        version,
      ),
    );
  }

  @Post('table')
  async addTable(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() posted: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const { op, ...fields } = fieldsOf(posted) as TableForm;
    // A textarea's lines arrive as CRLF; the title may have several (a report's cover).
    const lines = (value: unknown) => (typeof value === 'string' ? value.replace(/\r\n?/g, '\n') : '');
    const title = lines(fields.title).trim();
    const tsv = lines(fields.tsv);
    const kept = { form: 'table' as const, title, tsv };
    // The schema the API reads a pasted table with; the pasted text is kept as it was typed.
    const form = readSchemaForm(
      attachmentInputSchemas.table,
      { ...fields, title, tsv },
      { numbers: ['version'], verbatim: ['tsv'] },
    );
    if (!form.ok) {
      await this.page.renderAttachmentProblem(res, user, id, { ...kept, message: form.problem });
      return;
    }
    if (op === 'preview') {
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
    await this.change(res, user, id, 'attached', kept, () => this.attachments.addTable(user, id, form.body));
  }

  @Post(':aid/delete')
  async remove(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('aid', ParseUUIDPipe) aid: string,
    @Body() posted: unknown,
    @Res() res: Response,
  ): Promise<void> {
    await this.changeAtVersion(res, user, id, fieldsOf(posted), 'detached', (version) =>
      this.attachments.remove(user, id, aid, version),
    );
  }

  @Post(':aid/move')
  async move(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('aid', ParseUUIDPipe) aid: string,
    @Body() posted: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const { direction, ...fields } = fieldsOf(posted) as MoveForm;
    if (direction !== 'up' && direction !== 'down') {
      await this.page.renderAttachmentProblem(res, user, id, { form: 'pdf', message: 'ไม่รู้จักทิศทางที่จะย้าย' });
      return;
    }
    await this.changeAtVersion(res, user, id, fields, 'reordered', async (version) => {
      const { attachments } = await this.attachments.list(user, id);
      const order = attachments.map((a) => a.id);
      const i = order.indexOf(aid);
      const j = direction === 'up' ? i - 1 : i + 1;
      if (i < 0 || j < 0 || j >= order.length) return null;
      [order[i], order[j]] = [order[j], order[i]];
      return this.attachments.reorder(user, id, order, version);
    });
  }

  /** A change of the list whose form carries only the version the page was loaded at. */
  private async changeAtVersion(
    res: Response,
    user: AuthUser,
    id: string,
    fields: Record<string, unknown>,
    done: string,
    change: (version: number | undefined) => Promise<unknown>,
  ): Promise<void> {
    const form = readSchemaForm(memoVersionQuerySchema, fields, { numbers: ['version'] });
    if (!form.ok) {
      await this.page.renderAttachmentProblem(res, user, id, { form: 'pdf', message: form.problem });
      return;
    }
    await this.change(res, user, id, done, { form: 'pdf' }, () => change(form.body.version));
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
      // The refusal's own status: 409 for a page left open on an older version, 413, 415, 400.
      const status = err instanceof AppException ? err.status : 400;
      await this.page.renderAttachmentProblem(res, user, id, { ...origin, message }, status);
    }
  }
}
