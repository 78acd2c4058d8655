import {
  Body,
  Controller,
  Get,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, type AuthUser } from '@saraban/auth';
import { AppException, ErrorCode } from '@saraban/errors';
import { OrganisationImagesService } from '@saraban/organisation';
import { DocumentStatusService } from '@saraban/pipeline';
import { MEMO_STATUSES, MemoAttachmentService, MemoDraftService, type MemoView } from '@saraban/memo';
import {
  applyBlockOp,
  composeOpOf,
  editorBlocksFrom,
  editorBlocksOf,
  readComposeForm,
  type ComposeOp,
  type EditorBlock,
  type FieldError,
} from './forms/compose-form.util';
import { ComposeForm } from './forms/compose.form';
import { MoveForm, PdfUploadForm, TableForm, VersionForm, versionOf } from './forms/attachment.form';
import {
  WebComposeService,
  fieldsFromMemo,
  fieldsFromValues,
  type ComposeFields,
} from './web-compose.service';
import { WebApproval, isShowableRefusal } from './web-approval.service';
import { WebExceptionFilter } from './web-exception.filter';
import { WebShell } from './web-shell.service';
import { WebViews } from './web-views.service';

type CreateInput = Parameters<MemoDraftService['create']>[1];
type UpdateInput = Parameters<MemoDraftService['update']>[2];

/** The service's field errors (`details: [{field, problems}]`) as the page shows them. */
function fieldErrorsOf(err: unknown): FieldError[] | null {
  if (!(err instanceof AppException)) return null;
  if (err.code === ErrorCode.ValidationFailed && Array.isArray(err.details)) {
    return (err.details as { field?: unknown; problems?: unknown }[]).map((d) => ({
      field: typeof d.field === 'string' ? d.field.replace(/^body\./, 'blocks.') : 'form',
      message: Array.isArray(d.problems) ? d.problems.join(' ') : err.message,
    }));
  }
  if (err.status === 409 || err.status === 413 || err.status === 415 || err.status === 400) {
    return [{ field: 'form', message: err.message }];
  }
  return null;
}

/** Drafting: compose, edit with attachments, see a memo, list mine. Thin: the memo services do the work. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('app/memos')
export class WebMemoController {
  constructor(
    private readonly drafts: MemoDraftService,
    private readonly attachments: MemoAttachmentService,
    private readonly compose: WebComposeService,
    private readonly approval: WebApproval,
    private readonly documents: DocumentStatusService,
    private readonly shell: WebShell,
    private readonly views: WebViews,
    private readonly images: OrganisationImagesService,
  ) {}

  @Get('new')
  async newPage(@CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    await this.renderCompose(res, user, null, await this.compose.defaults(user), [], []);
  }

  @Post()
  async create(
    @CurrentUser() user: AuthUser,
    @Body() form: ComposeForm,
    @Res() res: Response,
  ): Promise<void> {
    const op = composeOpOf(form.op);
    const blocks = applyBlockOp(editorBlocksOf(form.blocks), op);
    const { values, errors } = readComposeForm(form, blocks);
    if (op.kind === 'add' || op.kind === 'remove' || op.kind === 'up' || op.kind === 'down') {
      await this.renderCompose(res, user, null, fieldsFromValues(values), blocks, []);
      return;
    }
    if (errors.length > 0) {
      await this.renderCompose(res, user, null, fieldsFromValues(values), blocks, errors, 400);
      return;
    }
    try {
      const input: CreateInput = { ...values };
      const memo = await this.drafts.create(user, input);
      await this.afterSave(res, user, memo, op, 'created');
    } catch (err) {
      const problems = fieldErrorsOf(err);
      if (!problems) throw err;
      await this.renderCompose(res, user, null, fieldsFromValues(values), blocks, problems, 400);
    }
  }

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

  @Get(':id/edit')
  async editPage(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('done') done: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const memo = await this.drafts.get(user, id);
    if (memo.author.id !== user.personId || !(memo.status === 'draft' || memo.status === 'returned')) {
      res.redirect(303, `/app/memos/${memo.id}`);
      return;
    }
    await this.renderCompose(
      res,
      user,
      memo,
      fieldsFromMemo(memo),
      editorBlocksFrom(memo.body),
      [],
      200,
      done,
    );
  }

  @Post(':id/edit')
  async save(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: ComposeForm,
    @Res() res: Response,
  ): Promise<void> {
    const memo = await this.drafts.get(user, id);
    const op = composeOpOf(form.op);
    const blocks = applyBlockOp(editorBlocksOf(form.blocks), op);
    const { values, errors } = readComposeForm(form, blocks);
    const postedVersion = Number(form.version) || memo.version;
    const shown = { ...memo, version: postedVersion };
    if (op.kind === 'add' || op.kind === 'remove' || op.kind === 'up' || op.kind === 'down') {
      await this.renderCompose(res, user, shown, fieldsFromValues(values), blocks, []);
      return;
    }
    if (errors.length > 0) {
      await this.renderCompose(res, user, shown, fieldsFromValues(values), blocks, errors, 400);
      return;
    }
    try {
      const input: UpdateInput = { ...values, version: postedVersion };
      const saved = await this.drafts.update(user, id, input);
      await this.afterSave(res, user, saved, op, 'saved');
    } catch (err) {
      const problems = fieldErrorsOf(err);
      if (!problems) throw err;
      await this.renderCompose(res, user, shown, fieldsFromValues(values), blocks, problems, 409);
    }
  }

  @Post(':id/delete')
  async remove(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: VersionForm,
    @Res() res: Response,
  ): Promise<void> {
    await this.drafts.delete(user, id, versionOf(form));
    res.redirect(303, '/app/memos/mine?done=deleted');
  }

  @Post(':id/attachments/pdf')
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
      await this.renderAttachmentError(res, user, id, 'กรุณาเลือกไฟล์ PDF ที่จะแนบ');
      return;
    }
    await this.attachmentChange(res, user, id, 'attached', () =>
      this.attachments.addPdf(
        user,
        id,
        title,
        { originalName: file.originalname, bytes: file.buffer },
        versionOf(form),
      ),
    );
  }

  @Post(':id/attachments/table')
  async addTable(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: TableForm,
    @Res() res: Response,
  ): Promise<void> {
    const title = (form.title ?? '').trim();
    const tsv = (form.tsv ?? '').replace(/\r\n?/g, '\n');
    if (!title || !tsv.trim()) {
      await this.renderAttachmentError(res, user, id, 'กรุณากรอกชื่อตารางและวางข้อมูลจากตารางคำนวณ');
      return;
    }
    await this.attachmentChange(res, user, id, 'attached', () =>
      this.attachments.addTable(user, id, { title, tsv, version: versionOf(form) }),
    );
  }

  @Post(':id/attachments/:aid/delete')
  async removeAttachment(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('aid', ParseUUIDPipe) aid: string,
    @Body() form: VersionForm,
    @Res() res: Response,
  ): Promise<void> {
    await this.attachmentChange(res, user, id, 'detached', () =>
      this.attachments.remove(user, id, aid, versionOf(form)),
    );
  }

  @Post(':id/attachments/:aid/move')
  async moveAttachment(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('aid', ParseUUIDPipe) aid: string,
    @Body() form: MoveForm,
    @Res() res: Response,
  ): Promise<void> {
    await this.attachmentChange(res, user, id, 'reordered', async () => {
      const { attachments } = await this.attachments.list(user, id);
      const order = attachments.map((a) => a.id);
      const i = order.indexOf(aid);
      const j = form.direction === 'up' ? i - 1 : i + 1;
      if (i < 0 || j < 0 || j >= order.length) return null;
      [order[i], order[j]] = [order[j], order[i]];
      return this.attachments.reorder(user, id, order, versionOf(form));
    });
  }

  /** "ส่งเสนอ" on the compose page: the draft was just saved; now it takes its number and climbs the chain. */
  /** Where a saved draft goes next: submitted, printed as a preview, or back to its editor. */
  private async afterSave(
    res: Response,
    user: AuthUser,
    memo: MemoView,
    op: ComposeOp,
    done: 'created' | 'saved',
  ): Promise<void> {
    if (op.kind === 'submit') return this.submitAfterSave(res, user, memo);
    // Saved first, so the preview prints what is on the screen.
    if (op.kind === 'preview') return res.redirect(303, `/memos/${memo.id}/preview.pdf`);
    res.redirect(303, `/app/memos/${memo.id}/edit?done=${done}`);
  }

  private async submitAfterSave(res: Response, user: AuthUser, memo: MemoView): Promise<void> {
    const resubmit = memo.status === 'returned';
    try {
      await this.approval.run(user, memo.id, { kind: 'submit' }, memo.version);
      res.redirect(303, `/app/memos/${memo.id}?done=${resubmit ? 'resubmitted' : 'submitted'}`);
    } catch (err) {
      if (!isShowableRefusal(err)) throw err;
      const errors = [{ field: 'form', message: `บันทึกร่างแล้ว แต่ส่งเสนอไม่ได้: ${err.message}` }];
      await this.renderCompose(
        res,
        user,
        memo,
        fieldsFromMemo(memo),
        editorBlocksFrom(memo.body),
        errors,
        err.status,
      );
    }
  }

  /** Runs one attachment change; its refusal (413, 415, 409, a bad table) shows on the edit page. */
  private async attachmentChange(
    res: Response,
    user: AuthUser,
    id: string,
    done: string,
    change: () => Promise<unknown>,
  ): Promise<void> {
    try {
      await change();
      res.redirect(303, `/app/memos/${id}/edit?done=${done}#attachments`);
    } catch (err) {
      const problems = fieldErrorsOf(err);
      if (!problems) throw err;
      await this.renderAttachmentError(res, user, id, problems.map((p) => p.message).join(' '), 400);
    }
  }

  private async renderAttachmentError(
    res: Response,
    user: AuthUser,
    id: string,
    message: string,
    status = 400,
  ): Promise<void> {
    const memo = await this.drafts.get(user, id);
    await this.renderCompose(
      res,
      user,
      memo,
      fieldsFromMemo(memo),
      editorBlocksFrom(memo.body),
      [],
      status,
      null,
      message,
    );
  }

  private async renderCompose(
    res: Response,
    user: AuthUser,
    memo: MemoView | null,
    fields: ComposeFields,
    blocks: EditorBlock[],
    errors: FieldError[],
    status = 200,
    done?: unknown,
    attachmentError?: string,
  ): Promise<void> {
    const title = memo ? (memo.status === 'returned' ? 'แก้ไขบันทึกที่ถูกส่งคืน' : 'แก้ไขร่างบันทึก') : 'เขียนบันทึกข้อความ';
    const shell = await this.shell.context(user, memo ? 'none' : 'compose', title, done);
    const form = await this.compose.context(user, fields, blocks, errors);
    this.views.send(
      res,
      'compose',
      {
        ...shell,
        ...form,
        memo,
        action: memo ? `/app/memos/${memo.id}/edit` : '/app/memos',
        canSubmit: true,
        canPreview: true,
        attachmentError: attachmentError ?? null,
        attachments:
          memo?.attachments.map((a, i, all) => ({ ...a, first: i === 0, last: i === all.length - 1 })) ?? [],
      },
      status,
    );
  }
}
