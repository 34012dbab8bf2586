import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { DownstreamPositions, type PositionStore } from '../../gateway/ws/downstream-positions.ts';
import { loadGatewayPositions, saveGatewayPositions, ValidationError } from '../../repo/index.ts';
import { setupFixture } from './fixture.ts';

const f = await setupFixture();
const run = randomBytes(4).toString('hex');
let n = 0;
/** A gateway id of this run only, so runs side by side never share rows. */
const gatewayId = () => `gwpos-${run}-${n++}`;
const TOPIC = 'gochat.messages.downstream.test';
/** Above 2^53: a JS number would round it. */
const BIG = 2n ** 53n + 7n;
// Registered after the fixture's, so it runs before the ORM is closed.
afterAll(async () => {
  await f.orm.em.fork().execute('DELETE FROM gateway_positions WHERE gateway_id LIKE ?', [`gwpos-${run}-%`]);
});

describe('gateway positions', () => {
  it('loads nothing for a gateway that never saved', async () => {
    expect(await loadGatewayPositions(f.orm, gatewayId(), TOPIC)).toEqual(new Map());
  });

  it('loads what was saved, offsets above 2^53 exactly', async () => {
    const gw = gatewayId();
    await saveGatewayPositions(f.orm, gw, TOPIC, [[0, 0n], [1, BIG], [2, 2n ** 64n - 1n]]);
    expect(await loadGatewayPositions(f.orm, gw, TOPIC)).toEqual(new Map([[0, 0n], [1, BIG], [2, 2n ** 64n - 1n]]));
  });

  it('replaces a position, backwards too, and keeps partitions not in the save', async () => {
    const gw = gatewayId();
    await saveGatewayPositions(f.orm, gw, TOPIC, [[0, BIG], [1, 10n]]);
    await saveGatewayPositions(f.orm, gw, TOPIC, [[0, BIG + 1000n]]);
    expect(await loadGatewayPositions(f.orm, gw, TOPIC)).toEqual(new Map([[0, BIG + 1000n], [1, 10n]]));
    // A topic created again starts over at 0, and its gateway follows it back.
    await saveGatewayPositions(f.orm, gw, TOPIC, [[0, 3n], [1, 0n]]);
    expect(await loadGatewayPositions(f.orm, gw, TOPIC)).toEqual(new Map([[0, 3n], [1, 0n]]));
  });

  it('keeps topics and gateways apart', async () => {
    const [gw, other] = [gatewayId(), gatewayId()];
    await saveGatewayPositions(f.orm, gw, TOPIC, [[0, 5n]]);
    await saveGatewayPositions(f.orm, gw, `${TOPIC}-b`, [[0, BIG]]);
    await saveGatewayPositions(f.orm, other, TOPIC, [[0, 9n]]);
    expect(await loadGatewayPositions(f.orm, gw, TOPIC)).toEqual(new Map([[0, 5n]]));
    expect(await loadGatewayPositions(f.orm, gw, `${TOPIC}-b`)).toEqual(new Map([[0, BIG]]));
    expect(await loadGatewayPositions(f.orm, other, TOPIC)).toEqual(new Map([[0, 9n]]));
    // Kafka tells names apart by case, so the store does too.
    expect(await loadGatewayPositions(f.orm, gw.toUpperCase(), TOPIC)).toEqual(new Map());
  });

  it('refuses bad input before writing', async () => {
    const gw = gatewayId();
    await expect(saveGatewayPositions(f.orm, 'bad id', TOPIC, [[0, 1n]])).rejects.toBeInstanceOf(ValidationError);
    await expect(saveGatewayPositions(f.orm, gw, 'bad topic', [[0, 1n]])).rejects.toBeInstanceOf(ValidationError);
    await expect(saveGatewayPositions(f.orm, gw, TOPIC, [[0, -1n]])).rejects.toBeInstanceOf(ValidationError);
    await expect(saveGatewayPositions(f.orm, gw, TOPIC, [[-1, 1n]])).rejects.toBeInstanceOf(ValidationError);
    expect(await loadGatewayPositions(f.orm, gw, TOPIC)).toEqual(new Map());
  });
});

describe('DownstreamPositions on the MariaDB store', () => {
  const storeOf = (gw: string): PositionStore => ({
    load: () => loadGatewayPositions(f.orm, gw, TOPIC),
    save: (entries) => saveGatewayPositions(f.orm, gw, TOPIC, entries),
  });
  const ends = (high: string[]) => () => Promise.resolve(high.map((h, partition) => ({ partition, high: h })));

  it('resumes where the previous process stopped; a partition without a position starts at its end', async () => {
    const gw = gatewayId();
    const first = new DownstreamPositions(storeOf(gw), ends(['0']));
    await first.load();
    first.advance(0, (BIG + 41n).toString());
    await first.save();

    const next = new DownstreamPositions(storeOf(gw), ends([(BIG + 100n).toString(), '7']));
    await next.load();
    expect(next.entries()).toEqual([[0, (BIG + 42n).toString()], [1, '7']]);
    expect(next.wanted(0, (BIG + 41n).toString())).toBe(false);
    expect(next.wanted(0, (BIG + 42n).toString())).toBe(true);
  });

  it('starts at the end when the stored position is past it (the topic was created again)', async () => {
    const gw = gatewayId();
    await saveGatewayPositions(f.orm, gw, TOPIC, [[0, 500n]]);
    const p = new DownstreamPositions(storeOf(gw), ends(['3']));
    await p.load();
    expect(p.entries()).toEqual([[0, '3']]);
    p.advance(0, '3');
    await p.save();
    expect(await loadGatewayPositions(f.orm, gw, TOPIC)).toEqual(new Map([[0, 4n]]));
  });
});
