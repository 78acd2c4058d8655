import { startLineDouble } from './line-double';

/** npm run line-double: the local LINE Messaging API on LINE_DOUBLE_PORT (1081); what it received at /__calls. */
async function main(): Promise<void> {
  const host = process.env.LINE_DOUBLE_HOST ?? '127.0.0.1';
  const double = await startLineDouble({ host, port: Number(process.env.LINE_DOUBLE_PORT ?? 1081) });
  console.log(
    `LINE double: set LINE_API_BASE_URL=${double.baseUrl}; what it received: ${double.baseUrl}/__calls`,
  );
  const stop = () => void double.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
