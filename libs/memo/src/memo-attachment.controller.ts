import {
  Body,
  Controller,
  Delete,
  Get,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiQuery,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, type AuthUser } from '@saraban/auth';
import { AppException, ErrorBody, ErrorCode, SchemaPipe } from '@saraban/errors';
import { attachmentInputSchemas, type AttachmentInput } from './dto/attachment-input.schema';
import { CreateTableAttachmentDto } from './dto/create-table-attachment.dto';
import { MemoAttachmentCreatedView } from './dto/memo-attachment-created.view';
import { MemoAttachmentDetailView } from './dto/memo-attachment-detail.view';
import { MemoAttachmentListView } from './dto/memo-attachment-list.view';
import {
  EXPECTED_VERSION_QUERY,
  memoVersionQuerySchema,
  type MemoVersionQueryInput,
} from './dto/memo-version.schema';
import { ReorderAttachmentsDto } from './dto/reorder-attachments.dto';
import { UPLOAD_PDF_FORM_SCHEMA } from './dto/upload-pdf-form.schema';
import { MemoAttachmentService } from './memo-attachment.service';
import { PdfUploadErrorsInterceptor } from './pdf-upload-errors.interceptor';

@ApiTags('memo attachments')
@ApiBearerAuth()
@ApiCookieAuth()
@ApiNotFoundResponse({ type: ErrorBody, description: 'No such memo or attachment in your organisation' })
@Controller('memos/:id/attachments')
export class MemoAttachmentController {
  constructor(private readonly attachments: MemoAttachmentService) {}

  @Post('pdf')
  @UseInterceptors(PdfUploadErrorsInterceptor, FileInterceptor('file'))
  @ApiOperation({
    summary: 'Attach a PDF (multipart: file, title)',
    description:
      'The content must be a readable, unencrypted PDF; the file name and declared type are ignored. ' +
      'What is stored (and downloaded, and appended to the memo) is the file made inert: no JavaScript, ' +
      'no launch, submit, import or remote-file actions, no open or additional actions, no embedded ' +
      'files, forms, XFA, RichMedia or 3D; pages, text, images, internal and http(s) links are kept. ' +
      'sizeBytes and sha256 are those of the stored file.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_PDF_FORM_SCHEMA })
  @ApiCreatedResponse({ type: MemoAttachmentCreatedView })
  @ApiPayloadTooLargeResponse({ type: ErrorBody, description: 'Larger than ATTACHMENT_MAX_BYTES' })
  @ApiUnsupportedMediaTypeResponse({
    type: ErrorBody,
    description: 'Not a PDF, unreadable, encrypted, or with active content that cannot be removed',
  })
  @ApiForbiddenResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody, description: 'VERSION_CONFLICT or MEMO_NOT_EDITABLE' })
  addPdf(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new SchemaPipe(attachmentInputSchemas.pdfUpload)) dto: AttachmentInput<'pdfUpload'>,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<MemoAttachmentCreatedView> {
    if (!file) {
      throw new AppException(ErrorCode.ValidationFailed, [{ field: 'file', problems: ['กรุณาเลือกไฟล์ PDF'] }]);
    }
    return this.attachments.addPdf(
      user,
      id,
      dto.title,
      { originalName: file.originalname, bytes: file.buffer },
      dto.version,
    );
  }

  @Post('table')
  @ApiOperation({
    summary: 'Attach a report table: {title, columns, rows} or {title, tsv} pasted from a spreadsheet',
  })
  @ApiBody({ type: CreateTableAttachmentDto })
  @ApiCreatedResponse({ type: MemoAttachmentCreatedView })
  @ApiForbiddenResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody, description: 'VERSION_CONFLICT or MEMO_NOT_EDITABLE' })
  addTable(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new SchemaPipe(attachmentInputSchemas.table)) dto: AttachmentInput<'table'>,
  ): Promise<MemoAttachmentCreatedView> {
    return this.attachments.addTable(user, id, dto);
  }

  @Get()
  @ApiOperation({ summary: 'The attachments in printing order' })
  @ApiOkResponse({ type: MemoAttachmentListView })
  list(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<MemoAttachmentListView> {
    return this.attachments.list(user, id);
  }

  @Patch()
  @ApiOperation({ summary: 'Reorder the attachments: every id once, first printed first' })
  @ApiBody({ type: ReorderAttachmentsDto })
  @ApiOkResponse({ type: MemoAttachmentListView })
  @ApiForbiddenResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody, description: 'VERSION_CONFLICT or MEMO_NOT_EDITABLE' })
  reorder(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new SchemaPipe(attachmentInputSchemas.reorder)) dto: AttachmentInput<'reorder'>,
  ): Promise<MemoAttachmentListView> {
    return this.attachments.reorder(user, id, dto.order, dto.version);
  }

  @Get(':aid')
  @ApiOperation({ summary: 'One attachment, with its table' })
  @ApiOkResponse({ type: MemoAttachmentDetailView })
  get(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('aid', ParseUUIDPipe) aid: string,
  ): Promise<MemoAttachmentDetailView> {
    return this.attachments.get(user, id, aid);
  }

  @Get(':aid/file')
  @ApiOperation({ summary: 'Download an attached PDF' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async download(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('aid', ParseUUIDPipe) aid: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const pdf = await this.attachments.readPdf(user, id, aid);
    // Always a download, never rendered inline in our origin.
    res.attachment(pdf.filename);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('ETag', `"${pdf.sha256}"`);
    return new StreamableFile(pdf.bytes, { type: 'application/pdf', length: pdf.bytes.length });
  }

  @Delete(':aid')
  @ApiOperation({ summary: 'Remove an attachment; the others close up' })
  @ApiQuery(EXPECTED_VERSION_QUERY)
  @ApiOkResponse({ type: MemoAttachmentListView })
  @ApiForbiddenResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody, description: 'VERSION_CONFLICT or MEMO_NOT_EDITABLE' })
  remove(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('aid', ParseUUIDPipe) aid: string,
    @Query(new SchemaPipe(memoVersionQuerySchema)) query: MemoVersionQueryInput,
  ): Promise<MemoAttachmentListView> {
    return this.attachments.remove(user, id, aid, query.version);
  }
}
