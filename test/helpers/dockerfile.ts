// A reader for the subset of Dockerfile syntax the project's Dockerfile uses (stages, ARG defaults
// in FROM, ENV, COPY with flags, JSON and shell forms) and a matcher with .dockerignore's rules,
// so the image can be checked without a Docker engine.
import path from 'node:path';

export interface Instruction {
  keyword: string;
  /** The arguments as written, continuation lines joined. */
  args: string;
  /** The JSON (exec) form's array, when the arguments are one. */
  json?: string[];
  flags: Record<string, string>;
}

export interface Stage {
  name: string;
  image: string;
  instructions: Instruction[];
}

export interface Copy {
  from?: string;
  sources: string[];
  /** Where it lands, absolute (resolved against the stage's WORKDIR at that point). */
  dest: string;
  index: number;
}

function logicalLines(text: string): string[] {
  const lines: string[] = [];
  let current = '';
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (current === '' && (line.trim() === '' || line.trim().startsWith('#'))) continue;
    if (current !== '' && line.trim().startsWith('#')) continue;
    if (line.endsWith('\\')) {
      current += `${line.slice(0, -1)} `;
      continue;
    }
    lines.push(`${current}${line}`.trim());
    current = '';
  }
  if (current !== '') lines.push(current.trim());
  return lines;
}

function parseInstruction(line: string): Instruction {
  const keyword = line.split(/\s+/, 1)[0] ?? '';
  let args = line.slice(keyword.length).trim();
  const flags: Record<string, string> = {};
  if (['COPY', 'ADD', 'FROM', 'RUN'].includes(keyword.toUpperCase())) {
    for (let m = /^--([\w-]+)(?:=(\S+))?\s+/.exec(args); m; m = /^--([\w-]+)(?:=(\S+))?\s+/.exec(args)) {
      flags[m[1]!] = m[2] ?? 'true';
      args = args.slice(m[0].length);
    }
  }
  const result: Instruction = { keyword: keyword.toUpperCase(), args, flags };
  if (args.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(args);
      if (Array.isArray(parsed) && parsed.every((a) => typeof a === 'string')) result.json = parsed;
    } catch {
      // Shell form that happens to start with a bracket.
    }
  }
  return result;
}

export function parseDockerfile(text: string): Stage[] {
  const globalArgs: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const line of logicalLines(text)) {
    const ins = parseInstruction(line);
    if (ins.keyword === 'ARG' && stages.length === 0) {
      const [name, value = ''] = ins.args.split('=');
      globalArgs[name!.trim()] = value.trim();
    } else if (ins.keyword === 'FROM') {
      const [image = '', as, name] = ins.args.split(/\s+/);
      const resolved = image.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a?: string, b?: string) => globalArgs[a ?? b ?? ''] ?? '');
      stages.push({ name: as?.toUpperCase() === 'AS' && name ? name : String(stages.length), image: resolved, instructions: [] });
    } else {
      const stage = stages.at(-1);
      if (!stage) throw new Error(`${ins.keyword} before the first FROM`);
      stage.instructions.push(ins);
    }
  }
  return stages;
}

/** KEY=value pairs of ENV instructions (the legacy `ENV KEY value` form too). */
export function envOf(stage: Stage, before = Infinity): Record<string, string> {
  const env: Record<string, string> = {};
  stage.instructions.slice(0, before).filter((i) => i.keyword === 'ENV').forEach((i) => {
    if (!i.args.includes('=')) {
      const [key = '', ...value] = i.args.split(/\s+/);
      env[key] = value.join(' ');
      return;
    }
    for (const m of i.args.matchAll(/(\w+)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g)) {
      const raw = m[2]!;
      env[m[1]!] = /^["']/.test(raw) ? raw.slice(1, -1) : raw;
    }
  });
  return env;
}

export function workdirAt(stage: Stage, index: number): string {
  let dir = '/';
  stage.instructions.slice(0, index).filter((i) => i.keyword === 'WORKDIR').forEach((i) => {
    dir = path.posix.resolve(dir, i.args);
  });
  return dir;
}

export function copiesOf(stage: Stage): Copy[] {
  return stage.instructions.flatMap((ins, index) => {
    if (ins.keyword !== 'COPY') return [];
    const parts = ins.json ?? ins.args.split(/\s+/);
    const dest = parts.at(-1)!;
    const workdir = workdirAt(stage, index);
    const resolved = path.posix.resolve(workdir, dest) + (dest.endsWith('/') ? '/' : '');
    return [{ ...(ins.flags.from ? { from: ins.flags.from } : {}), sources: parts.slice(0, -1), dest: resolved, index }];
  });
}

/** Index of the first instruction of a keyword whose arguments match. */
export function indexOf(stage: Stage, keyword: string, pattern: RegExp): number {
  return stage.instructions.findIndex((i) => i.keyword === keyword && pattern.test(i.args));
}

function patternRegex(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (pattern.startsWith('**/', i)) {
      re += '(?:.*/)?';
      i += 2;
    } else if (pattern.startsWith('**', i)) {
      re += '.*';
      i += 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Whether .dockerignore keeps a path (relative to the context) out of the build context. */
export function dockerignoreMatcher(text: string): (file: string) => boolean {
  const rules = text.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#')).map((l) => {
    const negate = l.startsWith('!');
    const body = path.posix.normalize((negate ? l.slice(1) : l).replace(/^\/+/, ''));
    return { negate, re: patternRegex(body) };
  });
  return (file) => {
    const parts = file.split('/');
    const candidates = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
    let excluded = false;
    for (const rule of rules) {
      if (candidates.some((c) => rule.re.test(c))) excluded = !rule.negate;
    }
    return excluded;
  };
}
