import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthUser } from '@saraban/auth';
import { AppException, ErrorCode } from '@saraban/errors';
import { MemoDraftService, type MemoView, type ReportTable } from '@saraban/memo';
import { editorBlocksFrom, type EditorBlock, type FieldError } from '../forms/compose-form.util';
import { WebComposeService, fieldsFromMemo, type ComposeFields } from '../web-compose.service';
import { WebApproval } from '../web-approval.service';
import { WebShell } from '../web-shell.service';
import { WebViews } from '../web-views.service';

/** The memo service's field errors (`details: [{field, problems}]`) as the page shows them. */
export function fieldErrorsOf(err: unknown): FieldError[] | null {
  if (!(err instanceof AppException)) return null;
  if (
    (err.code === ErrorCode.ValidationFailed || err.code === ErrorCode.MemoIncomplete) &&
    Array.isArray(err.details)
  ) {
    return (err.details as { field?: unknown; problems?: unknown }[]).map((d) => ({
      field: typeof d.field === 'string' ? d.field.replace(/^body(?=\.|$)/, 'blocks') : 'form',
      message: Array.isArray(d.problems) ? d.problems.join(' ') : err.message,
    }));
  }
  if (err.status === 409 || err.status === 413 || err.status === 415 || err.status === 400) {
    return [{ field: 'form', message: err.message }];
  }
  return null;
}

/** An attachment form shown again: its refusal or the table it would add, with what was typed into it. */
export interface AttachmentProblem {
  form: 'pdf' | 'table';
  /** Why it was refused; null for a preview. */
  message: string | null;
  title?: string;
  tsv?: string;
  /** The pasted table as it was read, before it is added. */
  preview?: ReportTable;
}

/** How many rows of a previewed table the page shows (the rest are counted). */
const PREVIEW_ROWS = 20;

/** Renders the compose page (new memo, draft, returned memo) for the drafting controllers. */
@Injectable()
export class WebComposePage {
  constructor(
    private readonly drafts: MemoDraftService,
    private readonly compose: WebComposeService,
    private readonly approval: WebApproval,
    private readonly shell: WebShell,
    private readonly views: WebViews,
  ) {}

  async render(
    res: Response,
    user: AuthUser,
    memo: MemoView | null,
    fields: ComposeFields,
    blocks: EditorBlock[],
    errors: FieldError[],
    status = 200,
    done?: unknown,
    attachment?: AttachmentProblem,
  ): Promise<void> {
    const title = memo ? (memo.status === 'returned' ? 'แก้ไขบันทึกที่ถูกส่งคืน' : 'แก้ไขร่างบันทึก') : 'เขียนบันทึกข้อความ';
    const shell = await this.shell.context(user, memo ? 'none' : 'compose', title, done);
    const form = await this.compose.context(user, fields, blocks, errors);
    // While revising, the reason it came back stands at the top of the form.
    const returnReason =
      memo?.status === 'returned' ? ((await this.approval.state(user, memo.id)).returnReason ?? null) : null;
    this.views.send(
      res,
      'compose',
      {
        ...shell,
        ...form,
        memo,
        returnReason,
        action: memo ? `/app/memos/${memo.id}/edit` : '/app/memos',
        // The browser keeps what is typed under this key until the server has it (app.js).
        draftKey: `${user.personId}:${memo?.id ?? 'new'}`,
        draftVersion: memo?.version ?? 0,
        canSubmit: true,
        canPreview: true,
        pdfError: attachment?.form === 'pdf' ? attachment.message : null,
        tableError: attachment?.form === 'table' ? attachment.message : null,
        tableTitle: attachment?.title ?? '',
        tableTsv: attachment?.tsv ?? '',
        tablePreview: attachment?.preview
          ? {
              columns: attachment.preview.columns,
              rows: attachment.preview.rows.slice(0, PREVIEW_ROWS),
              rowCount: attachment.preview.rows.length,
              columnCount: attachment.preview.columns.length,
              more: Math.max(0, attachment.preview.rows.length - PREVIEW_ROWS),
            }
          : null,
        attachments:
          memo?.attachments.map((a, i, all) => ({ ...a, first: i === 0, last: i === all.length - 1 })) ?? [],
      },
      status,
    );
  }

  /** The edit page of a stored memo with an attachment form's refusal beside that form. */
  async renderAttachmentProblem(
    res: Response,
    user: AuthUser,
    id: string,
    problem: AttachmentProblem,
    status = 400,
  ): Promise<void> {
    const memo = await this.drafts.get(user, id);
    await this.render(
      res,
      user,
      memo,
      fieldsFromMemo(memo),
      editorBlocksFrom(memo.body),
      [],
      status,
      null,
      problem,
    );
  }
}
