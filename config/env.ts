// Readers for environment variables. Each returns the parsed value or records a problem that
// names the variable, so a bad configuration is reported whole, not one variable at a time.

export type Env = Record<string, string | undefined>;

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export class EnvReader {
  readonly problems: string[] = [];
  private readonly env: Env;
  constructor(env: Env) {
    this.env = env;
  }

  private raw(name: string): string | undefined {
    const v = this.env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  }

  isSet(name: string): boolean {
    return this.raw(name) !== undefined;
  }

  str(name: string, fallback?: string, opts: { pattern?: RegExp; hint?: string } = {}): string {
    const v = this.raw(name) ?? fallback;
    if (v === undefined) {
      this.problems.push(`${name} is required`);
      return '';
    }
    if (opts.pattern && !opts.pattern.test(v)) {
      this.problems.push(`${name}=${JSON.stringify(v)} is malformed${opts.hint ? ` (expected ${opts.hint})` : ''}`);
    }
    return v;
  }

  int(name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    if (!/^-?\d+$/.test(v)) {
      this.problems.push(`${name}=${JSON.stringify(v)} is not an integer`);
      return fallback;
    }
    const n = Number(v);
    if (n < min || n > max) this.problems.push(`${name}=${n} is out of range [${min}, ${max}]`);
    return n;
  }

  port(name: string, fallback: number): number {
    return this.int(name, fallback, 1, 65535);
  }

  bool(name: string, fallback: boolean): boolean {
    const v = this.raw(name)?.toLowerCase();
    if (v === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(v)) return true;
    if (['0', 'false', 'no', 'off'].includes(v)) return false;
    this.problems.push(`${name}=${JSON.stringify(v)} is not a boolean (true/false)`);
    return fallback;
  }

  oneOf<T extends string>(name: string, choices: readonly T[], fallback: T): T {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    if (!(choices as readonly string[]).includes(v)) {
      this.problems.push(`${name}=${JSON.stringify(v)} must be one of ${choices.join(', ')}`);
      return fallback;
    }
    return v as T;
  }

  /** A comma-separated list of host:port pairs. */
  hostPorts(name: string, fallback: string): string[] {
    const list = this.str(name, fallback).split(',').map((s) => s.trim()).filter(Boolean);
    for (const hp of list) {
      if (!/^[\w.-]+:\d{1,5}$/.test(hp)) this.problems.push(`${name} entry ${JSON.stringify(hp)} is not host:port`);
    }
    return list;
  }
}
