import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import type { RenderedMail } from './mail-templates.service';

/** SMTP through nodemailer, pooled (a fan-out sends many at once). */
@Injectable()
export class MailSender implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const options: SMTPPool.Options = {
      url: config.SMTP_URL,
      pool: true,
      maxConnections: config.SMTP_POOL_SIZE,
      maxMessages: Infinity,
    };
    this.transport = nodemailer.createTransport(options);
  }

  /**
   * `messageId` is the delivery's own: a mail sent twice after a lost acknowledgement carries
   * the same Message-ID, which mail clients show once.
   */
  async send(to: string, mail: RenderedMail, messageId: string): Promise<void> {
    await this.transport.sendMail({
      from: this.config.MAIL_FROM,
      to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      messageId: `<${messageId}@saraban-flow>`,
    });
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
