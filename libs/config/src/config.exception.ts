/** Thrown at boot when a setting is missing or malformed; the message names every bad variable. */
export class ConfigException extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigException';
  }
}
