// What every long-running GoChat process does first: read the configuration and make the
// process logger. A configuration that does not validate is logged (fatal) and stops the
// process with exit 78 (EX_CONFIG), naming every problem.
import { ConfigError, loadConfig, type Config } from '../config/index.ts';
import { createLogger, type Logger } from './logger.ts';

export type ProcessName = 'gateway' | 'logic' | 'worker';

export function boot(name: ProcessName, env: Record<string, string | undefined> = process.env): { config: Config; logger: Logger } {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    createLogger({ process: name, level: 'info' }).fatal({ problems: err.problems }, err.message);
    process.exit(78);
  }
  const logger = createLogger({ process: name, level: config.logLevel, ...(name === 'gateway' ? { gatewayId: config.gatewayId } : {}) });
  return { config, logger };
}
