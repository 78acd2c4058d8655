import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@saraban/auth';
import { SchemaPipe } from '@saraban/errors';
import { LineChannelService } from '../line/line-channel.service';
import type { WebhookSubscriptionRow } from '../webhooks/webhook.repository';
import { WebhookSubscriptionService } from '../webhooks/webhook-subscription.service';
import {
  LineChannelDto,
  NotificationListQuery,
  WebhookActiveDto,
  WebhookSubscriptionDto,
} from './notification.dto';
import { notificationInputSchemas as schemas, type NotificationInput } from './notification-input.schema';
import { LineStatusDoc, WebhookDeliveryDoc, WebhookSubscriptionDoc } from './notification.views';

function subscriptionView(s: WebhookSubscriptionRow, secret?: string): WebhookSubscriptionDoc {
  return {
    id: s.id,
    url: s.url,
    events: s.events,
    description: s.description,
    active: s.active,
    createdAt: s.createdAt,
    ...(secret ? { secret } : {}),
  };
}

/** The organisation's LINE OA and outgoing webhooks: admins only, bound to the caller's organisation. */
@ApiTags('notification admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin')
export class NotificationAdminController {
  constructor(
    private readonly line: LineChannelService,
    private readonly webhooks: WebhookSubscriptionService,
  ) {}

  @Get('line')
  @ApiOperation({ summary: 'Whether the organisation’s LINE OA is set (never its secrets)' })
  @ApiOkResponse({ type: LineStatusDoc })
  lineStatus(@CurrentUser() user: AuthUser): Promise<LineStatusDoc> {
    return this.line.status(user.organisationId, user.organisationCode);
  }

  @Put('line')
  @ApiBody({ type: LineChannelDto })
  @ApiOperation({ summary: 'Set the LINE OA’s channel secret and access token (stored sealed)' })
  @ApiOkResponse({ type: LineStatusDoc })
  async setLine(
    @CurrentUser() user: AuthUser,
    @Body(new SchemaPipe(schemas.lineChannel)) body: NotificationInput<'lineChannel'>,
  ): Promise<LineStatusDoc> {
    await this.line.save(user.organisationId, user.personId, body.channelSecret, body.accessToken);
    return this.line.status(user.organisationId, user.organisationCode);
  }

  @Delete('line')
  @HttpCode(204)
  @ApiOperation({ summary: 'Forget the LINE OA' })
  async removeLine(@CurrentUser() user: AuthUser): Promise<void> {
    await this.line.remove(user.organisationId);
  }

  @Get('webhooks')
  @ApiOperation({ summary: 'Outgoing webhook subscriptions' })
  @ApiOkResponse({ type: [WebhookSubscriptionDoc] })
  async list(@CurrentUser() user: AuthUser): Promise<WebhookSubscriptionDoc[]> {
    return (await this.webhooks.list(user.organisationId)).map((s) => subscriptionView(s));
  }

  @Post('webhooks')
  @ApiOperation({
    summary: 'Subscribe a URL to events',
    description:
      'Each event is POSTed as JSON `{ "type", "timestamp", "data": { memoId, memoVersion, organisationId, eventId, … } }`, ' +
      'signed per the Standard Webhooks specification (headers `webhook-id`, `webhook-timestamp`, `webhook-signature`: ' +
      '`v1,` + base64 HMAC-SHA256 of "id.timestamp.body" with the secret answered here, once). Any 2xx answer is a ' +
      'delivery; otherwise it is retried with exponential backoff (1 s doubling, WEBHOOK_ATTEMPTS times), then logged ' +
      'as failed; an admin can replay any logged delivery. Receivers should drop a `webhook-id` seen before.',
  })
  @ApiBody({ type: WebhookSubscriptionDto })
  @ApiCreatedResponse({ type: WebhookSubscriptionDoc })
  async create(
    @CurrentUser() user: AuthUser,
    @Body(new SchemaPipe(schemas.webhookSubscription)) body: NotificationInput<'webhookSubscription'>,
  ): Promise<WebhookSubscriptionDoc> {
    const { subscription, secret } = await this.webhooks.create(user.organisationId, user.personId, body);
    return subscriptionView(subscription, secret);
  }

  @Put('webhooks/:id/active')
  @HttpCode(204)
  @ApiBody({ type: WebhookActiveDto })
  @ApiOperation({ summary: 'Pause or resume a subscription' })
  @ApiNoContentResponse()
  async setActive(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new SchemaPipe(schemas.webhookActive)) body: NotificationInput<'webhookActive'>,
  ): Promise<void> {
    await this.webhooks.setActive(user.organisationId, id, body.active);
  }

  @Delete('webhooks/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a subscription and its log' })
  async remove(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.webhooks.remove(user.organisationId, id);
  }

  @Get('webhook-deliveries')
  @ApiOperation({ summary: 'The delivery log, newest first' })
  @ApiOkResponse({ type: [WebhookDeliveryDoc] })
  async log(@CurrentUser() user: AuthUser, @Query() q: NotificationListQuery): Promise<WebhookDeliveryDoc[]> {
    return (await this.webhooks.log(user.organisationId, q.limit)).map(({ payload: _payload, ...d }) => d);
  }

  @Post('webhook-deliveries/:id/replay')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a logged delivery again (same webhook-id)' })
  async replay(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<{ queued: true }> {
    await this.webhooks.replay(user.organisationId, id);
    return { queued: true };
  }
}
