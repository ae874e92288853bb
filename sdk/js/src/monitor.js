import { parseConfig } from './config.js';
import { sampled } from './hash.js';
import { addressMasker } from './redact.js';
import { ReportQueue } from './queue.js';
import { Sender } from './sender.js';
import { watchPeerConnection } from './watch.js';
import { browserEnv } from './env.js';

const noop = () => {};

// A handle that does nothing: for sessions sampled out and for options that could not be used.
function inactive(sessionId, error) {
  return {
    sessionId, clientId: null, sampled: false, error,
    watch: () => null, flush: () => Promise.resolve(), stop: () => Promise.resolve(),
    counters: () => ({ peerConnections: 0, open: 0, queued: 0, sentReports: 0, dropped: { events: 0, stats: 0 } }),
  };
}

function randomSalt(env) {
  return `${env.now().toString(36)}${env.random().toString(36).slice(2)}${env.random().toString(36).slice(2)}`;
}

export function monitor(options, env = browserEnv()) {
  let cfg;
  try {
    cfg = parseConfig(options);
  } catch (e) {
    if (typeof console !== 'undefined') console.warn(e.message);
    return inactive(options && options.sessionId, e);
  }
  if (!sampled(cfg.sessionId, cfg.sampleRate)) return inactive(cfg.sessionId, null);
  if (cfg.exposedSecretKey && typeof console !== 'undefined') {
    console.warn('IceWatch: apiKey is not a publishable key (iwp_...): anyone who opens this page can read it and use all it can do. '
      + 'Create a publishable key for the page and revoke this one.');
  }

  const report = (e) => { try { (cfg.onError || noop)(e); } catch (ignored) { /* never into the app */ } };
  // Every callback the SDK hands to the browser or the app goes through safe().
  const safe = (fn) => function (...args) {
    try { return fn.apply(this, args); } catch (e) { report(e); return undefined; }
  };

  const queue = new ReportQueue(cfg.maxQueue, cfg.maxBatch);
  const sender = new Sender(cfg, queue, env, report);
  // Closed connections are forgotten so a long session holds only the open ones.
  const watchers = new Map();
  const ctx = { queue, sender, cfg, env, safe, mask: addressMasker(cfg.addresses, randomSalt(env)),
    forget: (id) => watchers.delete(id), stopped: false };
  const watched = new WeakMap();
  let count = 0;

  const watch = safe((pc, opts, initialConfiguration) => {
    if (ctx.stopped || !pc || typeof pc.addEventListener !== 'function') return null;
    if (watched.has(pc)) return watched.get(pc);
    count++;
    const id = opts && typeof opts.id === 'string' && opts.id ? opts.id : `pc-${count}`;
    watched.set(pc, id);
    watchers.set(id, watchPeerConnection(pc, id, ctx, initialConfiguration));
    return id;
  });

  let restoreGlobal = noop;
  const Native = env.global && env.global.RTCPeerConnection;
  if (cfg.wrapGlobal && typeof Native === 'function') {
    const Wrapped = class RTCPeerConnection extends Native {
      constructor(...args) {
        super(...args);
        watch(this, null, args[0]);
      }
    };
    env.global.RTCPeerConnection = Wrapped;
    restoreGlobal = () => { if (env.global.RTCPeerConnection === Wrapped) env.global.RTCPeerConnection = Native; };
  }

  const onPageHide = safe(() => sender.beacon());
  const onHidden = safe(() => {
    const doc = env.global && env.global.document;
    if (doc && doc.visibilityState === 'hidden') sender.flush();
  });
  env.on('pagehide', onPageHide);
  env.on('visibilitychange', onHidden);

  return {
    sessionId: cfg.sessionId,
    clientId: cfg.clientId,
    sampled: true,
    error: null,
    // watch(pc, { id }) starts monitoring a connection; returns its id (null when it cannot).
    watch: (pc, opts) => watch(pc, opts),
    flush: () => sender.flush().catch(report),
    // Stops wrapping and polling, then sends what is left.
    stop: () => {
      if (ctx.stopped) return sender.busy || Promise.resolve();
      ctx.stopped = true;
      restoreGlobal();
      env.off('pagehide', onPageHide);
      env.off('visibilitychange', onHidden);
      watchers.forEach((w) => w.stop());
      return sender.stop().catch(report);
    },
    counters: () => ({
      peerConnections: count,
      open: watchers.size,
      queued: queue.size,
      sentReports: sender.sentReports,
      dropped: { events: queue.dropped.events, stats: queue.dropped.stats },
    }),
  };
}
