import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '@saraban/auth';
import { ErrorBody, SchemaPipe } from '@saraban/errors';
import { CreateMemoDto } from './dto/create-memo.dto';
import { ListMemosQuery } from './dto/list-memos.query';
import { MemoListView } from './dto/memo-list.view';
import { MemoRevisionView } from './dto/memo-revision.view';
import {
  EXPECTED_VERSION_QUERY,
  memoVersionQuerySchema,
  type MemoVersionQueryInput,
} from './dto/memo-version.schema';
import { MemoView } from './dto/memo.view';
import { UpdateMemoDto } from './dto/update-memo.dto';
import { MemoDraftSchemaPipe } from './memo-draft-schema.pipe';
import {
  createMemoSchema,
  updateMemoSchema,
  type CreateMemoInput,
  type UpdateMemoInput,
} from './memo-draft.schema';
import { MemoDraftService } from './memo-draft.service';

@ApiTags('memos')
@ApiBearerAuth()
@ApiCookieAuth()
@ApiNotFoundResponse({
  type: ErrorBody,
  description: 'No such memo in your organisation, or not yours to see',
})
@Controller('memos')
export class MemoController {
  constructor(private readonly drafts: MemoDraftService) {}

  @Post()
  @ApiOperation({
    summary: 'Create a draft บันทึกข้อความ',
    description:
      'ส่วนราชการ defaults to your unit and its phone, เรียน to the decision maker of your unit chain, ' +
      'the signer to your primary position, the closing to "จึงเรียนมาเพื่อโปรดพิจารณา".',
  })
  @ApiCreatedResponse({ type: MemoView })
  @ApiBody({ type: CreateMemoDto })
  create(
    @CurrentUser() user: AuthUser,
    @Body(new MemoDraftSchemaPipe(createMemoSchema)) dto: CreateMemoInput,
  ): Promise<MemoView> {
    return this.drafts.create(user, dto);
  }

  @Get()
  @ApiOperation({
    summary: 'List memos: mine=true for my drafts; clerks and admins may list the organisation',
  })
  @ApiOkResponse({ type: MemoListView })
  @ApiForbiddenResponse({ type: ErrorBody, description: 'An officer without mine=true' })
  list(@CurrentUser() user: AuthUser, @Query() query: ListMemosQuery): Promise<MemoListView> {
    return this.drafts.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A memo with its attachments (the author, clerks and admins)' })
  @ApiOkResponse({ type: MemoView })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<MemoView> {
    return this.drafts.get(user, id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Edit a draft (author only); the previous content is kept as a revision',
    description:
      'Send the version you loaded: 409 VERSION_CONFLICT (with currentVersion) if it has moved on.',
  })
  @ApiOkResponse({ type: MemoView })
  @ApiForbiddenResponse({ type: ErrorBody, description: 'You may read but not edit this memo' })
  @ApiConflictResponse({ type: ErrorBody, description: 'VERSION_CONFLICT or MEMO_NOT_EDITABLE' })
  @ApiBody({ type: UpdateMemoDto })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new MemoDraftSchemaPipe(updateMemoSchema)) dto: UpdateMemoInput,
  ): Promise<MemoView> {
    return this.drafts.update(user, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a draft that was never submitted (author only)' })
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody, description: 'MEMO_NOT_DELETABLE or VERSION_CONFLICT' })
  @ApiQuery(EXPECTED_VERSION_QUERY)
  async remove(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query(new SchemaPipe(memoVersionQuerySchema)) query: MemoVersionQueryInput,
  ): Promise<void> {
    await this.drafts.delete(user, id, query.version);
  }

  @Get(':id/revisions')
  @ApiOperation({ summary: 'Earlier versions of a memo, newest first' })
  @ApiOkResponse({ type: [MemoRevisionView] })
  revisions(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<MemoRevisionView[]> {
    return this.drafts.revisions(user, id);
  }
}
