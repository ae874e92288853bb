import { test } from 'node:test';
import assert from 'node:assert/strict';
import { monitor } from '../src/monitor.js';
import { FakeEnv, FakePC, T0 } from './fakes.js';

const TURN = { urls: 'turn:turn.example.com:3478?transport=udp', username: '1763794600:alice', credential: 'hunter2-secret' };

function start(options = {}, env = new FakeEnv()) {
  const errors = [];
  const handle = monitor({ endpoint: 'http://127.0.0.1:8080', apiKey: 'key-1', sessionId: 'call-1', region: 'lab',
    onError: (e) => errors.push(e), ...options }, env);
  return { env, handle, errors };
}

const events = (env, pc = 'caller') => env.bodies.flatMap((b) => b.reports).filter((r) => r.peerConnectionId === pc).flatMap((r) => r.events || []);
const stats = (env, pc = 'caller') => env.bodies.flatMap((b) => b.reports).filter((r) => r.peerConnectionId === pc).flatMap((r) => r.stats || []);

test('a watched connection reports create, candidates, errors, states and descriptions', async () => {
  const { env, handle } = start();
  const pc = new FakePC({ iceServers: [TURN], iceTransportPolicy: 'relay' });
  assert.equal(handle.watch(pc, { id: 'caller' }), 'caller');
  await pc.setLocalDescription({ type: 'offer', sdp: 'v=0' });
  pc.set('iceGatheringState', 'icegatheringstatechange', 'gathering');
  pc.fire('icecandidate', { candidate: { candidate: 'candidate:1 1 udp 41885695 203.0.113.9 50000 typ relay', type: 'relay', protocol: 'udp',
    relayProtocol: 'udp', url: TURN.urls, priority: 41885695, address: '203.0.113.9', port: 50000 } });
  pc.fire('icecandidateerror', { url: TURN.urls, errorCode: 401, errorText: 'Unauthorized', address: '10.0.0.2', port: 40000 });
  pc.fire('icecandidate', { candidate: null });
  await pc.setRemoteDescription({ type: 'answer', sdp: 'v=0' });
  await pc.addIceCandidate({ candidate: 'candidate:2 1 udp 2122260223 192.0.2.4 6000 typ host', sdpMid: '0' });
  pc.set('iceConnectionState', 'iceconnectionstatechange', 'checking');
  pc.set('connectionState', 'connectionstatechange', 'connecting');
  await env.advance(5000);

  const got = events(env);
  assert.deepEqual(got.map((e) => e.type), ['create', 'setLocalDescription', 'icegatheringstatechange', 'icecandidate', 'icecandidateerror',
    'icecandidate', 'setRemoteDescription', 'addIceCandidate', 'iceconnectionstatechange', 'connectionstatechange']);
  assert.deepEqual(got[0].configuration, { iceServers: [{ urls: [TURN.urls], hasCredential: true, usernameExpiry: 1763794600 }], iceTransportPolicy: 'relay' });
  assert.equal(got[1].sdpType, 'offer');
  assert.equal(got[3].candidate.type, 'relay');
  assert.equal(got[3].candidate.relayProtocol, 'udp');
  assert.match(got[3].candidate.address, /^ipv4-/);
  assert.deepEqual({ ...got[4], t: 0, address: 'x' }, { t: 0, type: 'icecandidateerror', url: TURN.urls, errorCode: 401, errorText: 'Unauthorized', address: 'x', port: 40000 });
  assert.equal(got[5].candidate, undefined, 'end of gathering');
  assert.equal(got[6].sdpType, 'answer');
  assert.deepEqual({ ...got[7].candidate, address: 'x' }, { type: 'host', protocol: 'udp', priority: 2122260223, address: 'x', port: 6000 });
  assert.equal(got[8].state, 'checking');
  for (const e of got) assert.ok(e.t >= T0);
});

test('restartIce() and createOffer({ iceRestart: true }) are reported as restartIce', async () => {
  const { env, handle } = start();
  const pc = new FakePC({});
  handle.watch(pc, { id: 'caller' });
  pc.restartIce();
  await pc.createOffer({ iceRestart: true });
  await pc.createOffer();
  pc.setConfiguration({ iceServers: [TURN] });
  await env.advance(5000);
  assert.deepEqual(events(env).map((e) => e.type), ['create', 'restartIce', 'restartIce', 'setConfiguration']);
  assert.deepEqual(pc.calls.map((c) => c[0]), ['restartIce', 'createOffer', 'createOffer'], 'the real methods still run');
});

test('stats are polled every statsIntervalMs and on state changes, delta-encoded', async () => {
  const { env, handle } = start({ statsIntervalMs: 1000 });
  const pc = new FakePC({});
  pc.stats = {
    CP: { id: 'CP', type: 'candidate-pair', state: 'in-progress', bytesSent: 0, localCandidateId: 'L' },
    L: { id: 'L', type: 'local-candidate', candidateType: 'relay', address: '203.0.113.9' },
    O: { id: 'O', type: 'outbound-rtp', packetsSent: 1 },
  };
  handle.watch(pc, { id: 'caller' });
  await env.advance(1000);
  pc.stats.CP.state = 'succeeded';
  pc.stats.O.packetsSent = 50;
  await env.advance(1000);
  await env.advance(1000);
  pc.stats.CP.bytesSent = 900;
  pc.set('iceConnectionState', 'iceconnectionstatechange', 'connected');
  await env.advance(1000);
  const s = stats(env);
  assert.equal(s.length, 3, 'unchanged snapshots are not sent');
  assert.deepEqual(Object.keys(s[0].reports).sort(), ['CP', 'L']);
  assert.deepEqual(s[1].reports, { CP: { state: 'succeeded' } });
  assert.deepEqual(s[2].reports, { CP: { bytesSent: 900 } });
  assert.equal(s[2].t, T0 + 3000, 'taken on the state change, not at the next tick');
});

test('close() takes a last snapshot, reports close, stops polling and flushes at once', async () => {
  const { env, handle } = start({ flushIntervalMs: 60000 });
  const pc = new FakePC({});
  pc.stats = { CP: { id: 'CP', type: 'candidate-pair', bytesSent: 1 } };
  handle.watch(pc, { id: 'caller' });
  await env.advance(2000);
  pc.stats.CP.bytesSent = 777;
  pc.close();
  await env.advance(0);
  assert.equal(env.requests.length, 1, 'no need to wait for the flush interval');
  assert.deepEqual(events(env).map((e) => e.type), ['create', 'close']);
  assert.equal(stats(env).at(-1).reports.CP.bytesSent, 777);
  pc.close();
  await env.advance(60000);
  assert.equal(env.requests.length, 1, 'nothing more after the close');
  assert.equal(env.timers.size, 0, 'no timer left running');
});

test('wrapGlobal wraps RTCPeerConnection, keeps instanceof and statics, and stop() restores it', async () => {
  const env = new FakeEnv();
  class Native extends FakePC { static generateCertificate() { return 'cert'; } }
  env.global.RTCPeerConnection = Native;
  const { handle } = start({ wrapGlobal: true }, env);
  const Wrapped = env.global.RTCPeerConnection;
  assert.notEqual(Wrapped, Native);
  const pc = new Wrapped({ iceServers: [TURN] });
  assert.ok(pc instanceof Native);
  assert.equal(Wrapped.generateCertificate(), 'cert');
  assert.equal(handle.watch(pc), 'pc-1', 'watching twice returns the same id');
  new Wrapped({});
  await env.advance(5000);
  assert.deepEqual(env.bodies[0].reports.map((r) => r.peerConnectionId), ['pc-1', 'pc-2']);
  await handle.stop();
  assert.equal(env.global.RTCPeerConnection, Native);
});

test('sessions are sampled once: the same session id always gets the same answer', () => {
  let inCount = 0;
  for (let i = 0; i < 400; i++) {
    const a = start({ sessionId: `s-${i}`, sampleRate: 0.25 }).handle.sampled;
    assert.equal(start({ sessionId: `s-${i}`, sampleRate: 0.25 }).handle.sampled, a);
    if (a) inCount++;
  }
  assert.ok(inCount > 60 && inCount < 140, `${inCount} of 400 sampled at 25%`);
  const out = start({ sampleRate: 0 });
  assert.equal(out.handle.sampled, false);
  assert.equal(out.handle.watch(new FakePC({})), null);
});

test('the TURN username and credential never leave the page', async () => {
  const { env, handle } = start({ addresses: 'hash' });
  const pc = new FakePC({ iceServers: [TURN, { urls: 'turn:user:pw@turn.example.com?transport=tcp&secret=hunter2-secret', username: 'bob', credential: 'hunter2-secret' }] });
  handle.watch(pc, { id: 'caller' });
  pc.setConfiguration({ iceServers: [{ urls: 'turns:turn.example.com:443', username: '1763794600:alice', credential: 'hunter2-secret' }] });
  pc.close();
  await env.advance(5000);
  const everything = JSON.stringify(env.requests.map((r) => [r.url, r.init.headers, r.init.body]));
  for (const secret of ['hunter2-secret', 'alice', 'bob', 'user:pw', '"credential"', '"username"']) assert.ok(!everything.includes(secret), secret);
  assert.ok(everything.includes('usernameExpiry'));
});

test('the app never sees an SDK exception: broken getStats, events and onError', async () => {
  const env = new FakeEnv();
  const handle = monitor({ endpoint: 'http://127.0.0.1:8080', apiKey: 'k', sessionId: 's', onError: () => { throw new Error('bad handler'); } }, env);
  const pc = new FakePC({});
  pc.getStats = () => { throw new Error('getStats exploded'); };
  pc.getConfiguration = () => { throw new Error('no config'); };
  handle.watch(pc, { id: 'caller' });
  Object.defineProperty(pc, 'iceConnectionState', { get() { throw new Error('state exploded'); } });
  pc.fire('iceconnectionstatechange');
  const bad = new Event('icecandidate');
  Object.defineProperty(bad, 'candidate', { get() { throw new Error('candidate exploded'); } });
  pc.dispatchEvent(bad);
  await pc.setLocalDescription({ type: 'offer' });
  env.fetch = () => { throw new Error('fetch exploded synchronously'); };
  await env.advance(10000);
  pc.close();
  await env.advance(10000);
  assert.equal(handle.watch(null), null);
  assert.equal(handle.watch({}), null);
  await handle.stop();
});

test('the app still gets the results and rejections of the methods it calls', async () => {
  const { env, handle } = start();
  const pc = new FakePC({});
  pc.setRemoteDescription = () => Promise.reject(new Error('bad sdp'));
  pc.addIceCandidate = () => Promise.resolve('added');
  handle.watch(pc, { id: 'caller' });
  await assert.rejects(pc.setRemoteDescription({ type: 'answer' }), /bad sdp/);
  assert.equal(await pc.addIceCandidate(null), 'added');
  await env.advance(5000);
  assert.deepEqual(events(env).map((e) => e.type), ['create', 'addIceCandidate'], 'a failed description is not reported as set');
});

test('pagehide sends what is queued at once', async () => {
  const { env, handle } = start({ flushIntervalMs: 60000 });
  handle.watch(new FakePC({}), { id: 'caller' });
  env.emit('pagehide');
  await env.advance(0);
  assert.equal(env.requests.length, 1);
  assert.equal(env.requests[0].init.keepalive, true);
  assert.equal(handle.counters().queued, 0);
});

test('a connection watched late reports the states it is already in', async () => {
  const { env, handle } = start();
  const pc = new FakePC({});
  pc.signalingState = 'have-local-offer';
  pc.iceGatheringState = 'complete';
  handle.watch(pc, { id: 'caller' });
  await env.advance(5000);
  assert.deepEqual(events(env).map((e) => [e.type, e.state]), [['create', undefined],
    ['icegatheringstatechange', 'complete'], ['signalingstatechange', 'have-local-offer']]);
});

test('closed connections are forgotten; after stop() nothing more is queued', async () => {
  const { env, handle } = start();
  const a = new FakePC({});
  const b = new FakePC({});
  handle.watch(a);
  handle.watch(b, { id: 'mine' });
  assert.deepEqual([handle.counters().peerConnections, handle.counters().open], [2, 2]);
  a.close();
  await env.advance(2000);
  assert.deepEqual([handle.counters().peerConnections, handle.counters().open], [2, 1]);
  await handle.stop();
  const sent = env.requests.length;
  b.set('iceConnectionState', 'iceconnectionstatechange', 'checking');
  await env.advance(10000);
  assert.equal(handle.counters().queued, 0);
  assert.equal(env.requests.length, sent);
  assert.equal(handle.watch(new FakePC({})), null);
});
