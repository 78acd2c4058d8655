import 'reflect-metadata';
import { loadConfig } from '@saraban/config';
import { setUpDemoNotifications } from '@saraban/notification';
import { runCli, withDatabase } from './cli-support';

/** `node dist/apps/cli/src/demo-notifications.js ORG_CODE`: the demo's emails, LINE OA and LINE links. */
async function main(args: string[]): Promise<number> {
  const code = args[0];
  if (!code) {
    console.error('usage: demo-notifications ORGANISATION_CODE');
    return 2;
  }
  const config = loadConfig();
  return withDatabase(config.DATABASE_URL, async (db) => {
    const emails = await setUpDemoNotifications(db, config, code);
    console.log(
      `notifications: ${emails.length} people get email (${emails.join(', ')}) and LINE (the LINE double)`,
    );
    return 0;
  });
}

runCli(main);
