import { Controller, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@saraban/auth';
import { ErrorBody } from '@saraban/errors';
import { DocumentStatusService } from '../status/document-status.service';
import { DocumentRetryView } from '../status/document-status.views';
import {
  PipelineStatusService,
  type FailedJobView,
  type PipelineStatusView,
} from './pipeline-status.service';

@ApiTags('pipeline')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/pipeline')
export class PipelineAdminController {
  constructor(
    private readonly status: PipelineStatusService,
    private readonly documents: DocumentStatusService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'This organisation’s documents of the last week by state, its failed jobs with their reasons, and its documents that failed (reason, cause, attempts, next retry). The whole queue (every organisation) is the operator’s Bull Board at /admin/queues',
  })
  get(@CurrentUser() user: AuthUser): Promise<PipelineStatusView> {
    return this.status.status(user.organisationId);
  }

  @Post('jobs/:jobId/retry')
  @ApiOperation({ summary: 'Retry a failed job of this organisation' })
  retry(@CurrentUser() user: AuthUser, @Param('jobId') jobId: string): Promise<FailedJobView> {
    return this.status.retry(user.organisationId, jobId);
  }

  @Post('failures/:memoId/v/:version/retry')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Put a document that failed back to work now (the memo version’s flow), not waiting for its automatic retry',
  })
  @ApiOkResponse({ type: DocumentRetryView })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'No outstanding failure of that memo version here' })
  retryDocument(
    @CurrentUser() user: AuthUser,
    @Param('memoId', ParseUUIDPipe) memoId: string,
    @Param('version', ParseIntPipe) version: number,
  ): Promise<DocumentRetryView> {
    return this.documents.retry(user.organisationId, memoId, version);
  }
}
