import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig } from '../src/config.js';
import { monitor } from '../src/monitor.js';
import { FakeEnv } from './fakes.js';

const base = { endpoint: 'https://iw.example.com', apiKey: 'k', sessionId: 'call-1' };

test('defaults: 2 s stats, 5 s flush, everyone sampled, addresses hashed', () => {
  const c = parseConfig(base);
  assert.equal(c.reportsUrl, 'https://iw.example.com/v1/reports');
  assert.equal(c.statsIntervalMs, 2000);
  assert.equal(c.flushIntervalMs, 5000);
  assert.equal(c.sampleRate, 1);
  assert.equal(c.addresses, 'hash');
  assert.equal(c.wrapGlobal, false);
  assert.equal(c.beaconUrl, null);
  assert.equal(c.token, 'k');
});

test('the endpoint may be the base URL, with a trailing slash, or the reports URL itself', () => {
  for (const endpoint of ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080', 'http://127.0.0.1:8080/v1/reports']) {
    assert.equal(parseConfig({ ...base, endpoint }).reportsUrl, 'http://127.0.0.1:8080/v1/reports');
  }
});

test('token wins over apiKey and may be a function', () => {
  assert.equal(parseConfig({ ...base, token: 't' }).token, 't');
  const f = () => 'fresh';
  assert.equal(parseConfig({ endpoint: base.endpoint, sessionId: 's', token: f }).token, f);
});

test('a missing sessionId is generated; a bad one is refused', () => {
  const c = parseConfig({ endpoint: base.endpoint, apiKey: 'k' });
  assert.match(c.sessionId, /^[A-Za-z0-9._:-]{1,128}$/);
  assert.throws(() => parseConfig({ ...base, sessionId: 'has space' }), /sessionId/);
  assert.throws(() => parseConfig({ ...base, sessionId: 'x'.repeat(129) }), /sessionId/);
});

test('each bad option is refused with its name', () => {
  const cases = [
    [{ endpoint: 'ftp://x' }, /endpoint/],
    [{ endpoint: undefined }, /endpoint/],
    [{ apiKey: '' }, /apiKey or token/],
    [{ region: 'eu west' }, /region/],
    [{ region: 'x'.repeat(65) }, /region/],
    [{ metadata: [] }, /metadata/],
    [{ sampleRate: 1.5 }, /sampleRate/],
    [{ sampleRate: 'all' }, /sampleRate/],
    [{ statsIntervalMs: -1 }, /statsIntervalMs/],
    [{ addresses: 'plain' }, /addresses/],
    [{ beaconEndpoint: 'nope' }, /beaconEndpoint/],
    [{ onError: 'log' }, /onError/],
  ];
  for (const [patch, re] of cases) assert.throws(() => parseConfig({ ...base, ...patch }), re, JSON.stringify(patch));
});

test('metadata is copied when given and must be serialisable', () => {
  const metadata = { room: 'standup' };
  const c = parseConfig({ ...base, metadata });
  metadata.room = 'changed';
  assert.deepEqual(c.metadata, { room: 'standup' });
  const cyclic = {};
  cyclic.self = cyclic;
  assert.throws(() => parseConfig({ ...base, metadata: cyclic }), /metadata/);
});

test('monitor() never throws on bad options: it returns a handle that does nothing', async () => {
  const warn = console.warn;
  console.warn = () => {};
  try {
    const h = monitor({ endpoint: 'nope' }, new FakeEnv());
    assert.equal(h.sampled, false);
    assert.match(h.error.message, /endpoint/);
    assert.equal(h.watch({}), null);
    await h.flush();
    await h.stop();
    assert.equal(monitor(undefined, new FakeEnv()).sampled, false);
  } finally {
    console.warn = warn;
  }
});

test('a publishable key is recognised by its prefix; other keys and tokens stay in the header', () => {
  assert.equal(parseConfig({ ...base, apiKey: 'iwp_abc' }).publishableKey, 'iwp_abc');
  assert.equal(parseConfig({ ...base, apiKey: 'iwp_abc' }).exposedSecretKey, false);
  assert.equal(parseConfig({ ...base, apiKey: 'iws_abc' }).publishableKey, null);
  assert.equal(parseConfig({ ...base, apiKey: 'iws_abc' }).exposedSecretKey, true);
  assert.equal(parseConfig({ endpoint: base.endpoint, token: () => 't' }).exposedSecretKey, false);
  assert.equal(parseConfig(base).transport, 'auto');
  assert.equal(parseConfig({ ...base, transport: 'beacon' }).transport, 'beacon');
  assert.throws(() => parseConfig({ ...base, transport: 'carrier-pigeon' }), /transport/);
});
