// Tracing end to end on the real stack: two gateways, a logic worker and a Temporal worker with
// the standard OTEL_* variables pointing at an OTLP/HTTP JSON receiver in this test. A message
// is one trace from the sender's gateway to the recipient's socket, across processes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicNames } from '../../bus/topics.ts';
import { api, createGroup, registerUser, WsClient, type Frame, type User } from '../realtime/clients.ts';
import { startCluster, type Cluster } from '../realtime/harness.ts';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from './otlp-receiver.ts';

let receiver: OtlpReceiver;
let cluster: Cluster;
let rest: string;
const clients: WsClient[] = [];

const SERVER = 2;
const CLIENT = 3;
const PRODUCER = 4;
const CONSUMER = 5;

async function connect(wsUrl: string, user: User): Promise<WsClient> {
  const c = await WsClient.connect(wsUrl, user.token);
  clients.push(c);
  return c;
}

const isAck = (cmid: string) => (f: Frame) => f.type === 'ack' && f.client_msg_id === cmid;
const isMsg = (cmid: string) => (f: Frame) => f.type === 'message' && (f.message as { client_msg_id: string }).client_msg_id === cmid;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  cluster = await startCluster({
    gateways: 2,
    env: {
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '100',
      OTEL_TRACES_SAMPLER: 'parentbased_always_on',
      // Whatever the shell running the tests has must not rename the services.
      OTEL_SERVICE_NAME: '',
      OTEL_RESOURCE_ATTRIBUTES: '',
      // Groups of more than two go through the Temporal fan-out; 1:1 conversations do not.
      FANOUT_THRESHOLD: '2',
    },
  });
  rest = cluster.gateways[0]!.url;
}, 180_000);

afterAll(async () => {
  await Promise.allSettled(clients.map((c) => c.close()));
  await cluster?.stop();
  await receiver?.close();
});

/** The `ws send` span of a client_msg_id, once it has arrived. */
function wsSendOf(cmid: string): Promise<ReceivedSpan> {
  return receiver.waitFor(`ws send of ${cmid}`, (spans) => spans.find((s) => s.name === 'ws send' && s.attributes['gochat.client_msg_id'] === cmid));
}

/** The spans of a trace, once `complete` says all that is expected has arrived. */
function traceOf(traceId: string, complete: (spans: ReceivedSpan[]) => boolean): Promise<ReceivedSpan[]> {
  return receiver.waitFor(`trace ${traceId}`, () => {
    const spans = receiver.trace(traceId);
    return complete(spans) ? spans : undefined;
  });
}

function named(spans: ReceivedSpan[], name: string): ReceivedSpan[] {
  return spans.filter((s) => s.name === name);
}

function only(spans: ReceivedSpan[], name: string): ReceivedSpan {
  const found = named(spans, name);
  expect(found.map((s) => s.name), `one ${name}`).toEqual([name]);
  return found[0]!;
}

/** Names of a span's ancestors, nearest first. */
function ancestry(spans: ReceivedSpan[], span: ReceivedSpan): string[] {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  const names: string[] = [];
  for (let p = span.parentSpanId && byId.get(span.parentSpanId); p; p = p.parentSpanId && byId.get(p.parentSpanId)) names.push(p.name);
  return names;
}

describe('tracing across gateway, logic worker and Temporal worker', () => {
  it('puts a 1:1 message in one trace: ws send, logic batch, db store, deliver to sender and recipient', async () => {
    const [a, b] = await Promise.all([registerUser(rest, 'tra'), registerUser(rest, 'trb')]);
    const req = await api<{ id: string }>(rest, 'POST', '/friends/requests', a.token, { target_user_id: b.id, message: 'hi' });
    expect(req.status).toBe(201);
    const answer = await api<{ conversation_id: string }>(cluster.gateways[1]!.url, 'PUT', `/friends/requests/${req.body.id}`, b.token, { action: 1 });
    expect(answer.status).toBe(200);
    const conversationId = answer.body.conversation_id;

    const ca = await connect(cluster.gateways[0]!.wsUrl, a);
    const cb = await connect(cluster.gateways[1]!.wsUrl, b);
    ca.send({ type: 'send', client_msg_id: 'traced-1to1', conversation_id: conversationId, content: 'hello b' });
    const ack = await ca.next(isAck('traced-1to1'));
    await cb.next(isMsg('traced-1to1'));

    const root = await wsSendOf('traced-1to1');
    const spans = await traceOf(root.traceId, (t) => named(t, 'deliver').length >= 3 && named(t, 'db store').length >= 1 && named(t, 'kafka produce downstream').length >= 1);

    const send = only(spans, 'ws send');
    const produceUp = only(spans, 'kafka produce upstream');
    const batch = only(spans, 'logic batch');
    const db = only(spans, 'db store');
    const produceDown = only(spans, 'kafka produce downstream');
    const delivers = named(spans, 'deliver');

    expect(send).toMatchObject({ service: 'gochat-gateway', kind: SERVER, parentSpanId: undefined });
    expect(send.attributes).toMatchObject({ 'gochat.conversation_id': conversationId, 'gochat.gateway_id': cluster.gateways[0]!.id });
    expect(produceUp).toMatchObject({ service: 'gochat-gateway', kind: PRODUCER, parentSpanId: send.spanId });
    expect(batch).toMatchObject({ service: 'gochat-logic', kind: CONSUMER, parentSpanId: produceUp.spanId });
    expect(batch.attributes).toMatchObject({ 'gochat.outcome': 'delivered', 'gochat.message_id': ack.message_id, 'gochat.conversation_id': conversationId });
    expect(db).toMatchObject({ service: 'gochat-logic', kind: CLIENT, parentSpanId: batch.spanId });
    expect(db.attributes).toMatchObject({ 'db.system.name': 'mariadb' });
    expect(produceDown).toMatchObject({ service: 'gochat-logic', kind: PRODUCER, parentSpanId: batch.spanId });
    for (const d of delivers) expect(d).toMatchObject({ service: 'gochat-gateway', kind: CONSUMER, parentSpanId: produceDown.spanId });
    // The ack to the sender; the message to the recipient's gateway and to the sender's (its
    // other devices see what it sent; the sending connection itself gets only the ack).
    expect(delivers.map((d) => d.attributes['gochat.record_kind']).sort()).toEqual(['ack', 'message', 'message']);
    expect(delivers.filter((d) => d.attributes['gochat.record_kind'] === 'message').map((d) => d.attributes['messaging.destination.name']).sort())
      .toEqual(cluster.gateways.map((g) => topicNames(cluster.env.KAFKA_TOPIC_SUFFIX).downstream(g.id)).sort());
    const socketsAt = (kind: string, gw: number) => delivers.find((d) => d.attributes['gochat.record_kind'] === kind && d.attributes['messaging.destination.name'] === topicNames(cluster.env.KAFKA_TOPIC_SUFFIX).downstream(cluster.gateways[gw]!.id))?.attributes['gochat.sockets'];
    expect([socketsAt('ack', 0), socketsAt('message', 0), socketsAt('message', 1)]).toEqual([1, 0, 1]);

    // The hops follow one another in time (one machine, one clock). The SDK places each span on
    // the wall clock when it starts, to the millisecond, reading Date.now() and then
    // performance.now(): a process descheduled between the two reads (CI on two busy cores)
    // shifts that span by the pause. Hops out of order by more than 25 ms are a real fault.
    const ms = 25_000_000n;
    expect(produceUp.endNs).toBeLessThanOrEqual(send.endNs + ms);
    expect(batch.startNs).toBeGreaterThanOrEqual(produceUp.startNs - ms);
    expect(db.startNs).toBeGreaterThanOrEqual(batch.startNs - ms);
    expect(produceDown.startNs).toBeGreaterThanOrEqual(db.endNs - ms);
    for (const d of delivers) expect(d.startNs).toBeGreaterThanOrEqual(produceDown.startNs - ms);
  });

  it('continues a workflow started by the gateway in the Temporal worker: workflow and activity spans', async () => {
    const [a, b] = await Promise.all([registerUser(rest, 'trc'), registerUser(rest, 'trd')]);
    const req = await api<{ id: string }>(rest, 'POST', '/friends/requests', a.token, { target_user_id: b.id, message: 'hi' });
    expect(req.status).toBe(201);
    // Answered, the workflow completes, and its run span (ended only then) is exported.
    const answer = await api(rest, 'PUT', `/friends/requests/${req.body.id}`, b.token, { action: 1 });
    expect(answer.status).toBe(200);
    const start = await receiver.waitFor('the friend request workflow\'s spans', (spans) =>
      spans.find((s) => s.name === 'StartWorkflow:friendRequestWorkflow' && s.service === 'gochat-gateway' && s.attributes.temporalWorkflowId === `friend-request-${req.body.id}` &&
        spans.some((r) => r.traceId === s.traceId && r.name === 'RunWorkflow:friendRequestWorkflow') &&
        spans.some((r) => r.traceId === s.traceId && r.name === 'RunActivity:acceptFriendRequest')));
    const spans = receiver.trace(start.traceId);
    const run = only(spans, 'RunWorkflow:friendRequestWorkflow');
    expect(run.service).toBe('gochat-worker');
    expect(ancestry(spans, run)).toContain('StartWorkflow:friendRequestWorkflow');
    for (const name of ['RunActivity:recordFriendRequest', 'RunActivity:acceptFriendRequest']) {
      const activity = only(spans, name);
      expect(activity.service).toBe('gochat-worker');
      expect(ancestry(spans, activity)).toEqual(expect.arrayContaining(['RunWorkflow:friendRequestWorkflow', 'StartWorkflow:friendRequestWorkflow']));
    }
  });

  it('puts a large-group message fanned out by the Temporal workflow in one trace, to the recipient\'s socket', async () => {
    const [owner, m1, m2] = await Promise.all([registerUser(rest, 'trg'), registerUser(rest, 'trh'), registerUser(rest, 'tri')]);
    const conversationId = await createGroup(rest, owner, [m1, m2]);
    const co = await connect(cluster.gateways[0]!.wsUrl, owner);
    const c1 = await connect(cluster.gateways[1]!.wsUrl, m1);
    co.send({ type: 'send', client_msg_id: 'traced-group', conversation_id: conversationId, content: 'hello all' });
    await co.next(isAck('traced-group'));
    await c1.next(isMsg('traced-group'), 60_000);

    const root = await wsSendOf('traced-group');
    // The workflow's run span is exported when the workflow completes, after the delivery.
    const spans = await traceOf(root.traceId, (t) =>
      named(t, 'deliver').some((d) => d.attributes['gochat.record_kind'] === 'message') && named(t, 'deliver').some((d) => d.attributes['gochat.record_kind'] === 'ack') &&
      named(t, 'RunWorkflow:fanoutWorkflow').length > 0);
    const batch = only(spans, 'logic batch');
    const start = only(spans, 'StartWorkflow:fanoutWorkflow');
    expect(start).toMatchObject({ service: 'gochat-logic', parentSpanId: batch.spanId });
    const run = named(spans, 'RunWorkflow:fanoutWorkflow');
    expect(run.length).toBeGreaterThanOrEqual(1);
    expect(run.every((s) => s.service === 'gochat-worker')).toBe(true);

    const toMember = named(spans, 'deliver').filter((d) => d.attributes['gochat.record_kind'] === 'message');
    expect(toMember.length).toBeGreaterThanOrEqual(1);
    for (const d of toMember) {
      expect(d.service).toBe('gochat-gateway');
      // Produced by the fan-out activity, so its parent is that activity's span.
      expect(ancestry(spans, d).slice(0, 1)).toEqual(['RunActivity:fanoutBatch']);
      expect(ancestry(spans, d)).toEqual(expect.arrayContaining(['RunWorkflow:fanoutWorkflow', 'StartWorkflow:fanoutWorkflow', 'logic batch', 'kafka produce upstream', 'ws send']));
    }
    const ack = named(spans, 'deliver').find((d) => d.attributes['gochat.record_kind'] === 'ack')!;
    expect(ancestry(spans, ack).slice(0, 2)).toEqual(['kafka produce downstream', 'logic batch']);
  });
});
