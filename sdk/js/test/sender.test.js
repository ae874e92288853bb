import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig } from '../src/config.js';
import { ReportQueue } from '../src/queue.js';
import { Sender, backoffMs, retryAfterMs } from '../src/sender.js';
import { FakeEnv, T0 } from './fakes.js';

function setup(options = {}) {
  const env = new FakeEnv();
  const cfg = parseConfig({ endpoint: 'http://127.0.0.1:8080', apiKey: 'key-1', sessionId: 's1', region: 'eu', ...options });
  const queue = new ReportQueue(cfg.maxQueue, cfg.maxBatch);
  const errors = [];
  const sender = new Sender(cfg, queue, env, (e) => errors.push(e));
  return { env, cfg, queue, sender, errors };
}

test('backoff doubles from 1 s up to 60 s, with jitter in the upper half', () => {
  const mid = () => 0.5;
  assert.deepEqual([1, 2, 3, 4, 6, 7, 20].map((n) => backoffMs(n, mid)), [750, 1500, 3000, 6000, 24000, 45000, 45000]);
  assert.equal(backoffMs(3, () => 0), 2000);
  assert.equal(backoffMs(3, () => 0.999999) < 4000, true);
});

test('Retry-After is read as seconds or as an HTTP date', () => {
  assert.equal(retryAfterMs('7', T0), 7000);
  assert.equal(retryAfterMs(new Date(T0 + 30000).toUTCString(), T0), 30000);
  assert.equal(retryAfterMs('soon', T0), null);
  assert.equal(retryAfterMs(null, T0), null);
  assert.equal(retryAfterMs('999999', T0), 600000, 'capped at 10 minutes');
});

test('a batch is POSTed to /v1/reports with the bearer token, keepalive and the session fields', async () => {
  const { env, queue, sender } = setup({ metadata: { room: 'r' } });
  queue.addEvent('pc-1', { t: T0, type: 'create' });
  await sender.flush();
  assert.equal(env.requests.length, 1);
  const { url, init, body } = env.requests[0];
  assert.equal(url, 'http://127.0.0.1:8080/v1/reports');
  assert.equal(init.method, 'POST');
  assert.equal(init.headers.Authorization, 'Bearer key-1');
  assert.equal(init.headers['Content-Type'], 'application/json');
  assert.equal(init.keepalive, true);
  assert.match(body.clientId, /^c-[0-9a-f]{18}$/, 'a random client id per monitor()');
  assert.deepEqual(body, {
    sessionId: 's1', clientId: body.clientId, region: 'eu', sdk: { name: 'icewatch-js', version: '0.1.0' }, userAgent: 'FakeBrowser/1.0',
    metadata: { room: 'r' }, reports: [{ peerConnectionId: 'pc-1', seq: 0, events: [{ t: T0, type: 'create' }] }],
  });
});

test('a token function is asked at every send', async () => {
  let n = 0;
  const { env, queue, sender } = setup({ apiKey: undefined, token: () => `t${++n}` });
  queue.addEvent('a', { t: 1, type: 'x' });
  await sender.flush();
  queue.addEvent('a', { t: 2, type: 'x' });
  await sender.flush();
  assert.deepEqual(env.requests.map((r) => r.init.headers.Authorization), ['Bearer t1', 'Bearer t2']);
});

test('bodies over 60 kB are sent without keepalive (browsers refuse larger ones)', async () => {
  const { env, queue, sender } = setup();
  queue.addEvent('a', { t: 1, type: 'x', pad: 'y'.repeat(70000) });
  await sender.flush();
  assert.equal(env.requests[0].init.keepalive, false);
});

test('network errors, 5xx and 429 are retried with the same seq and contents after a backoff', async () => {
  const { env, queue, sender } = setup();
  env.responses.push({ error: true }, { status: 503 }, { status: 429 });
  queue.addEvent('a', { t: 1, type: 'create' });
  await sender.flush();
  assert.equal(env.requests.length, 1);
  queue.addEvent('a', { t: 2, type: 'close' });
  await env.advance(749);
  assert.equal(env.requests.length, 1, 'first retry waits 750 ms');
  await env.advance(1);
  assert.equal(env.requests.length, 2);
  await env.advance(1500);
  assert.equal(env.requests.length, 3);
  await env.advance(3000);
  assert.equal(env.requests.length, 5, 'third retry succeeds, then the next batch goes at once');
  const bodies = env.bodies;
  for (const b of bodies.slice(0, 4)) assert.deepEqual(b.reports, [{ peerConnectionId: 'a', seq: 0, events: [{ t: 1, type: 'create' }] }]);
  assert.deepEqual(bodies[4].reports, [{ peerConnectionId: 'a', seq: 1, events: [{ t: 2, type: 'close' }] }]);
});

test('Retry-After decides the wait instead of the backoff', async () => {
  const { env, queue, sender } = setup();
  env.responses.push({ status: 503, headers: { 'retry-after': '20' } });
  queue.addEvent('a', { t: 1, type: 'x' });
  await sender.flush();
  sender.schedule(0);
  await env.advance(19999);
  assert.equal(env.requests.length, 1, 'a scheduled flush does not jump the queue of a retry');
  await env.advance(1);
  assert.equal(env.requests.length, 2);
});

test('other 4xx answers drop the batch, count it and tell onError; later batches still go', async () => {
  const { env, queue, sender, errors } = setup();
  env.responses.push({ status: 400 });
  queue.addEvent('a', { t: 1, type: 'x' });
  queue.addStats('a', 2, { X: { type: 'transport', iceState: 'new' } });
  await sender.flush();
  assert.deepEqual(queue.dropped, { events: 1, stats: 1 });
  assert.match(errors[0].message, /HTTP 400/);
  queue.addEvent('a', { t: 3, type: 'y' });
  await sender.flush();
  assert.equal(env.requests[1].body.reports[0].seq, 1);
  assert.deepEqual(env.requests[1].body.sdk.dropped, { events: 1, stats: 1 });
});

test('after maxAttempts the events go back to the queue and are sent later under a new seq', async () => {
  const { env, queue, sender } = setup({ maxAttempts: 2 });
  env.responses.push({ error: true }, { error: true });
  queue.addEvent('a', { t: 1, type: 'create' });
  await sender.flush();
  await env.advance(750);
  assert.equal(env.requests.length, 2);
  await env.advance(1500);
  assert.equal(env.requests.length, 3);
  assert.deepEqual(env.requests[2].body.reports, [{ peerConnectionId: 'a', seq: 1, events: [{ t: 1, type: 'create' }] }]);
});

test('while the endpoint is down memory stays bounded and stats are dropped first', async () => {
  const { env, queue, sender } = setup({ maxQueue: 20, maxBatch: 5 });
  for (let i = 0; i < 200; i++) env.responses.push({ error: true });
  queue.addEvent('a', { t: 0, type: 'create' });
  await sender.flush();
  for (let i = 1; i <= 500; i++) {
    queue.addStats('a', i, { P: { type: 'candidate-pair', bytesSent: i } });
    if (i % 50 === 0) await env.advance(1000);
  }
  assert.ok(queue.size <= 20);
  assert.ok(queue.dropped.stats > 400);
  assert.equal(queue.dropped.events, 0);
  env.responses.length = 0;
  await env.advance(120000);
  const events = env.bodies.flatMap((b) => b.reports.flatMap((r) => r.events || []));
  assert.ok(events.some((e) => e.type === 'create'), 'the create event survives the outage');
  const last = env.bodies.at(-1).reports.at(-1).stats.at(-1);
  assert.equal(last.reports.P.bytesSent, 500, 'the last value arrives');
});

test('on pagehide everything goes by sendBeacon when a beacon endpoint is set', () => {
  const { env, queue, sender } = setup({ beaconEndpoint: 'http://127.0.0.1:8080/v1/reports?token=beacon-token' });
  env.sendBeacon = (url, body) => { env.beacons.push({ url, body: JSON.parse(body) }); return true; };
  queue.addEvent('a', { t: 1, type: 'create' });
  queue.addEvent('b', { t: 2, type: 'create' });
  sender.beacon();
  assert.equal(env.requests.length, 0);
  assert.equal(env.beacons.length, 1);
  assert.equal(env.beacons[0].url, 'http://127.0.0.1:8080/v1/reports?token=beacon-token');
  assert.deepEqual(env.beacons[0].body.reports.map((r) => r.peerConnectionId), ['a', 'b']);
  assert.equal(queue.isEmpty(), true);
});

test('without a beacon endpoint (or when the beacon is refused) pagehide uses fetch keepalive with the header', async () => {
  for (const beaconEndpoint of [undefined, 'http://127.0.0.1:8080/b']) {
    const { env, queue, sender } = setup({ beaconEndpoint });
    env.sendBeacon = () => false;
    queue.addEvent('a', { t: 1, type: 'create' });
    sender.beacon();
    await env.advance(0);
    assert.equal(env.requests.length, 1);
    assert.equal(env.requests[0].init.keepalive, true);
    assert.equal(env.requests[0].init.headers.Authorization, 'Bearer key-1');
  }
});

test('the beacon re-sends a batch still in flight with its seq', async () => {
  const { env, queue, sender } = setup();
  env.responses.push({ error: true });
  queue.addEvent('a', { t: 1, type: 'create' });
  await sender.flush();
  queue.addEvent('a', { t: 2, type: 'close' });
  sender.beacon();
  await env.advance(0);
  assert.deepEqual(env.requests[1].body.reports.map((r) => r.seq), [0, 1]);
  await env.advance(60000);
  assert.equal(env.requests.length, 2, 'nothing is left to retry');
});

test('stop() sends what is left and then stays quiet', async () => {
  const { env, queue, sender } = setup();
  queue.addEvent('a', { t: 1, type: 'close' });
  await sender.stop();
  assert.equal(env.requests.length, 1);
  queue.addEvent('a', { t: 2, type: 'late' });
  sender.schedule(0);
  await env.advance(10000);
  assert.equal(env.requests.length, 1);
  assert.equal(env.timers.size, 0);
});

test('a publishable key rides in the query string with a text/plain body, so no request needs a preflight', async () => {
  const { env, queue, sender } = setup({ apiKey: 'iwp_pub+/key' });
  queue.addEvent('pc-1', { t: T0, type: 'create' });
  await sender.flush();
  const { url, init } = env.requests[0];
  assert.equal(url, 'http://127.0.0.1:8080/v1/reports?key=iwp_pub%2B%2Fkey');
  assert.deepEqual(init.headers, { 'Content-Type': 'text/plain;charset=UTF-8' });
  assert.equal(init.keepalive, true);
});

test('by default pagehide sends a publishable key\'s batch by sendBeacon straight to IceWatch', () => {
  const { env, queue, sender } = setup({ apiKey: 'iwp_pub' });
  env.sendBeacon = (url, body, type) => { env.beacons.push({ url, type, body: JSON.parse(body) }); return true; };
  queue.addEvent('a', { t: 1, type: 'create' });
  sender.beacon();
  assert.equal(env.requests.length, 0);
  assert.deepEqual(env.beacons.map((b) => [b.url, b.type]), [['http://127.0.0.1:8080/v1/reports?key=iwp_pub', 'text/plain;charset=UTF-8']]);
  assert.deepEqual(env.beacons[0].body.reports.map((r) => r.peerConnectionId), ['a']);
});

test('transport beacon sends every batch by sendBeacon, and fetch takes over when the browser refuses one', async () => {
  const { env, queue, sender } = setup({ apiKey: 'iwp_pub', transport: 'beacon' });
  const answers = [true, false];
  env.sendBeacon = (url, body) => { env.beacons.push({ url, body: JSON.parse(body) }); return answers.shift(); };
  queue.addEvent('a', { t: 1, type: 'create' });
  await sender.flush();
  queue.addEvent('a', { t: 2, type: 'close' });
  await sender.flush();
  assert.equal(env.beacons.length, 2);
  assert.equal(env.requests.length, 1, 'the refused beacon went by fetch');
  assert.equal(env.requests[0].body.reports[0].seq, 1);
  assert.equal(sender.sentReports, 2);
});

test('transport fetch keeps pagehide on fetch with keepalive; a secret key never goes into a URL', () => {
  for (const options of [{ apiKey: 'iwp_pub', transport: 'fetch' }, { apiKey: 'iws_secret' }]) {
    const { env, queue, sender } = setup(options);
    env.sendBeacon = (url, body) => { env.beacons.push({ url, body }); return true; };
    queue.addEvent('a', { t: 1, type: 'create' });
    sender.beacon();
    assert.equal(env.beacons.length, 0, JSON.stringify(options));
    assert.equal(env.requests.length, 1);
    assert.equal(env.requests[0].init.keepalive, true);
    assert.ok(!env.requests[0].url.includes('iws_secret'));
  }
});
