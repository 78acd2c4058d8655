import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '@saraban/auth';
import { ErrorBody } from '@saraban/errors';
import { DeadlineTimelineView } from './deadline-notice.view';
import { DeadlineTimelineService } from './deadline-timeline.service';

@ApiTags('approval')
@ApiBearerAuth()
@Controller()
export class DeadlineTimelineController {
  constructor(private readonly timeline: DeadlineTimelineService) {}

  @Get('memos/:id/deadline-notices')
  @ApiOperation({ summary: 'Reminders before due times and escalations of overdue steps, oldest first' })
  @ApiOkResponse({ type: DeadlineTimelineView })
  @ApiNotFoundResponse({ type: ErrorBody })
  ofMemo(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<DeadlineTimelineView> {
    return this.timeline.ofMemo(user, id);
  }
}
