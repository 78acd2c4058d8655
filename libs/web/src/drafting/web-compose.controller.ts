import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, type AuthUser } from '@saraban/auth';
import { AppException, ErrorCode } from '@saraban/errors';
import { MemoDraftService, memoVersionQuerySchema, type MemoView } from '@saraban/memo';
import {
  applyBlockOp,
  composeOpOf,
  editorBlocksFrom,
  editorBlocksOf,
  readComposeForm,
  type ComposeOp,
} from '../forms/compose-form.util';
import { ComposeForm } from '../forms/compose.form';
import { readSchemaForm } from '../forms/schema-form.util';
import { WebComposeService, fieldsFromMemo, fieldsFromValues } from '../web-compose.service';
import { WebExceptionFilter } from '../web-exception.filter';
import { WebComposePage, fieldErrorsOf } from './web-compose-page.service';

type CreateInput = Parameters<MemoDraftService['create']>[1];
type UpdateInput = Parameters<MemoDraftService['update']>[2];

/** The block editor's own operations (add, remove, move): the page comes back, nothing is stored. */
function isBlockOp(op: ComposeOp): boolean {
  return op.kind === 'add' || op.kind === 'remove' || op.kind === 'up' || op.kind === 'down';
}

/** Writing a memo: the compose page for a new memo and for a draft or returned memo, save, delete. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('app/memos')
export class WebComposeController {
  constructor(
    private readonly drafts: MemoDraftService,
    private readonly compose: WebComposeService,
    private readonly page: WebComposePage,
  ) {}

  @Get('new')
  async newPage(@CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    await this.page.render(res, user, null, await this.compose.defaults(user), [], []);
  }

  @Post()
  async create(
    @CurrentUser() user: AuthUser,
    @Body() form: ComposeForm,
    @Res() res: Response,
  ): Promise<void> {
    const op = composeOpOf(form.op);
    const blocks = applyBlockOp(editorBlocksOf(form.blocks), op);
    const { values, errors } = readComposeForm(form, blocks, op.kind === 'submit');
    if (isBlockOp(op)) {
      await this.page.render(res, user, null, fieldsFromValues(values), blocks, []);
      return;
    }
    if (errors.length > 0) {
      await this.page.render(res, user, null, fieldsFromValues(values), blocks, errors, 400);
      return;
    }
    try {
      const input: CreateInput = { ...values };
      const memo = await this.drafts.create(user, input);
      this.afterSave(res, memo, op, 'created');
    } catch (err) {
      const problems = fieldErrorsOf(err);
      if (!problems) throw err;
      await this.page.render(res, user, null, fieldsFromValues(values), blocks, problems, 400);
    }
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
    await this.page.render(res, user, memo, fieldsFromMemo(memo), editorBlocksFrom(memo.body), [], 200, done);
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
    const { values, errors } = readComposeForm(form, blocks, op.kind === 'submit');
    const postedVersion = Number(form.version) || memo.version;
    const shown = { ...memo, version: postedVersion };
    if (isBlockOp(op)) {
      await this.page.render(res, user, shown, fieldsFromValues(values), blocks, []);
      return;
    }
    if (errors.length > 0) {
      await this.page.render(res, user, shown, fieldsFromValues(values), blocks, errors, 400);
      return;
    }
    try {
      const input: UpdateInput = { ...values, version: postedVersion };
      const saved = await this.drafts.update(user, id, input);
      this.afterSave(res, saved, op, 'saved');
    } catch (err) {
      const problems = fieldErrorsOf(err);
      if (!problems) throw err;
      await this.page.render(res, user, shown, fieldsFromValues(values), blocks, problems, 409);
    }
  }

  @Post(':id/delete')
  async remove(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() posted: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const form = readSchemaForm(memoVersionQuerySchema, posted, { numbers: ['version'] });
    // Only a tampered form sends a version that is not a number: refused as the API refuses it.
    if (!form.ok)
      throw new AppException(ErrorCode.ValidationFailed, [{ field: 'version', problems: [form.problem] }]);
    await this.drafts.delete(user, id, form.body.version);
    res.redirect(303, '/app/memos/mine?done=deleted');
  }

  /**
   * Where a saved draft goes next: "ส่งเสนอ" to the confirmation that shows the number it will
   * take, the preview to its PDF (saved first, so it prints what is on the screen), else back to
   * its editor.
   */
  private afterSave(res: Response, memo: MemoView, op: ComposeOp, done: 'created' | 'saved'): void {
    if (op.kind === 'submit') return res.redirect(303, `/app/memos/${memo.id}/submit`);
    if (op.kind === 'preview') return res.redirect(303, `/memos/${memo.id}/preview.pdf`);
    res.redirect(303, `/app/memos/${memo.id}/edit?done=${done}`);
  }
}
