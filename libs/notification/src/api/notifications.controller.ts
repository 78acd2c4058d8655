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
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '@saraban/auth';
import { SchemaPipe } from '@saraban/errors';
import { NotificationInboxService } from '../inbox/notification-inbox.service';
import { LineLinkService } from '../line/line-link.service';
import {
  NotificationPreferencesService,
  type PreferencesView,
} from '../preferences/notification-preferences.service';
import { notificationInputSchemas, type NotificationInput } from './notification-input.schema';
import { NotificationListQuery, PreferencesDto } from './notification.dto';
import { LineLinkCodeDoc, LineLinkDoc, NotificationListDoc } from './notification.views';

/** The caller's own notifications, preferences and LINE link. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly inbox: NotificationInboxService,
    private readonly preferences: NotificationPreferencesService,
    private readonly links: LineLinkService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'My notifications, newest first, with the unread count' })
  @ApiOkResponse({ type: NotificationListDoc })
  list(@CurrentUser() user: AuthUser, @Query() q: NotificationListQuery): Promise<NotificationListDoc> {
    return this.inbox.list(user.personId, { limit: q.limit, offset: q.offset, unreadOnly: q.unread });
  }

  @Post(':id/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark one of my notifications read' })
  @ApiNoContentResponse()
  async read(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.inbox.markRead(user.personId, id);
  }

  @Post('read-all')
  @ApiOperation({ summary: 'Mark all my notifications read' })
  async readAll(@CurrentUser() user: AuthUser): Promise<{ marked: number }> {
    return { marked: await this.inbox.markAllRead(user.personId) };
  }

  @Get('preferences')
  @ApiOperation({ summary: 'Which events reach me by which channel; digest; quiet hours' })
  getPreferences(@CurrentUser() user: AuthUser): Promise<PreferencesView> {
    return this.preferences.get(user.personId);
  }

  @Put('preferences')
  @ApiBody({ type: PreferencesDto })
  @ApiOperation({ summary: 'Set my notification preferences' })
  putPreferences(
    @CurrentUser() user: AuthUser,
    @Body(new SchemaPipe(notificationInputSchemas.preferences)) body: NotificationInput<'preferences'>,
  ): Promise<PreferencesView> {
    return this.preferences.save(user, body);
  }

  @Get('line')
  @ApiOperation({ summary: 'Whether my LINE account is linked' })
  @ApiOkResponse({ type: LineLinkDoc })
  lineStatus(@CurrentUser() user: AuthUser): Promise<LineLinkDoc> {
    return this.links.status(user.personId);
  }

  @Post('line/code')
  @ApiOperation({
    summary: 'A one-time code (ten minutes) to send to the organisation’s LINE OA, which links my LINE',
  })
  @ApiOkResponse({ type: LineLinkCodeDoc })
  lineCode(@CurrentUser() user: AuthUser): Promise<LineLinkCodeDoc> {
    return this.links.newCode(user.organisationId, user.personId);
  }

  @Delete('line')
  @HttpCode(204)
  @ApiOperation({ summary: 'Unlink my LINE account: no more pushes' })
  async unlink(@CurrentUser() user: AuthUser): Promise<void> {
    await this.links.unlink(user.personId);
  }
}
