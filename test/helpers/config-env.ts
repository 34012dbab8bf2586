// The configuration module's own account of its environment: which variables it reads, and which
// it refuses to start without in production. Deployment files (compose, Helm) are checked
// against these rather than against a list kept by hand.
import { ConfigError, loadConfig } from '../../config/index.ts';

/** Every environment variable name config/index.ts reads. */
export function configVariableNames(): Set<string> {
  const seen = new Set<string>();
  const env: Record<string, string | undefined> = new Proxy({}, {
    get(_t, key) {
      if (typeof key === 'string') seen.add(key);
      return undefined;
    },
  });
  loadConfig(env);
  return seen;
}

/**
 * The variables the config module refuses to start without in production: every problem it
 * reports for an empty production environment names one.
 */
export function requiredVariables(): string[] {
  try {
    loadConfig({ NODE_ENV: 'production' });
    return [];
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return [...new Set(err.problems.map((p) => /^[A-Z][A-Z0-9_]+/.exec(p)?.[0]).filter((n): n is string => n !== undefined))];
  }
}
