import { Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@saraban/auth';
import { PipelineStatusService, type FailedJobView } from './pipeline-status.service';

@ApiTags('pipeline')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/pipeline')
export class PipelineAdminController {
  constructor(private readonly status: PipelineStatusService) {}

  @Get()
  @ApiOperation({
    summary:
      'Document queue: job counts and this organisation’s failed jobs with their reasons (dashboard: /admin/queues)',
  })
  get(@CurrentUser() user: AuthUser): Promise<{ counts: Record<string, number>; failed: FailedJobView[] }> {
    return this.status.status(user.organisationId);
  }

  @Post('jobs/:jobId/retry')
  @ApiOperation({ summary: 'Retry a failed job of this organisation' })
  retry(@CurrentUser() user: AuthUser, @Param('jobId') jobId: string): Promise<FailedJobView> {
    return this.status.retry(user.organisationId, jobId);
  }
}
