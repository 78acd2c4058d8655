import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '@saraban/auth';
import { ErrorBody } from '@saraban/errors';
import { MemoDraftService } from '@saraban/memo';
import { DocumentStatusService } from './document-status.service';
import { MemoDocumentView } from './document-status.views';

@ApiTags('memos')
@ApiBearerAuth()
@Controller('memos')
export class MemoDocumentController {
  constructor(
    private readonly memos: MemoDraftService,
    private readonly documents: DocumentStatusService,
  ) {}

  @Get(':id/document')
  @ApiOperation({
    summary:
      'Where the decided memo’s document stands: producing, signed, publishing, published (with its portal link) or failed (why, and what happens next); null before the decision',
  })
  @ApiOkResponse({ type: MemoDocumentView })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'No such memo, or not one the caller may read' })
  async document(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<MemoDocumentView> {
    await this.memos.get(user, id);
    return { memoId: id, document: await this.documents.forMemo(user.organisationId, id) };
  }
}
