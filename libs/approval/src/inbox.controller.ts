import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@saraban/auth';
import { ErrorBody } from '@saraban/errors';
import { InboxView, MemoSearchView, StuckListView } from './dto/approval-views';
import { InboxQuery } from './dto/inbox.query';
import { MemoSearchQuery } from './dto/memo-search.query';
import { ApprovalQueryService } from './queries/approval-query.service';
import { MemoSearchService } from './queries/memo-search.service';

@ApiTags('approval')
@ApiBearerAuth()
@Controller()
export class InboxController {
  constructor(
    private readonly queries: ApprovalQueryService,
    private readonly searches: MemoSearchService,
  ) {}

  @Get('search/memos')
  @ApiOperation({
    summary:
      'Every memo I may read, by words (Thai-normalised), status, date or fiscal year; with acted=true the memos I endorsed, returned or decided',
  })
  @ApiOkResponse({ type: MemoSearchView })
  search(@CurrentUser() user: AuthUser, @Query() query: MemoSearchQuery): Promise<MemoSearchView> {
    return this.searches.search(user, query);
  }

  @Get('inbox')
  @ApiOperation({
    summary:
      'Everything waiting for me today, in every capacity I hold, urgent first then oldest, with counts',
  })
  @ApiOkResponse({ type: InboxView })
  inbox(@CurrentUser() user: AuthUser, @Query() query: InboxQuery): Promise<InboxView> {
    return this.queries.inbox(user, query);
  }

  @Get('approval/stuck')
  @Roles('clerk', 'admin')
  @ApiOperation({ summary: 'Memos waiting at a step nobody may act on today (to re-route)' })
  @ApiOkResponse({ type: StuckListView })
  @ApiForbiddenResponse({ type: ErrorBody })
  stuck(@CurrentUser() user: AuthUser): Promise<StuckListView> {
    return this.queries.stuck(user);
  }
}
