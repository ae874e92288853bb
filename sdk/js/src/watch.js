import { redactConfiguration, candidateInfo } from './redact.js';
import { pickStats } from './stats.js';

const STATES = [
  ['iceconnectionstatechange', 'iceConnectionState'],
  ['connectionstatechange', 'connectionState'],
  ['icegatheringstatechange', 'iceGatheringState'],
  ['signalingstatechange', 'signalingState'],
];
// States after which the server should hear from us soon rather than at the next flush.
const URGENT = { connected: 1, completed: 1, failed: 1, disconnected: 1, closed: 1 };
const SOON_MS = 500;
const FINAL_STATS_WAIT_MS = 1000;

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
  let closed = false;

  const log = (type, fields) => {
    if (ctx.stopped) return;
    queue.addEvent(id, Object.assign({ t: env.now(), type }, fields));
    sender.schedule(cfg.flushIntervalMs);
  };

  const snapshot = (last) => {
    if (!last && (closed || pc.signalingState === 'closed')) return Promise.resolve();
    const t = env.now();
    let pending;
    try { pending = pc.getStats(); } catch (e) { return Promise.resolve(); }
    return Promise.resolve(pending).then(safe((report) => {
      if ((last || !closed) && queue.addStats(id, t, pickStats(report, mask))) sender.schedule(cfg.flushIntervalMs);
    }), () => {});
  };

  const stop = () => {
    if (timer !== null) env.clearInterval(timer);
    timer = null;
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
  return { id, snapshot, stop };
}
