import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '@saraban/auth';
import { ErrorBody, SchemaPipe } from '@saraban/errors';
import { approvalCommandOf } from './commands/approval-command';
import { ApprovalCommandService } from './commands/approval-command.service';
import {
  CancelMemoDto,
  DecideMemoDto,
  EndorseMemoDto,
  RerouteMemoDto,
  ReturnMemoDto,
  VersionedCommandDto,
} from './dto/approval-command.dto';
import {
  approvalCommandSchemas as schemas,
  type ApprovalCommandBody as CommandBody,
  type ApprovalCommandKind,
} from './dto/approval-command.schema';
import { ApprovalStateView, SentListView, TimelineView } from './dto/approval-views';
import { SentQuery } from './dto/inbox.query';
import { commandRequestHash } from './idempotency/idempotency.service';
import { ApprovalQueryService } from './queries/approval-query.service';

const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description:
    'A repeat with the same key answers the first result and does nothing twice; another body → 422',
};

/** The approval commands on one memo, its state and its timeline; "sent by me". */
@ApiTags('approval')
@ApiBearerAuth()
@Controller('memos')
export class ApprovalController {
  constructor(
    private readonly commands: ApprovalCommandService,
    private readonly queries: ApprovalQueryService,
  ) {}

  @Get('sent')
  @ApiOperation({ summary: 'Sent by me: where each of my submitted memos stands' })
  @ApiOkResponse({ type: SentListView })
  sent(@CurrentUser() user: AuthUser, @Query() query: SentQuery): Promise<SentListView> {
    return this.queries.sent(user, query);
  }

  @Get(':id/approval')
  @ApiOperation({ summary: 'The memo’s approval state and the commands the caller may give' })
  @ApiOkResponse({ type: ApprovalStateView })
  @ApiNotFoundResponse({ type: ErrorBody })
  state(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ApprovalStateView> {
    return this.commands.state(user, id);
  }

  @Get(':id/timeline')
  @ApiOperation({ summary: 'Every action on the memo: who, in what capacity, when, and what was written' })
  @ApiOkResponse({ type: TimelineView })
  @ApiNotFoundResponse({ type: ErrorBody })
  timeline(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<TimelineView> {
    return this.queries.timeline(user, id);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit (author): issues the register number and the date, and starts the chain' })
  @ApiBody({ type: VersionedCommandDto })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOkResponse({ type: ApprovalStateView })
  @ApiConflictResponse({
    type: ErrorBody,
    description: 'VERSION_CONFLICT (details.current) or TRANSITION_NOT_ALLOWED',
  })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'IDEMPOTENCY_KEY_REUSED' })
  submit(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new SchemaPipe(schemas.submit)) dto: CommandBody<'submit'>,
    @Headers('idempotency-key') key?: string,
  ): Promise<ApprovalStateView> {
    return this.run(user, id, 'submit', dto, key);
  }

  @Post(':id/endorse')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Endorse and forward, with an opinion or without one (whoever may act on the waiting step)',
  })
  @ApiBody({ type: EndorseMemoDto })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOkResponse({ type: ApprovalStateView })
  @ApiConflictResponse({ type: ErrorBody })
  endorse(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new SchemaPipe(schemas.endorse)) dto: CommandBody<'endorse'>,
    @Headers('idempotency-key') key?: string,
  ): Promise<ApprovalStateView> {
    return this.run(user, id, 'endorse', dto, key);
  }

  @Post(':id/return')
  @HttpCode(200)
  @ApiOperation({ summary: 'Return to the author with a reason' })
  @ApiBody({ type: ReturnMemoDto })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOkResponse({ type: ApprovalStateView })
  @ApiConflictResponse({ type: ErrorBody })
  returnMemo(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new SchemaPipe(schemas.return)) dto: CommandBody<'return'>,
    @Headers('idempotency-key') key?: string,
  ): Promise<ApprovalStateView> {
    return this.run(user, id, 'return', dto, key);
  }

  @Post(':id/decide')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Give the order (decision maker): ทราบ, อนุมัติ, เห็นชอบ, อนุญาต, ไม่อนุมัติ or free text',
  })
  @ApiBody({ type: DecideMemoDto })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOkResponse({ type: ApprovalStateView })
  @ApiConflictResponse({ type: ErrorBody })
  decide(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new SchemaPipe(schemas.decide)) dto: CommandBody<'decide'>,
    @Headers('idempotency-key') key?: string,
  ): Promise<ApprovalStateView> {
    return this.run(user, id, 'decide', dto, key);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw (author, before the decision); the number is kept, marked cancelled' })
  @ApiBody({ type: VersionedCommandDto })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOkResponse({ type: ApprovalStateView })
  @ApiConflictResponse({ type: ErrorBody })
  withdraw(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new SchemaPipe(schemas.withdraw)) dto: CommandBody<'withdraw'>,
    @Headers('idempotency-key') key?: string,
  ): Promise<ApprovalStateView> {
    return this.run(user, id, 'withdraw', dto, key);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel (clerk); the register number is kept, marked cancelled' })
  @ApiBody({ type: CancelMemoDto })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOkResponse({ type: ApprovalStateView })
  @ApiConflictResponse({ type: ErrorBody })
  cancel(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new SchemaPipe(schemas.cancel)) dto: CommandBody<'cancel'>,
    @Headers('idempotency-key') key?: string,
  ): Promise<ApprovalStateView> {
    return this.run(user, id, 'cancel', dto, key);
  }

  @Post(':id/reroute')
  @HttpCode(200)
  @ApiOperation({ summary: 'Re-route a stuck step to another post (clerk or admin); recorded' })
  @ApiBody({ type: RerouteMemoDto })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOkResponse({ type: ApprovalStateView })
  @ApiConflictResponse({ type: ErrorBody })
  reroute(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new SchemaPipe(schemas.reroute)) dto: CommandBody<'reroute'>,
    @Headers('idempotency-key') key?: string,
  ): Promise<ApprovalStateView> {
    return this.run(user, id, 'reroute', dto, key);
  }

  private run<K extends ApprovalCommandKind>(
    user: AuthUser,
    id: string,
    kind: K,
    dto: CommandBody<K>,
    key: string | undefined,
  ): Promise<ApprovalStateView> {
    const command = approvalCommandOf(kind, dto);
    return this.commands.execute(user, id, command, {
      expectedVersion: dto.version,
      // Hashed only when there is a key to compare it with.
      idempotency: key ? { key, requestHash: commandRequestHash(id, command, dto.version) } : undefined,
    });
  }
}
