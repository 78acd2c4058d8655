import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import addressparser from 'nodemailer/lib/addressparser';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import type { RenderedMail } from './mail-templates.service';
import { buildMimeMessage } from './mime-message.util';
import { SmtpPool } from './smtp-pool';

/** SMTP over a pool of open connections (a fan-out sends thousands at once). */
@Injectable()
export class MailSender implements OnApplicationShutdown {
  private readonly pool: SmtpPool;
  /** The bare address of MAIL_FROM (the SMTP envelope's sender). */
  private readonly envelopeFrom: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.pool = new SmtpPool({ url: config.SMTP_URL, size: config.SMTP_POOL_SIZE });
    const [from] = addressparser(config.MAIL_FROM, { flatten: true });
    if (!from?.address) throw new Error(`MAIL_FROM has no address: ${config.MAIL_FROM}`);
    this.envelopeFrom = from.address;
  }

  /**
   * `messageId` is the delivery's own: a mail sent twice after a lost acknowledgement carries
   * the same Message-ID, which mail clients show once.
   */
  async send(to: string, mail: RenderedMail, messageId: string): Promise<void> {
    const message = buildMimeMessage({
      from: this.config.MAIL_FROM,
      to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      messageId: `${messageId}@saraban-flow`,
      date: new Date(),
    });
    await this.pool.send({ from: this.envelopeFrom, to: [to] }, message);
  }

  onApplicationShutdown(): void {
    this.pool.close();
  }
}
