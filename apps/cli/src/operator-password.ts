import { hashPassword } from '@saraban/auth';
import { runCli } from './cli-support';

/**
 * `npm run operator:password` (the password on standard input, or a prompt): prints the scrypt
 * hash to put in OPERATOR_PASSWORD_HASH, the queue board's operator (with OPERATOR_USERNAME).
 * The password never appears in the process list or the shell history.
 */
async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Operator password: ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function main(): Promise<number> {
  const password = await readPassword();
  if (password.length < 12) {
    console.error('the operator password needs at least 12 characters');
    return 1;
  }
  console.log(await hashPassword(password));
  return 0;
}

runCli(main);
