// The floor, measured in the same run: the bare cost of each hop a message must take — a
// WebSocket round trip (ws echo server in its own process), a Kafka produce→consume with the
// producer and consumer settings GoChat uses, and a durable MySQL insert of a message-sized row.
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kafka, logLevel } from 'kafkajs';
import mysql from 'mysql2/promise';
import WebSocket from 'ws';
import type { Config } from '../../config/index.ts';
import { dist, sleep, type Dist } from '../lib/stats.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const CONTENT = 'x'.repeat(100);

export interface FloorSample {
  wsEchoRtt: Dist;
  wsEchoPerSec: number;
  kafkaRoundTrip: Dist;
  kafkaPerSec: number;
  mysqlInsert: Dist;
  mysqlInsertPerSec: number;
}

export interface FloorOpts {
  samples: number;
  throughputMs: number;
}

async function wsFloor(o: FloorOpts): Promise<{ rtt: Dist; perSec: number }> {
  const child = fork(path.join(here, '../echo-server.ts'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    const port = await new Promise<number>((resolve) => child.once('message', (m: { port: number }) => resolve(m.port)));
    const open = () => new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}`, { perMessageDeflate: false });
      ws.once('open', () => resolve(ws));
      ws.once('error', reject);
    });
    const ws = await open();
    const frame = JSON.stringify({ type: 'send', client_msg_id: 'floor', conversation_id: '1', content: CONTENT });
    const rtt: number[] = [];
    for (let i = 0; i < o.samples + 50; i++) {
      const t = performance.now();
      await new Promise<void>((resolve) => {
        ws.once('message', () => resolve());
        ws.send(frame);
      });
      if (i >= 50) rtt.push(performance.now() - t);
    }
    ws.close();
    // throughput: 10 sockets, 50 frames in flight each
    const socks = await Promise.all(Array.from({ length: 10 }, open));
    let count = 0;
    let stop = false;
    for (const s of socks) {
      s.on('message', () => {
        count++;
        if (!stop) s.send(frame);
      });
      for (let k = 0; k < 50; k++) s.send(frame);
    }
    await sleep(300);
    const c0 = count;
    const t0 = performance.now();
    await sleep(o.throughputMs);
    const perSec = ((count - c0) / (performance.now() - t0)) * 1000;
    stop = true;
    for (const s of socks) s.terminate();
    return { rtt: dist(rtt), perSec };
  } finally {
    child.kill();
  }
}

async function kafkaFloor(config: Config, runId: string, o: FloorOpts): Promise<{ rtt: Dist; perSec: number }> {
  const kafka = new Kafka({ clientId: 'bench-floor', brokers: config.kafka.brokers, logLevel: logLevel.NOTHING });
  const topic = `bench.floor.${runId}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const consumer = kafka.consumer({ groupId: `bench.floor.${runId}`, maxWaitTimeInMs: 20 });
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let onMsg: ((n: number) => void) | undefined;
  await consumer.run({
    eachBatch: ({ batch }) => {
      onMsg?.(batch.messages.length);
      return Promise.resolve();
    },
  });
  const value = JSON.stringify({ kind: 'message', content: CONTENT, conversationId: '1', senderId: '1', clientMsgId: 'floor' });
  try {
    // the consumer joins its group first
    await new Promise<void>((resolve) => {
      const again = setInterval(() => void producer.send({ topic, acks: -1, messages: [{ value: 'warm' }] }), 500);
      onMsg = () => {
        clearInterval(again);
        resolve();
      };
      void producer.send({ topic, acks: -1, messages: [{ value: 'warm' }] });
    });
    await sleep(600);
    const rtt: number[] = [];
    for (let i = 0; i < Math.min(o.samples, 300) + 20; i++) {
      const t = performance.now();
      await new Promise<void>((resolve) => {
        onMsg = () => resolve();
        void producer.send({ topic, acks: -1, messages: [{ key: '1', value }] });
      });
      if (i >= 20) rtt.push(performance.now() - t);
    }
    // throughput: batches of 200, one produce request in flight (as the idempotent producer has)
    let consumed = 0;
    onMsg = (n) => {
      consumed += n;
    };
    const batch = Array.from({ length: 200 }, () => ({ key: '1', value }));
    let produced = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < o.throughputMs) {
      await producer.send({ topic, acks: -1, messages: batch });
      produced += batch.length;
    }
    while (consumed < produced && performance.now() - t0 < o.throughputMs + 10_000) await sleep(5);
    const perSec = (consumed / (performance.now() - t0)) * 1000;
    return { rtt: dist(rtt), perSec };
  } finally {
    await consumer.disconnect();
    await producer.disconnect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }
}

async function mysqlFloor(config: Config, runId: string, o: FloorOpts): Promise<{ insert: Dist; perSec: number }> {
  const opts = { host: config.mysql.host, port: config.mysql.port, user: config.mysql.user, password: config.mysql.password, database: config.mysql.database };
  const table = `bench_floor_${runId.replace(/\W/g, '')}`;
  const pool = mysql.createPool({ ...opts, connectionLimit: 8 });
  // a table shaped like messages (same indexes, no foreign keys), durable like it
  await pool.query(`CREATE TABLE ${table} LIKE messages`);
  try {
    const sql = `INSERT INTO ${table} (conversation_id, sender_id, seq_id, type, content, client_msg_id, created_at) VALUES (?, ?, ?, 1, ?, ?, NOW(3))`;
    const conn = await pool.getConnection();
    const lat: number[] = [];
    let seq = 0;
    for (let i = 0; i < o.samples + 20; i++) {
      const t = performance.now();
      seq++;
      await conn.execute(sql, [1, 1, seq, CONTENT, `c${seq}`]);
      if (i >= 20) lat.push(performance.now() - t);
    }
    conn.release();
    // throughput: 8 connections, single-row autocommit inserts
    let n = 0;
    const t0 = performance.now();
    await Promise.all(Array.from({ length: 8 }, async (_, w) => {
      const c = await pool.getConnection();
      let s = 0;
      while (performance.now() - t0 < o.throughputMs) {
        s++;
        await c.execute(sql, [2 + w, 1, s, CONTENT, `w${w}.${s}`]);
        n++;
      }
      c.release();
    }));
    return { insert: dist(lat), perSec: (n / (performance.now() - t0)) * 1000 };
  } finally {
    await pool.query(`DROP TABLE ${table}`);
    await pool.end();
  }
}

export async function measureFloor(config: Config, runId: string, o: FloorOpts, rep: number): Promise<FloorSample> {
  const ws = await wsFloor(o);
  const k = await kafkaFloor(config, `${runId}.${rep}`, o);
  const m = await mysqlFloor(config, `${runId}${rep}`, o);
  return { wsEchoRtt: ws.rtt, wsEchoPerSec: ws.perSec, kafkaRoundTrip: k.rtt, kafkaPerSec: k.perSec, mysqlInsert: m.insert, mysqlInsertPerSec: m.perSec };
}
