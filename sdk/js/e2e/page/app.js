// The end-to-end page: uses the built SDK exactly as an application would.
import IceWatch from '/sdk/icewatch.min.js';

const state = { peers: [], timers: [], handle: null, errors: [], received: 0 };

// opts: { sessionId, apiKey (publishable), configuration, mode: 'wrap' | 'watch', endpoint?, transport?, flushIntervalMs? }.
// Resolves with the SDK's client id, under which IceWatch files this page's connections.
async function start(opts) {
  state.handle = IceWatch.monitor({
    endpoint: opts.endpoint || location.origin,
    apiKey: opts.apiKey,
    transport: opts.transport,
    sessionId: opts.sessionId,
    region: 'e2e',
    metadata: { scenario: opts.sessionId },
    statsIntervalMs: 1000,
    flushIntervalMs: opts.flushIntervalMs || 1000,
    wrapGlobal: opts.mode === 'wrap',
    onError: (e) => state.errors.push(String(e && e.message)),
  });

  const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  const caller = new RTCPeerConnection(opts.configuration);
  const callee = new RTCPeerConnection(opts.configuration);
  if (opts.mode === 'watch') {
    state.handle.watch(caller, { id: 'caller' });
    state.handle.watch(callee, { id: 'callee' });
  }
  state.peers = [caller, callee];

  // Trickle ICE inside the page, queueing candidates until the other side has a remote description.
  const wire = (from, to) => {
    const queue = [];
    from.addEventListener('icecandidate', (e) => {
      if (!e.candidate || !e.candidate.candidate) return;
      if (to.remoteDescription) to.addIceCandidate(e.candidate).catch(() => {});
      else queue.push(e.candidate);
    });
    return () => queue.splice(0).forEach((c) => to.addIceCandidate(c).catch(() => {}));
  };
  const flushToCallee = wire(caller, callee);
  const flushToCaller = wire(callee, caller);

  stream.getTracks().forEach((t) => { caller.addTrack(t, stream); callee.addTrack(t.clone(), stream); });
  const channel = caller.createDataChannel('e2e');
  channel.onopen = () => state.timers.push(setInterval(() => channel.send(`ping ${'x'.repeat(900)}`), 100));
  callee.ondatachannel = (e) => { e.channel.onmessage = (m) => { state.received++; e.channel.send(`pong ${m.data.length}`); }; };

  await caller.setLocalDescription(await caller.createOffer());
  await callee.setRemoteDescription(caller.localDescription);
  flushToCallee();
  await callee.setLocalDescription(await callee.createAnswer());
  await caller.setRemoteDescription(callee.localDescription);
  flushToCaller();
  return state.handle.clientId;
}

// An ICE restart started by the caller, renegotiated in-page.
async function restart() {
  const [caller, callee] = state.peers;
  await caller.setLocalDescription(await caller.createOffer({ iceRestart: true }));
  await callee.setRemoteDescription(caller.localDescription);
  await callee.setLocalDescription(await callee.createAnswer());
  await caller.setRemoteDescription(callee.localDescription);
}

function states() {
  return state.peers.map((p) => ({ connectionState: p.connectionState, iceConnectionState: p.iceConnectionState }));
}

// Closes both connections (the SDK takes a last snapshot and flushes) and stops the SDK.
async function finish() {
  state.timers.forEach((t) => clearInterval(t));
  state.peers.forEach((p) => p.close());
  await new Promise((r) => setTimeout(r, 1500));
  await state.handle.stop();
  return { errors: state.errors, counters: state.handle.counters(), received: state.received };
}

window.e2e = { start, restart, states, finish, errors: () => state.errors };
