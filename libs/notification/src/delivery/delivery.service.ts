import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { HTTPFetchError, type messagingApi } from '@line/bot-sdk';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { organisationNameOf, personDisplayNames } from '@saraban/organisation';
import { MailSender } from '../email/mail-sender.service';
import { MailTemplates } from '../email/mail-templates.service';
import { SEND_JOB_OPTIONS } from '../events/notification-jobs';
import { LineChannelService } from '../line/line-channel.service';
import { planLineRequests } from './delivery-batch.util';
import { notificationContext } from './delivery-content.util';
import { DeliveryRepository, type DeliveryToSend } from './delivery.repository';

export interface BatchOutcome {
  sent: number;
  skipped: number;
  failed: number;
}

/** Names change rarely; a send reads them from here for a minute. */
const NAME_TTL_MS = 60_000;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** LINE answers 409 to a retry key it has accepted before: that request was delivered. */
const alreadyAccepted = (error: unknown) => error instanceof HTTPFetchError && error.status === 409;

/**
 * Sends one batch of delivery rows. The rows are the key: each is marked sent as soon as its
 * send is acknowledged (one statement per request or per batch of emails), and a batch that runs
 * again (a retry after a failure, a stalled job taken over) reads only the rows still unsent.
 * LINE: one multicast per identical text (up to 500 people), its retry key written on its rows
 * before it goes out, so the request repeated after a lost answer is the same request under
 * the same X-Line-Retry-Key and LINE delivers it once. Email: one message per person over the
 * SMTP pool, the delivery id as Message-ID, so a mail sent again after a lost acknowledgement is
 * recognised as the same mail by its reader's client.
 * A batch with failures throws after recording what went out: BullMQ retries only the rest.
 */
@Injectable()
export class DeliveryService {
  private readonly names = new Map<string, { name: string; at: number }>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly deliveries: DeliveryRepository,
    private readonly templates: MailTemplates,
    private readonly mail: MailSender,
    private readonly line: LineChannelService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** How a delivery whose job gave up is tried again later (DeliveryRepository.markFailed). */
  private retryRounds(): { maxAttempts: number; roundMs: number; perRound: number } {
    return {
      maxAttempts: this.config.NOTIFICATION_MAX_ATTEMPTS,
      roundMs: this.config.NOTIFICATION_RETRY_ROUND_MS,
      perRound: SEND_JOB_OPTIONS.attempts ?? 1,
    };
  }

  async sendBatch(batchId: string, final: boolean): Promise<BatchOutcome> {
    const rows = await this.deliveries.batchForSend(batchId);
    const outcome: BatchOutcome = { sent: 0, skipped: 0, failed: 0 };
    if (rows.length === 0) return outcome;
    const errors: string[] = [];
    const add = (o: BatchOutcome & { error?: string }) => {
      outcome.sent += o.sent;
      outcome.skipped += o.skipped;
      outcome.failed += o.failed;
      if (o.error) errors.push(o.error);
    };
    const email = rows.filter((r) => r.channel === 'email');
    const line = rows.filter((r) => r.channel === 'line');
    await Promise.all([
      email.length > 0 ? this.sendEmails(email, final).then(add) : null,
      line.length > 0 ? this.sendLine(line, final).then(add) : null,
    ]);
    if (outcome.failed > 0) {
      throw new Error(`${outcome.failed} of ${rows.length} deliveries failed: ${errors.join('; ')}`);
    }
    return outcome;
  }

  private async sendEmails(
    rows: DeliveryToSend[],
    final: boolean,
  ): Promise<BatchOutcome & { error?: string }> {
    const noAddress = rows.filter((r) => !r.email).map((r) => r.id);
    await this.deliveries.markSkipped(noAddress, 'no email address');
    const toSend = rows.filter((r) => r.email);
    if (toSend.length === 0) return { sent: 0, skipped: noAddress.length, failed: 0 };
    const [names, organisationName] = await Promise.all([
      this.personNames(toSend.map((r) => r.personId)),
      this.organisationName(toSend[0].organisationId),
    ]);
    const settingsLink = this.settingsLink();
    const results = await Promise.allSettled(
      toSend.map((d) =>
        this.mail.send(
          d.email!,
          this.templates.render('notification', {
            ...notificationContext(d.notification),
            recipientName: names.get(d.personId) ?? '',
            organisationName,
            settingsLink,
          }),
          d.id,
        ),
      ),
    );
    const sent = toSend.filter((_, i) => results[i].status === 'fulfilled').map((r) => r.id);
    const failed = toSend.filter((_, i) => results[i].status === 'rejected').map((r) => r.id);
    const firstError = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    const error = firstError ? messageOf(firstError.reason) : undefined;
    await Promise.all([
      this.deliveries.markSent(sent),
      this.deliveries.markFailed(failed, error ?? '', final, this.retryRounds()),
    ]);
    return { sent: sent.length, skipped: noAddress.length, failed: failed.length, error };
  }

  private async sendLine(rows: DeliveryToSend[], final: boolean): Promise<BatchOutcome & { error?: string }> {
    const client = await this.line.client(rows[0].organisationId);
    if (!client) {
      await this.deliveries.markSkipped(
        rows.map((r) => r.id),
        'no LINE channel',
      );
      return { sent: 0, skipped: rows.length, failed: 0 };
    }
    const unlinked = rows.filter((r) => !r.lineUserId).map((r) => r.id);
    await this.deliveries.markSkipped(unlinked, 'LINE not linked');
    const requests = planLineRequests(
      rows
        .filter((r) => r.lineUserId)
        .map((r) => ({
          id: r.id,
          sendKey: r.sendKey,
          to: r.lineUserId!,
          text: this.templates.linePush(notificationContext(r.notification)),
        })),
      this.config.LINE_MULTICAST_SIZE,
    );
    await this.deliveries.setSendKeys(
      requests.filter((q) => q.fresh).flatMap((q) => q.rows.map((r) => ({ id: r.id, key: q.key }))),
    );
    const results = await Promise.all(
      requests.map(async (q) => {
        const ids = q.rows.map((r) => r.id);
        try {
          await this.lineRequest(client, q.key, q.rows);
        } catch (error) {
          if (!alreadyAccepted(error)) {
            await this.deliveries.markFailed(ids, messageOf(error), final, this.retryRounds());
            return { failed: ids.length, error: messageOf(error) };
          }
        }
        await this.deliveries.markSent(ids);
        return { sent: ids.length };
      }),
    );
    return {
      sent: results.reduce((n, r) => n + (r.sent ?? 0), 0),
      skipped: unlinked.length,
      failed: results.reduce((n, r) => n + (r.failed ?? 0), 0),
      error: results.find((r) => r.error)?.error,
    };
  }

  /** One person: a push; several with the same text: a multicast (the same quota, one request). */
  private async lineRequest(
    client: messagingApi.MessagingApiClient,
    key: string,
    rows: { to: string; text: string }[],
  ): Promise<void> {
    const messages: messagingApi.Message[] = [{ type: 'text', text: rows[0].text }];
    if (rows.length === 1) await client.pushMessage({ to: rows[0].to, messages }, key);
    else await client.multicast({ to: rows.map((r) => r.to), messages }, key);
  }

  settingsLink(): string {
    return `${this.config.PUBLIC_BASE_URL.replace(/\/$/, '')}/app/me/notifications`;
  }

  async personName(personId: string): Promise<string> {
    return (await this.personNames([personId])).get(personId) ?? '';
  }

  /** Display names of people, from the cache where fresh, the rest in one query. */
  async personNames(personIds: readonly string[]): Promise<Map<string, string>> {
    const now = Date.now();
    const result = new Map<string, string>();
    const missing: string[] = [];
    for (const id of new Set(personIds)) {
      const hit = this.names.get(`p:${id}`);
      if (hit && now - hit.at < NAME_TTL_MS) result.set(id, hit.name);
      else missing.push(id);
    }
    if (missing.length > 0) {
      const read = await personDisplayNames(this.db, missing);
      if (this.names.size + missing.length > 20_000) this.names.clear();
      for (const id of missing) {
        const name = read.get(id) ?? '';
        this.names.set(`p:${id}`, { name, at: now });
        result.set(id, name);
      }
    }
    return result;
  }

  async organisationName(organisationId: string): Promise<string> {
    const key = `o:${organisationId}`;
    const hit = this.names.get(key);
    if (hit && Date.now() - hit.at < NAME_TTL_MS) return hit.name;
    const name = (await organisationNameOf(this.db, { id: organisationId }))?.name ?? '';
    this.names.set(key, { name, at: Date.now() });
    return name;
  }
}
