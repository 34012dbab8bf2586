// The Helm chart (deploy/helm/gochat) linted and rendered by the real helm binary
// (scripts/install-go-tools.sh), with its default values, and the rendered objects checked
// against what the processes need: probes on the paths and ports they serve, a PDB and an HPA for
// the gateways, every variable the config module requires set on every container (resolved
// through the ConfigMap and Secret the way the kubelet would, then loaded by config/index.ts
// itself), a unique and stable GATEWAY_ID per gateway pod, and non-root, read-only containers.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/index.ts';
import { configVariableNames, requiredVariables } from '../helpers/config-env.ts';
import { GATEWAY_NODE_FLAGS } from '../../gateway/node-flags.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const CHART = join(ROOT, 'deploy/helm/gochat');
const HELM = join(process.env.GOCHAT_STACK_DIR ?? join(ROOT, '.stack'), 'bin/helm');
const RELEASE = 'chat';
// helm keeps caches and settings under these; a throwaway home keeps the run hermetic.
const helmHome = mkdtempSync(join(tmpdir(), 'gochat-helm-'));
afterAll(() => rmSync(helmHome, { recursive: true, force: true }));

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    fieldRef?: { fieldPath: string };
    secretKeyRef?: { name: string; key: string };
    configMapKeyRef?: { name: string; key: string };
  };
}
interface Probe {
  httpGet?: { path: string; port: string | number };
  exec?: { command: string[] };
}
interface SecurityContext {
  runAsNonRoot?: boolean;
  runAsUser?: number;
  allowPrivilegeEscalation?: boolean;
  readOnlyRootFilesystem?: boolean;
  capabilities?: { drop?: string[] };
}
interface Container {
  name: string;
  command?: string[];
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  ports?: { name?: string; containerPort: number }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  lifecycle?: { preStop?: { exec?: { command: string[] } } };
  securityContext?: SecurityContext;
  volumeMounts?: { name: string; mountPath: string }[];
}
interface PodTemplate {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec: { containers: Container[]; securityContext?: SecurityContext; terminationGracePeriodSeconds?: number; volumes?: { name: string; emptyDir?: object }[] };
}
interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  spec?: {
    template?: PodTemplate;
    serviceName?: string;
    selector?: { matchLabels?: Record<string, string> } & Record<string, string>;
    scaleTargetRef?: { apiVersion: string; kind: string; name: string };
    minReplicas?: number;
    maxReplicas?: number;
    maxUnavailable?: number | string;
    ports?: { name: string; port: number; targetPort: string | number }[];
  };
}

function helm(...args: string[]): string {
  if (!existsSync(HELM)) throw new Error(`${HELM} is missing: run \`bash scripts/install-go-tools.sh\` (npm test does)`);
  const env = { ...process.env, HELM_CACHE_HOME: join(helmHome, 'cache'), HELM_CONFIG_HOME: join(helmHome, 'config'), HELM_DATA_HOME: join(helmHome, 'data') };
  return execFileSync(HELM, args, { cwd: ROOT, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function render(...set: string[]): K8sObject[] {
  const out = helm('template', RELEASE, CHART, '--namespace', 'chat', ...set.flatMap((s) => ['--set', s]));
  return parseAllDocuments(out)
    .map((d) => d.toJS() as K8sObject | null)
    .filter((o): o is K8sObject => o !== null);
}

const find = (objects: K8sObject[], kind: string, nameSuffix: string): K8sObject => {
  const o = objects.find((x) => x.kind === kind && x.metadata.name.endsWith(nameSuffix));
  if (!o) throw new Error(`no ${kind} *${nameSuffix} in the rendered chart`);
  return o;
};
const podSpec = (o: K8sObject) => {
  if (!o.spec?.template) throw new Error(`${o.kind} ${o.metadata.name} has no pod template`);
  return o.spec.template.spec;
};
const only = (o: K8sObject): Container => {
  const cs = podSpec(o).containers;
  expect(cs, `${o.metadata.name}: one container`).toHaveLength(1);
  return cs[0]!;
};

/** A Secret's values, as the kubelet hands them to a container. */
function secretData(s: K8sObject): Record<string, string> {
  const decoded = Object.fromEntries(Object.entries(s.data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]));
  return { ...decoded, ...s.stringData };
}

/** The environment a container starts with: envFrom first, then env, which wins. */
function containerEnv(objects: K8sObject[], c: Container, podName: string): Record<string, string> {
  const configMap = (name: string) => {
    const m = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === name);
    if (!m) throw new Error(`${c.name}: ConfigMap ${name} is not in the rendered chart`);
    return m.data ?? {};
  };
  const secret = (name: string) => {
    const s = objects.find((o) => o.kind === 'Secret' && o.metadata.name === name);
    if (!s) throw new Error(`${c.name}: Secret ${name} is not in the rendered chart`);
    return secretData(s);
  };
  const env: Record<string, string> = {};
  for (const from of c.envFrom ?? []) {
    if (from.configMapRef) Object.assign(env, configMap(from.configMapRef.name));
    if (from.secretRef) Object.assign(env, secret(from.secretRef.name));
  }
  for (const e of c.env ?? []) {
    const ref = e.valueFrom;
    let value: string | undefined;
    if (e.value !== undefined) value = e.value;
    else if (ref?.fieldRef?.fieldPath === 'metadata.name') value = podName;
    else if (ref?.secretKeyRef) value = secret(ref.secretKeyRef.name)[ref.secretKeyRef.key];
    else if (ref?.configMapKeyRef) value = configMap(ref.configMapKeyRef.name)[ref.configMapKeyRef.key];
    if (value === undefined) throw new Error(`${c.name}: cannot resolve ${e.name}`);
    env[e.name] = value;
  }
  return env;
}

const probeUrl = (p: Probe | undefined): URL => {
  const script = p?.exec?.command.at(-1) ?? '';
  const url = /fetch\('([^']+)'\)/.exec(script)?.[1];
  if (!url) throw new Error(`not a loopback fetch probe: ${JSON.stringify(p)}`);
  return new URL(url);
};

const objects = render();
const gateway = find(objects, 'StatefulSet', '-gateway');
const logic = find(objects, 'Deployment', '-logic');
const worker = find(objects, 'Deployment', '-worker');
const migrate = find(objects, 'Job', '-migrate');
const processes = { gateway, logic, worker, migrate };
const gatewayPod = (i: number) => `${gateway.metadata.name}-${i}`;

describe('helm chart deploy/helm/gochat', () => {
  it('passes helm lint --strict', () => {
    expect(helm('lint', '--strict', CHART)).toMatch(/0 chart\(s\) failed/);
  });

  it('renders the three processes, their Service, PDB, HPA, ConfigMap, Secret and migration Job', () => {
    const kinds = objects.map((o) => `${o.kind}/${o.metadata.name}`);
    for (const k of ['StatefulSet/-gateway', 'Deployment/-logic', 'Deployment/-worker', 'Service/-gateway', 'PodDisruptionBudget/-gateway',
      'HorizontalPodAutoscaler/-gateway', 'ConfigMap/-config', 'Secret/-secrets', 'Job/-migrate']) {
      const [kind, suffix] = k.split('/') as [string, string];
      expect(kinds.some((n) => n.startsWith(`${kind}/`) && n.endsWith(suffix)), k).toBe(true);
    }
    expect(only(gateway).command).toEqual(['node', ...GATEWAY_NODE_FLAGS, 'gateway/server.ts']);
    expect(only(logic).command).toEqual(['node', 'logic/main.ts']);
    expect(only(worker).command).toEqual(['node', 'workers/main.ts']);
    expect(only(migrate).command).toEqual(['node', 'scripts/migrate.ts']);
  });

  it('probes the gateway on /readyz and /healthz of the port it listens on, which the Service targets', () => {
    const c = only(gateway);
    const listen = loadConfig(containerEnv(objects, c, gatewayPod(0))).http;
    expect(listen.host).toBe('0.0.0.0');
    const http = c.ports?.find((p) => p.name === 'http');
    expect(http?.containerPort).toBe(listen.port);
    expect(c.readinessProbe?.httpGet).toEqual({ path: '/readyz', port: 'http' });
    expect(c.livenessProbe?.httpGet).toEqual({ path: '/healthz', port: 'http' });
    const service = find(objects, 'Service', '-gateway');
    expect(service.spec?.ports?.[0]?.targetPort).toBe('http');
    const selector = service.spec?.selector ?? {};
    expect(Object.keys(selector).length).toBeGreaterThan(0);
    expect(gateway.spec?.template?.metadata?.labels).toMatchObject(selector);
    const annotations = gateway.spec?.template?.metadata?.annotations ?? {};
    expect(annotations).toMatchObject({ 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(listen.port), 'prometheus.io/path': '/metrics' });
  });

  it('probes the logic and Temporal workers on /readyz and /healthz of their METRICS_PORT', () => {
    for (const o of [logic, worker]) {
      const c = only(o);
      const port = loadConfig(containerEnv(objects, c, o.metadata.name)).metricsPort;
      expect(port, o.metadata.name).toBeGreaterThan(0);
      expect(c.ports?.find((p) => p.name === 'metrics')?.containerPort).toBe(port);
      const ready = probeUrl(c.readinessProbe);
      const live = probeUrl(c.livenessProbe);
      expect([ready.port, ready.pathname]).toEqual([String(port), '/readyz']);
      expect([live.port, live.pathname]).toEqual([String(port), '/healthz']);
    }
  });

  it('has a PodDisruptionBudget and an autoscaling/v2 HPA for the gateway StatefulSet', () => {
    const labels = gateway.spec?.template?.metadata?.labels ?? {};
    const pdb = find(objects, 'PodDisruptionBudget', '-gateway');
    expect(pdb.apiVersion).toBe('policy/v1');
    expect(Object.keys(pdb.spec?.selector?.matchLabels ?? {}).length).toBeGreaterThan(0);
    expect(labels).toMatchObject(pdb.spec?.selector?.matchLabels ?? {});
    const hpa = find(objects, 'HorizontalPodAutoscaler', '-gateway');
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(hpa.spec?.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'StatefulSet', name: gateway.metadata.name });
    expect(hpa.spec?.minReplicas).toBeGreaterThanOrEqual(2);
    expect(hpa.spec?.maxReplicas).toBeGreaterThan(hpa.spec?.minReplicas ?? Infinity);
  });

  it('sets every variable the config module requires, only variables it reads, and values it accepts, on every process', () => {
    const required = requiredVariables();
    expect(required, 'what the config module refuses to run in production without').toContain('JWT_SECRET');
    const known = configVariableNames();
    for (const [name, o] of Object.entries(processes)) {
      const env = containerEnv(objects, only(o), `${o.metadata.name}-0`);
      for (const v of required) expect(env[v], `${name}: ${v}`).toBeTruthy();
      for (const v of Object.keys(env)) expect(known.has(v) || v.startsWith('OTEL_'), `${name}: ${v} is not a GoChat setting`).toBe(true);
      expect(env.NODE_ENV, name).toBe('production');
      const config = loadConfig(env);
      // Every dependency is reached through values.yaml's externalServices, never a local default.
      expect(JSON.stringify(config), `${name}: a setting still points at loopback`).not.toMatch(/127\.0\.0\.1|localhost/);
    }
  });

  it('gives the migration Job the same secrets as the processes', () => {
    const a = containerEnv(objects, only(logic), 'logic');
    const b = containerEnv(objects, only(migrate), 'migrate');
    expect(a.JWT_SECRET!.length).toBeGreaterThanOrEqual(32);
    expect(b.JWT_SECRET).toBe(a.JWT_SECRET);
    expect(b.MYSQL_PASSWORD).toBe(a.MYSQL_PASSWORD);
  });

  it('uses an existing Secret instead of its own when told to', () => {
    const rendered = render('secrets.existingSecret=gochat-prod');
    expect(rendered.filter((o) => o.kind === 'Secret').map((o) => o.metadata.name)).toEqual([`${RELEASE}-gochat-migrate`]);
    for (const suffix of ['-gateway', '-logic', '-worker']) {
      const o = rendered.find((x) => ['StatefulSet', 'Deployment'].includes(x.kind) && x.metadata.name.endsWith(suffix))!;
      expect(only(o).envFrom?.map((f) => f.secretRef?.name).filter(Boolean)).toEqual(['gochat-prod']);
    }
  });

  it('gives each gateway pod a unique GATEWAY_ID that survives a restart: the StatefulSet pod name', () => {
    expect(gateway.kind).toBe('StatefulSet');
    const idVar = only(gateway).env?.find((e) => e.name === 'GATEWAY_ID');
    expect(idVar?.valueFrom?.fieldRef?.fieldPath).toBe('metadata.name');
    const hpa = find(objects, 'HorizontalPodAutoscaler', '-gateway');
    const ids = Array.from({ length: hpa.spec?.maxReplicas ?? 0 }, (_, i) => loadConfig(containerEnv(objects, only(gateway), gatewayPod(i))).gatewayId);
    expect(ids[0]).toBe(gatewayPod(0));
    expect(new Set(ids).size).toBe(ids.length);
    // A long release name must still make ids the config module accepts (it caps them at 64).
    const long = render(`fullnameOverride=${'x'.repeat(80)}`);
    const sts = find(long, 'StatefulSet', '-gateway');
    expect(loadConfig(containerEnv(long, only(sts), `${sts.metadata.name}-99`)).gatewayId).toBe(`${sts.metadata.name}-99`);
  });

  it('runs every container as non-root with a read-only root filesystem and a writable /tmp', () => {
    // The image's compile cache (Dockerfile NODE_COMPILE_CACHE) is the one path the processes write.
    const cacheDir = /ENV NODE_COMPILE_CACHE=(\S+)/.exec(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'))?.[1] ?? '/tmp';
    for (const [name, o] of Object.entries(processes)) {
      const pod = podSpec(o);
      expect(pod.securityContext?.runAsNonRoot, name).toBe(true);
      expect(pod.securityContext?.runAsUser, name).toBeGreaterThan(0);
      for (const c of pod.containers) {
        expect(c.securityContext, `${name}/${c.name}`).toMatchObject({ runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true });
        expect(c.securityContext?.capabilities?.drop).toContain('ALL');
        const mounts = (c.volumeMounts ?? []).filter((m) => pod.volumes?.find((v) => v.name === m.name)?.emptyDir !== undefined);
        expect(mounts.some((m) => cacheDir.startsWith(m.mountPath)), `${name}: ${cacheDir} writable`).toBe(true);
      }
    }
  });

  it('waits long enough on shutdown for each process to close gracefully', () => {
    const source = (f: string) => readFileSync(join(ROOT, f), 'utf8');
    const constant = (f: string, name: string) => Number(new RegExp(`${name} = ([\\d_]+)`).exec(source(f))?.[1]?.replaceAll('_', ''));
    // The shutdown deadline of each entry point (runtime/shutdown.ts exits 1 when it passes).
    const gatewayDeadlineMs = constant('gateway/server.ts', 'DEADLINE_MS');
    const logicDeadlineMs = constant('logic/main.ts', 'DEADLINE_MS');
    const workerDeadlineMs = constant('workers/worker.ts', 'SHUTDOWN_GRACE_MS') + Number(/DEADLINE_MS = SHUTDOWN_GRACE_MS \+ ([\d_]+)/.exec(source('workers/main.ts'))?.[1]?.replaceAll('_', ''));
    for (const ms of [gatewayDeadlineMs, logicDeadlineMs, workerDeadlineMs]) expect(ms).toBeGreaterThan(0);
    const preStop = Number(only(gateway).lifecycle?.preStop?.exec?.command.at(-1) ?? 0);
    expect(podSpec(gateway).terminationGracePeriodSeconds).toBeGreaterThan(preStop + gatewayDeadlineMs / 1000);
    expect(podSpec(worker).terminationGracePeriodSeconds).toBeGreaterThan(workerDeadlineMs / 1000);
    expect(podSpec(logic).terminationGracePeriodSeconds).toBeGreaterThan(logicDeadlineMs / 1000);
  });
});
