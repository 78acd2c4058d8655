import { Inject, Injectable } from '@nestjs/common';
import { messagingApi, validateSignature } from '@line/bot-sdk';
import { seal, sealingKey, unseal } from '@saraban/certificates';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { AppException, ErrorCode } from '@saraban/errors';
import { LineRepository } from './line.repository';

/** A token changed in the admin page reaches every worker within this long. */
const CLIENT_TTL_MS = 30_000;

export interface LineChannelStatus {
  configured: boolean;
  updatedAt: Date | null;
  /** The webhook address to enter in the LINE Developers console. */
  webhookUrl: string;
}

/**
 * An organisation's LINE Official Account: its channel secret and access token, sealed at rest
 * (AES-256-GCM under SIGNING_KEY_SECRET, as the certificates), opened to verify webhooks and to
 * push. The SDK's base URL is LINE_API_BASE_URL (the local LINE double in the demo and tests).
 */
@Injectable()
export class LineChannelService {
  private readonly key: Buffer;
  /** Opened clients per organisation for a short while: a fan-out pushes many at once. */
  private readonly clients = new Map<
    string,
    { client: messagingApi.MessagingApiClient | null; at: number }
  >();

  constructor(
    private readonly repository: LineRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.key = sealingKey(config.SIGNING_KEY_SECRET, 'line-channels');
  }

  async save(organisationId: string, by: string, channelSecret: string, accessToken: string): Promise<void> {
    this.clients.delete(organisationId);
    await this.repository.saveChannel(
      organisationId,
      seal(this.key, Buffer.from(channelSecret.trim())),
      seal(this.key, Buffer.from(accessToken.trim())),
      by,
    );
  }

  async remove(organisationId: string): Promise<void> {
    this.clients.delete(organisationId);
    await this.repository.deleteChannel(organisationId);
  }

  async status(organisationId: string, organisationCode: string): Promise<LineChannelStatus> {
    const channel = await this.repository.channel(organisationId);
    return {
      configured: channel !== null,
      updatedAt: channel?.updatedAt ?? null,
      webhookUrl: `${this.config.PUBLIC_BASE_URL.replace(/\/$/, '')}/line/webhook/${encodeURIComponent(organisationCode)}`,
    };
  }

  /** Whether a webhook body was signed with the organisation's channel secret (the SDK's check). */
  async verify(organisationId: string, body: Buffer, signature: string | undefined): Promise<void> {
    const channel = await this.repository.channel(organisationId);
    if (!channel) throw new AppException(ErrorCode.LineNotConfigured);
    const secret = unseal(this.key, channel.sealedSecret).toString();
    if (!signature || !validateSignature(body, secret, signature)) {
      throw new AppException(ErrorCode.LineSignatureInvalid);
    }
  }

  /** A Messaging API client with the organisation's token, or null when it has no OA. */
  async client(organisationId: string): Promise<messagingApi.MessagingApiClient | null> {
    const hit = this.clients.get(organisationId);
    if (hit && Date.now() - hit.at < CLIENT_TTL_MS) return hit.client;
    const channel = await this.repository.channel(organisationId);
    const client = channel
      ? new messagingApi.MessagingApiClient({
          channelAccessToken: unseal(this.key, channel.sealedToken).toString(),
          baseURL: this.config.LINE_API_BASE_URL,
        })
      : null;
    this.clients.set(organisationId, { client, at: Date.now() });
    return client;
  }
}
