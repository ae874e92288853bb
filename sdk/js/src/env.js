// What the SDK uses from the browser, in one place so tests can replace it.
export function browserEnv() {
  const g = globalThis;
  const nav = g.navigator;
  return {
    global: g,
    fetch: g.fetch ? (...a) => g.fetch(...a) : () => Promise.reject(new Error('no fetch')),
    // text/plain is CORS-safelisted, so a beacon to IceWatch needs no preflight; a route of the app's
    // own (beaconEndpoint) gets JSON it can forward as it is.
    sendBeacon: nav && typeof nav.sendBeacon === 'function'
      ? (url, body, type = 'application/json') => nav.sendBeacon(url, typeof Blob === 'function' ? new Blob([body], { type }) : body)
      : null,
    userAgent: nav && nav.userAgent,
    now: () => Date.now(),
    random: Math.random,
    setTimeout: (f, ms) => g.setTimeout(f, ms),
    clearTimeout: (t) => g.clearTimeout(t),
    setInterval: (f, ms) => g.setInterval(f, ms),
    clearInterval: (t) => g.clearInterval(t),
    on: (type, f) => g.addEventListener && g.addEventListener(type, f),
    off: (type, f) => g.removeEventListener && g.removeEventListener(type, f),
  };
}
