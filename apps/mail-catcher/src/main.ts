import { startMailCatcher } from './mail-catcher';

/** npm run mail-catcher: SMTP on MAIL_CATCHER_SMTP_PORT (1025), the mails on http://HOST:MAIL_CATCHER_HTTP_PORT (1080). */
async function main(): Promise<void> {
  const host = process.env.MAIL_CATCHER_HOST ?? '127.0.0.1';
  const catcher = await startMailCatcher({
    host,
    smtpPort: Number(process.env.MAIL_CATCHER_SMTP_PORT ?? 1025),
    httpPort: Number(process.env.MAIL_CATCHER_HTTP_PORT ?? 1080),
  });
  console.log(
    `mail catcher: SMTP ${host}:${catcher.smtpPort}, read the mail at http://${host}:${catcher.httpPort}/`,
  );
  const stop = () => void catcher.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
