import type { AddressInfo, Server } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { SmtpPool } from './smtp-pool';

/** A local SMTP server that counts its connections and keeps what it received. */
async function server(o: { idleCloseMs?: number; auth?: boolean } = {}) {
  const received: { to: string[]; data: string }[] = [];
  let connections = 0;
  let open = 0;
  let maxOpen = 0;
  const smtp = new SMTPServer({
    authOptional: !o.auth,
    disabledCommands: o.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    allowInsecureAuth: true,
    logger: false,
    socketTimeout: o.idleCloseMs ?? 60_000,
    onAuth(auth, _s, cb) {
      if (auth.username === 'saraban' && auth.password === 'p@ss word') cb(null, { user: 'saraban' });
      else cb(new Error('Invalid username or password'));
    },
    onConnect(_s, cb) {
      connections++;
      maxOpen = Math.max(maxOpen, ++open);
      cb();
    },
    onClose() {
      open--;
    },
    onRcptTo(address, _s, cb) {
      if (address.address.startsWith('busy'))
        return cb(Object.assign(new Error('try later'), { responseCode: 451 }));
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString(),
        });
        cb();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
  const port = ((smtp as unknown as { server: Server }).server.address() as AddressInfo).port;
  return {
    port,
    received,
    stats: () => ({ connections, open, maxOpen }),
    close: () => new Promise<void>((r) => smtp.close(() => r())),
  };
}

const message = (i: number) => Buffer.from(`Subject: ${i}\r\n\r\n.line starting with a dot ${i}\r\n`);

describe('the SMTP pool', () => {
  it('sends many at once over at most `size` connections, reusing them', async () => {
    const s = await server();
    const pool = new SmtpPool({ url: `smtp://127.0.0.1:${s.port}`, size: 3 });
    try {
      await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          pool.send({ from: 'a@x.test', to: [`p${i}@x.test`] }, message(i)),
        ),
      );
      expect(s.received).toHaveLength(30);
      expect(s.stats().maxOpen).toBeLessThanOrEqual(3);
      expect(s.stats().connections).toBeLessThanOrEqual(3);
      // Dot-stuffing: a line starting with "." arrives as written.
      expect(s.received.find((m) => m.to[0] === 'p7@x.test')?.data).toContain(
        '\r\n.line starting with a dot 7',
      );
    } finally {
      pool.close();
      await s.close();
    }
  });

  it('an unreachable server fails every send at once, none left waiting', async () => {
    const s = await server();
    const port = s.port;
    await s.close();
    const pool = new SmtpPool({ url: `smtp://127.0.0.1:${port}`, size: 3 });
    try {
      const started = Date.now();
      const results = await Promise.allSettled(
        Array.from({ length: 30 }, (_, i) =>
          pool.send({ from: 'a@x.test', to: [`p${i}@x.test`] }, message(i)),
        ),
      );
      expect(results.every((r) => r.status === 'rejected')).toBe(true);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      pool.close();
    }
  });

  it('a refused recipient rejects that send with the server’s code; the others go on', async () => {
    const s = await server();
    const pool = new SmtpPool({ url: `smtp://127.0.0.1:${s.port}`, size: 2 });
    try {
      const results = await Promise.allSettled(
        ['a', 'busy', 'b', 'c'].map((n, i) =>
          pool.send({ from: 'a@x.test', to: [`${n}@x.test`] }, message(i)),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ responseCode: 451 });
      expect(s.received.map((m) => m.to[0]).sort()).toEqual(['a@x.test', 'b@x.test', 'c@x.test']);
    } finally {
      pool.close();
      await s.close();
    }
  });

  it('connections the server closed while idle are replaced; a login is made when the URL has one', async () => {
    const s = await server({ idleCloseMs: 150, auth: true });
    const pool = new SmtpPool({ url: `smtp://saraban:p%40ss%20word@127.0.0.1:${s.port}`, size: 2 });
    try {
      await pool.send({ from: 'a@x.test', to: ['first@x.test'] }, message(1));
      // Wait until the server has closed the idle connection.
      for (let i = 0; i < 100 && s.stats().open > 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(s.stats().open).toBe(0);
      await pool.send({ from: 'a@x.test', to: ['second@x.test'] }, message(2));
      expect(s.received.map((m) => m.to[0])).toEqual(['first@x.test', 'second@x.test']);
      expect(s.stats().connections).toBe(2);
    } finally {
      pool.close();
      await s.close();
    }
    const wrong = await server({ auth: true });
    const refused = new SmtpPool({ url: `smtp://saraban:wrong@127.0.0.1:${wrong.port}`, size: 1 });
    try {
      await expect(refused.send({ from: 'a@x.test', to: ['x@x.test'] }, message(3))).rejects.toThrow(
        /Invalid/,
      );
      expect(wrong.received).toHaveLength(0);
    } finally {
      refused.close();
      await wrong.close();
    }
  });
});
