import { redactConfiguration, candidateInfo } from './redact.js';
import { pickStats } from './stats.js';

const STATES = [
  ['iceconnectionstatechange', 'iceConnectionState'],
  ['connectionstatechange', 'connectionState'],
  ['icegatheringstatechange', 'iceGatheringState'],
  ['signalingstatechange', 'signalingState'],
];
// States after which the server should hear from us soon rather than at the next flush. A
// gathering round that is complete can decide a failure at once (relay policy, no relay candidate).
const URGENT = { connected: 1, completed: 1, failed: 1, disconnected: 1, closed: 1, complete: 1 };
const SOON_MS = 500;
const FINAL_STATS_WAIT_MS = 1000;
const UP = { connected: 1, completed: 1 };
// Heartbeats stop after this long without connecting: IceWatch has long decided by then.
const HEARTBEAT_LIMIT_MS = 600000;

// Replaces pc[name] on the instance with a function that reports the call; the app gets the
// original result (and rejection) untouched.
function hook(pc, name, before, after) {
  const orig = pc[name];
  if (typeof orig !== 'function') return;
  pc[name] = function (...args) {
    before && before(args);
    const r = orig.apply(this, args);
    if (after && r && typeof r.then === 'function') r.then(() => after(args), () => {});
    return r;
  };
}

// Watches one RTCPeerConnection. ctx: { queue, sender, cfg, env, mask, safe, forget, stopped }.
export function watchPeerConnection(pc, id, ctx, initialConfiguration) {
  const { queue, sender, cfg, env, mask, safe } = ctx;
  let timer = null;
  let beatTimer = null;
  let closed = false;
  let lastItemAt = env.now();
  let downSince = env.now();

  const log = (type, fields) => {
    if (ctx.stopped) return;
    lastItemAt = env.now();
    queue.addEvent(id, Object.assign({ t: lastItemAt, type }, fields));
    sender.schedule(cfg.flushIntervalMs);
  };

  // While the connection is not connected, a silent stretch would leave IceWatch unable to tell
  // how long it was watched (stats are deltas: nothing changes, nothing is sent). A heartbeat says
  // "still watched, still not connected" whenever nothing else was queued for a while.
  const beat = () => {
    const state = pc.connectionState || pc.iceConnectionState;
    const now = env.now();
    if (UP[state]) { downSince = null; return; }
    if (state === 'failed' || state === 'closed' || closed) return;
    if (downSince === null) downSince = now;
    if (now - downSince <= HEARTBEAT_LIMIT_MS && now - lastItemAt >= cfg.heartbeatIntervalMs) log('heartbeat');
  };

  const snapshot = (last) => {
    if (!last && (closed || pc.signalingState === 'closed')) return Promise.resolve();
    const t = env.now();
    let pending;
    try { pending = pc.getStats(); } catch (e) { return Promise.resolve(); }
    return Promise.resolve(pending).then(safe((report) => {
      if ((last || !closed) && queue.addStats(id, t, pickStats(report, mask))) {
        lastItemAt = Math.max(lastItemAt, t);
        sender.schedule(cfg.flushIntervalMs);
      }
    }), () => {});
  };

  const stop = () => {
    if (timer !== null) env.clearInterval(timer);
    if (beatTimer !== null) env.clearInterval(beatTimer);
    timer = null;
    beatTimer = null;
  };

  let configuration;
  try { configuration = pc.getConfiguration(); } catch (e) { configuration = initialConfiguration; }
  log('create', { configuration: redactConfiguration(configuration || initialConfiguration) });
  // Watched late: say where the connection already is.
  for (const [event, prop] of STATES) {
    const state = pc[prop];
    if (state && state !== 'new' && state !== 'stable') log(event, { state });
  }

  pc.addEventListener('icecandidate', safe((e) => {
    const c = e.candidate && e.candidate.candidate ? candidateInfo(e.candidate, mask, e.url) : null;
    log('icecandidate', c ? { candidate: c } : {});
  }));
  pc.addEventListener('icecandidateerror', safe((e) => {
    const f = { url: e.url, errorCode: e.errorCode, errorText: e.errorText, address: e.address && mask(e.address), port: e.port };
    for (const k of Object.keys(f)) if (f[k] === undefined || f[k] === null || f[k] === '') delete f[k];
    log('icecandidateerror', f);
  }));
  for (const [event, prop] of STATES) {
    pc.addEventListener(event, safe(() => {
      const state = pc[prop];
      log(event, { state });
      if (URGENT[state]) sender.schedule(SOON_MS);
      if (event !== 'signalingstatechange') snapshot(false);
    }));
  }

  hook(pc, 'setLocalDescription', null, safe((args) =>
    log('setLocalDescription', { sdpType: (pc.localDescription && pc.localDescription.type) || (args[0] && args[0].type) })));
  hook(pc, 'setRemoteDescription', null, safe((args) =>
    log('setRemoteDescription', { sdpType: (pc.remoteDescription && pc.remoteDescription.type) || (args[0] && args[0].type) })));
  hook(pc, 'addIceCandidate', safe((args) => {
    const c = candidateInfo(args[0], mask);
    log('addIceCandidate', c ? { candidate: c } : {});
  }));
  hook(pc, 'restartIce', safe(() => log('restartIce')));
  hook(pc, 'createOffer', safe((args) => {
    const o = args.find((a) => a && typeof a === 'object');
    if (o && o.iceRestart) log('restartIce');
  }));
  hook(pc, 'setConfiguration', safe((args) => log('setConfiguration', { configuration: redactConfiguration(args[0]) })));
  hook(pc, 'close', safe(() => {
    if (closed) return;
    // The last snapshot is asked for before the connection goes away.
    const last = snapshot(true);
    closed = true;
    stop();
    log('close');
    const wait = new Promise((r) => env.setTimeout(r, FINAL_STATS_WAIT_MS));
    Promise.race([last, wait]).then(safe(() => {
      queue.release(id);
      ctx.forget(id);
      sender.schedule(0);
    }));
  }));

  if (cfg.statsIntervalMs > 0) timer = env.setInterval(safe(() => snapshot(false)), cfg.statsIntervalMs);
  if (cfg.heartbeatIntervalMs > 0) beatTimer = env.setInterval(safe(beat), cfg.heartbeatIntervalMs);
  return { id, snapshot, stop };
}
