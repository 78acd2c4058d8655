import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '@saraban/config';
import { dataSourceOptions } from '@saraban/database';
import { setUpDemoNotifications } from '@saraban/notification';

/** `node dist/apps/cli/src/demo-notifications.js ORG_CODE`: the demo's emails, LINE OA and LINE links. */
async function main(args: string[]): Promise<number> {
  const code = args[0];
  if (!code) {
    console.error('usage: demo-notifications ORGANISATION_CODE');
    return 2;
  }
  const config = loadConfig();
  const db = new DataSource(dataSourceOptions(config.DATABASE_URL, 2));
  await db.initialize();
  try {
    const emails = await setUpDemoNotifications(db, config, code);
    console.log(
      `notifications: ${emails.length} people get email (${emails.join(', ')}) and LINE (the LINE double)`,
    );
    return 0;
  } finally {
    await db.destroy();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
