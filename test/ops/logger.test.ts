// The process logger: JSON lines naming the process (and gateway), the trace and span of the
// active span when tracing is on, and kafkajs' and Temporal's lines in the same stream.
import { Writable } from 'node:stream';
import { logLevel } from 'kafkajs';
import { afterAll, describe, expect, it } from 'vitest';
import { kafkaLogCreator } from '../../runtime/kafka-log.ts';
import { createLogger } from '../../runtime/logger.ts';
import { TemporalLogAdapter } from '../../runtime/temporal-log.ts';
import { shutdown, startTracing, tracer } from '../../telemetry/tracing.ts';

function capture(): { lines: Record<string, unknown>[]; destination: Writable } {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, destination };
}

afterAll(() => shutdown(1000));

describe('process logger', () => {
  it('names the process and the gateway on every line, and the trace of the active span', async () => {
    const { lines, destination } = capture();
    const logger = createLogger({ process: 'gateway', gatewayId: 'gw-7', level: 'info', pretty: false, destination });
    logger.info('outside');
    expect(await startTracing('gochat-logger-test', { OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' })).toBe(true);
    let ids: { traceId: string; spanId: string } | undefined;
    tracer.startActiveSpan('work', (span) => {
      ids = { traceId: span.spanContext().traceId, spanId: span.spanContext().spanId };
      logger.info('inside');
      span.end();
    });
    expect(lines[0]).toMatchObject({ level: 30, process: 'gateway', gatewayId: 'gw-7', msg: 'outside' });
    expect(lines[0]).not.toHaveProperty('traceId');
    expect(lines[1]).toMatchObject({ process: 'gateway', gatewayId: 'gw-7', msg: 'inside', ...ids });
  });

  it('takes kafkajs lines at their level, with a request error answer as detail', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ process: 'logic', level: 'debug', pretty: false, destination });
    const log = kafkaLogCreator(logger)(logLevel.WARN);
    log({ namespace: 'Producer', level: logLevel.WARN, label: 'WARN', log: { message: 'something to know', timestamp: 'now', logger: 'kafkajs', broker: 'b:9092' } });
    log({ namespace: 'Connection', level: logLevel.ERROR, label: 'ERROR', log: { message: 'Response Metadata(key: 3, version: 6)', timestamp: 'now', logger: 'kafkajs', error: 'This server does not host this topic-partition' } });
    log({ namespace: 'Consumer', level: logLevel.ERROR, label: 'ERROR', log: { message: 'Crash: KafkaJSNumberOfRetriesExceeded', timestamp: 'now', logger: 'kafkajs' } });
    expect(lines.map((l) => [l.level, l.component, l.namespace, l.msg])).toEqual([
      [40, 'kafkajs', 'Producer', 'something to know'],
      [20, 'kafkajs', 'Connection', 'Response Metadata(key: 3, version: 6)'],
      [50, 'kafkajs', 'Consumer', 'Crash: KafkaJSNumberOfRetriesExceeded'],
    ]);
    expect(lines[0]).toMatchObject({ process: 'logic', broker: 'b:9092' });
  });

  it('takes the Temporal SDK lines at their level, errors under err', () => {
    const { lines, destination } = capture();
    const adapter = new TemporalLogAdapter(createLogger({ process: 'worker', level: 'info', pretty: false, destination }));
    adapter.debug('hidden');
    adapter.info('Worker state changed', { state: 'RUNNING', sdkComponent: 'worker' });
    adapter.log('ERROR', 'Activity failed', { error: new Error('boom') });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: 30, process: 'worker', component: 'temporal', state: 'RUNNING', msg: 'Worker state changed' });
    expect(lines[1]).toMatchObject({ level: 50, msg: 'Activity failed', err: { message: 'boom', type: 'Error' } });
  });
});
