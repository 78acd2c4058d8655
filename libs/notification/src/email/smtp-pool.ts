import SMTPConnection from 'nodemailer/lib/smtp-connection';

export interface SmtpPoolOptions {
  /** smtp:// or smtps://, with user:password when the server wants a login. */
  url: string;
  /** Connections kept open and used at once. */
  size: number;
}

/** How long connecting, the greeting and each exchange may take before the send fails (and is retried). */
const TIMEOUT_MS = 30_000;

/**
 * A pool of open SMTP connections (nodemailer's SMTPConnection) sending ready-made messages:
 * up to `size` messages in flight, one per connection, each connection reused for the next.
 * nodemailer's own pooled transport composes every message again through its stream pipeline
 * (plugins, MIME nodes, encoders), which cost more CPU than the SMTP exchange; messages here
 * are bytes already (buildMimeMessage). A connection that failed in any way is closed, never
 * reused; one the server closed while idle is dropped from the pool. When no connection can be
 * made, every send waiting for one fails at once: nothing hangs on an unreachable server.
 */
export class SmtpPool {
  private readonly options: SMTPConnection.Options;
  private readonly auth: { user: string; pass: string } | null;
  private readonly idle: SMTPConnection[] = [];
  private readonly waiting: { resolve: (c: SMTPConnection) => void; reject: (e: Error) => void }[] = [];
  /** Connections that ended or broke (while in use they are found out when released). */
  private readonly dead = new WeakSet<SMTPConnection>();
  private open = 0;
  private closed = false;

  constructor(private readonly pool: SmtpPoolOptions) {
    const url = new URL(pool.url);
    const secure = url.protocol === 'smtps:';
    this.options = {
      host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: url.port ? Number(url.port) : secure ? 465 : 25,
      secure,
      connectionTimeout: TIMEOUT_MS,
      greetingTimeout: TIMEOUT_MS,
      socketTimeout: TIMEOUT_MS,
      logger: false,
    };
    this.auth = url.username
      ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
      : null;
  }

  /** Sends one message to the envelope's recipients; rejects with the server's answer (responseCode) or the connection's error. */
  async send(envelope: { from: string; to: string[] }, message: Buffer): Promise<void> {
    const connection = await this.acquire();
    try {
      await new Promise<void>((resolve, reject) =>
        connection.send(envelope, message, (error) => (error ? reject(error) : resolve())),
      );
    } catch (error) {
      this.discard(connection);
      throw error;
    }
    this.release(connection);
  }

  close(): void {
    this.closed = true;
    for (const w of this.waiting.splice(0)) w.reject(new Error('the SMTP pool is closed'));
    for (const c of this.idle.splice(0)) c.quit();
  }

  private acquire(): Promise<SMTPConnection> {
    if (this.closed) return Promise.reject(new Error('the SMTP pool is closed'));
    const ready = this.idle.pop();
    if (ready) return Promise.resolve(ready);
    if (this.open < this.pool.size) return this.connect();
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private release(connection: SMTPConnection): void {
    if (this.dead.has(connection) || this.closed) return this.discard(connection);
    const next = this.waiting.shift();
    if (next) next.resolve(connection);
    else this.idle.push(connection);
  }

  /** Closes a connection and frees its place; a waiting send gets a new connection. */
  private discard(connection: SMTPConnection): void {
    const i = this.idle.indexOf(connection);
    if (i >= 0) this.idle.splice(i, 1);
    if (!connection.destroyed) connection.close();
    this.open--;
    const next = this.closed ? undefined : this.waiting.shift();
    if (next) this.connect().then(next.resolve, next.reject);
  }

  private async connect(): Promise<SMTPConnection> {
    this.open++;
    const connection = new SMTPConnection(this.options);
    // A connection the server closes (idle timeout) or that breaks leaves the pool once.
    const drop = () => {
      if (this.dead.has(connection)) return;
      this.dead.add(connection);
      const i = this.idle.indexOf(connection);
      if (i >= 0) {
        this.idle.splice(i, 1);
        this.open--;
      }
    };
    try {
      await new Promise<void>((resolve, reject) => {
        connection.once('error', reject);
        connection.connect((error) => (error ? reject(error) : resolve()));
      });
      if (this.auth) {
        const auth = this.auth;
        await new Promise<void>((resolve, reject) =>
          connection.login(auth, (error) => (error ? reject(error) : resolve())),
        );
      }
    } catch (error) {
      this.dead.add(connection);
      connection.close();
      this.open--;
      // The server cannot be reached (or refuses the login): the sends queued behind this one
      // would wait for connections that fail the same way. They fail now; their batches retry.
      for (const w of this.waiting.splice(0)) w.reject(error as Error);
      throw error;
    }
    connection.on('error', drop);
    connection.on('end', drop);
    return connection;
  }
}
