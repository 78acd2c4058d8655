import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@saraban/auth';
import { ErrorBody } from '@saraban/errors';
import { AwayService } from './away.service';
import { AwayNoticeListView, AwayNoticeView } from './dto/away-notice.view';
import { DecideAwayDto, DeclareAwayDto } from './dto/declare-away.dto';

@ApiTags('away')
@ApiBearerAuth()
@Controller()
export class AwayController {
  constructor(private readonly away: AwayService) {}

  @Post('me/away')
  @ApiOperation({
    summary:
      'I will be away these days and this person acts for me: acting orders for my posts, at once or once an administrator approves (organisation.awayRequiresApproval)',
  })
  @ApiCreatedResponse({ type: AwayNoticeView })
  @ApiBadRequestResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody, description: 'Overlaps a pending or approved notice of mine' })
  declare(@CurrentUser() user: AuthUser, @Body() dto: DeclareAwayDto): Promise<AwayNoticeView> {
    return this.away.declare(user, dto);
  }

  @Get('me/away')
  @ApiOperation({ summary: 'My away notices, latest first' })
  @ApiOkResponse({ type: AwayNoticeListView })
  async mine(@CurrentUser() user: AuthUser): Promise<AwayNoticeListView> {
    return { items: await this.away.mine(user) };
  }

  @Post('me/away/:id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Withdraw my notice: its acting orders end today (days already past stay on record)',
  })
  @ApiOkResponse({ type: AwayNoticeView })
  @ApiNotFoundResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody, description: 'Already rejected or cancelled' })
  cancel(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<AwayNoticeView> {
    return this.away.cancel(user, id);
  }

  @Get('admin/away')
  @Roles('admin')
  @ApiOperation({ summary: 'Away notices waiting for the administrator’s approval' })
  @ApiOkResponse({ type: AwayNoticeListView })
  @ApiForbiddenResponse({ type: ErrorBody })
  async pending(@CurrentUser() user: AuthUser): Promise<AwayNoticeListView> {
    return { items: await this.away.pending(user) };
  }

  @Post('admin/away/:id/approve')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve: the acting orders are made' })
  @ApiOkResponse({ type: AwayNoticeView })
  @ApiConflictResponse({ type: ErrorBody, description: 'Already decided or cancelled (one winner)' })
  approve(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DecideAwayDto,
  ): Promise<AwayNoticeView> {
    return this.away.approve(user, id, dto.note);
  }

  @Post('admin/away/:id/reject')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject: no acting order is made' })
  @ApiOkResponse({ type: AwayNoticeView })
  @ApiConflictResponse({ type: ErrorBody, description: 'Already decided or cancelled (one winner)' })
  reject(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DecideAwayDto,
  ): Promise<AwayNoticeView> {
    return this.away.reject(user, id, dto.note);
  }
}
