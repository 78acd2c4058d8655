import { Controller, Headers, HttpCode, Logger, Param, Post, Req } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import type { webhook } from '@line/bot-sdk';
import type { RawBodyRequest } from '@nestjs/common';
import type { Request } from 'express';
import { Public } from '@saraban/auth';
import { AppException, ErrorCode } from '@saraban/errors';
import { OrganisationDirectoryService } from '@saraban/organisation';
import { LineChannelService } from './line-channel.service';
import { LineLinkService, linkCodeIn } from './line-link.service';

const REPLIES = {
  linked: 'เชื่อมต่อบัญชี LINE กับ Saraban Flow เรียบร้อยแล้ว ระบบจะแจ้งงานที่รอท่านทางช่องทางนี้',
  wrong: 'รหัสไม่ถูกต้องหรือหมดอายุ กรุณาขอรหัสใหม่จากหน้า "การแจ้งเตือนของฉัน" ใน Saraban Flow',
};

/**
 * The organisation's LINE OA calls this (its webhook URL in the LINE Developers console). The
 * body is verified against the channel secret (x-line-signature) before anything reads it; a
 * message with a link code links its sender, an unfollow unlinks them.
 */
@Controller('line/webhook')
export class LineWebhookController {
  private readonly logger = new Logger('LineWebhook');

  constructor(
    private readonly directory: OrganisationDirectoryService,
    private readonly channels: LineChannelService,
    private readonly links: LineLinkService,
  ) {}

  @Public()
  @Post(':organisationCode')
  @HttpCode(200)
  @ApiExcludeEndpoint()
  async receive(
    @Param('organisationCode') code: string,
    @Headers('x-line-signature') signature: string | undefined,
    @Req() req: RawBodyRequest<Request>,
  ): Promise<{ ok: true }> {
    const org = await this.directory.byCode(code);
    if (!req.rawBody)
      throw new AppException(ErrorCode.ValidationFailed, [{ field: 'body', problems: ['empty'] }]);
    await this.channels.verify(org.id, req.rawBody, signature);
    const body = req.body as webhook.CallbackRequest;
    for (const event of Array.isArray(body?.events) ? body.events : []) {
      await this.handle(org.id, event).catch((error: unknown) =>
        this.logger.warn(`event ${event.type}: ${error instanceof Error ? error.message : String(error)}`),
      );
    }
    return { ok: true };
  }

  private async handle(organisationId: string, event: webhook.Event): Promise<void> {
    const userId = event.source?.type === 'user' ? event.source.userId : undefined;
    if (!userId) return;
    if (event.type === 'unfollow') {
      await this.links.unfollowed(organisationId, userId);
      return;
    }
    if (event.type !== 'message' || event.message.type !== 'text') return;
    const code = linkCodeIn(event.message.text);
    if (!code) return;
    const personId = await this.links.redeem(organisationId, code, userId);
    const client = await this.channels.client(organisationId);
    await client?.replyMessage({
      replyToken: event.replyToken ?? '',
      messages: [{ type: 'text', text: personId ? REPLIES.linked : REPLIES.wrong }],
    });
  }
}
