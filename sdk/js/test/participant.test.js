import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig } from '../src/config.js';
import { monitor } from '../src/monitor.js';
import { FakeEnv, FakePC } from './fakes.js';

const base = { endpoint: 'http://127.0.0.1:8080', apiKey: 'key-1', sessionId: 'call-1' };

test('every monitor() gets its own random client id unless the app gives one', () => {
  const a = parseConfig(base);
  const b = parseConfig(base);
  assert.match(a.clientId, /^c-[0-9a-f]{18}$/);
  assert.notEqual(a.clientId, b.clientId);
  assert.equal(parseConfig({ ...base, clientId: 'user-42.tab-1' }).clientId, 'user-42.tab-1');
  assert.throws(() => parseConfig({ ...base, clientId: 'has/slash' }), /clientId/);
  assert.throws(() => parseConfig({ ...base, clientId: 'x'.repeat(65) }), /clientId/);
});

test('two participants of one call both name their connection pc-1 and send their own client id', async () => {
  const sent = [];
  for (const _ of [1, 2]) {
    const env = new FakeEnv();
    const handle = monitor({ ...base, wrapGlobal: false }, env);
    assert.equal(handle.watch(new FakePC({})), 'pc-1');
    await env.advance(5000);
    sent.push({ handle, body: env.bodies[0] });
  }
  assert.deepEqual(sent.map((s) => s.body.reports[0].peerConnectionId), ['pc-1', 'pc-1']);
  assert.deepEqual(sent.map((s) => s.body.clientId), sent.map((s) => s.handle.clientId));
  assert.notEqual(sent[0].body.clientId, sent[1].body.clientId);
});

const beats = (env) => env.bodies.flatMap((b) => b.reports).flatMap((r) => r.events || []).filter((e) => e.type === 'heartbeat');

test('a connection that is not connected sends a heartbeat whenever nothing else was sent for heartbeatIntervalMs', async () => {
  const env = new FakeEnv();
  const handle = monitor({ ...base, statsIntervalMs: 0 }, env);
  const pc = new FakePC({ iceServers: [], iceTransportPolicy: 'relay' });
  handle.watch(pc, { id: 'caller' });
  pc.set('iceGatheringState', 'icegatheringstatechange', 'gathering');
  await env.advance(4000);
  assert.equal(beats(env).length, 0, 'the create event is recent');
  await env.advance(26000);
  const t = beats(env).map((e) => e.t - env.time);
  assert.deepEqual(t, [-25000, -20000, -15000, -10000, -5000, 0]);
});

test('no heartbeat while connected, nor once failed or closed', async () => {
  const env = new FakeEnv();
  const handle = monitor({ ...base, statsIntervalMs: 0 }, env);
  const pc = new FakePC({});
  handle.watch(pc, { id: 'caller' });
  pc.set('connectionState', 'connectionstatechange', 'connected');
  await env.advance(30000);
  assert.equal(beats(env).length, 0);
  pc.set('connectionState', 'connectionstatechange', 'disconnected');
  await env.advance(10000);
  assert.equal(beats(env).length, 2, 'disconnected is not connected');
  pc.set('connectionState', 'connectionstatechange', 'failed');
  await env.advance(30000);
  assert.equal(beats(env).length, 2);
});

test('heartbeats stop ten minutes after the connection was last connected, and heartbeatIntervalMs 0 turns them off', async () => {
  const env = new FakeEnv();
  monitor({ ...base, statsIntervalMs: 0 }, env).watch(new FakePC({}), { id: 'a' });
  await env.advance(900000);
  assert.equal(beats(env).length, 120);

  const quiet = new FakeEnv();
  monitor({ ...base, statsIntervalMs: 0, heartbeatIntervalMs: 0 }, quiet).watch(new FakePC({}), { id: 'a' });
  await quiet.advance(60000);
  assert.equal(beats(quiet).length, 0);
});
