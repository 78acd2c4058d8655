import { PRODUCTION_REQUIRED, SET_TOGETHER, type AppConfig, appConfigSchema } from './app-config';
import { ConfigException } from './config.exception';

/** Parses the environment; fails fast with the names of the offending variables. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // Empty strings count as "not set" so that `FOO= node app` falls back to the default.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = appConfigSchema.safeParse(present);
  if (result.success) {
    const missing = PRODUCTION_REQUIRED.filter(
      (key) => result.data.NODE_ENV === 'production' && !(key in present),
    );
    if (missing.length) throw new ConfigException(missing.map((key) => `${key}: required in production`));
    const incomplete = SET_TOGETHER.filter((group) => group.some((key) => key in present)).flatMap((group) =>
      group.filter((key) => !(key in present)).map((key) => `${key}: set together with ${group.join(', ')}`),
    );
    if (incomplete.length) throw new ConfigException(incomplete);
    return result.data;
  }
  throw new ConfigException(
    result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
  );
}
