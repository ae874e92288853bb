// Test doubles: a manual clock with timers, a scripted fetch, and an RTCPeerConnection
// stand-in that dispatches the events a browser would.
export const T0 = 1763791000000;

export const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
};

export class FakeEnv {
  constructor() {
    this.time = T0;
    this.timers = new Map();
    this.nextId = 1;
    this.requests = [];
    this.responses = [];
    this.beacons = [];
    this.listeners = {};
    this.global = {};
    this.userAgent = 'FakeBrowser/1.0';
    this.sendBeacon = null;
    this.now = () => this.time;
    this.random = () => 0.5;
    this.setTimeout = (f, ms) => this.add(f, ms, 0);
    this.setInterval = (f, ms) => this.add(f, ms, ms);
    this.clearTimeout = (id) => this.timers.delete(id);
    this.clearInterval = (id) => this.timers.delete(id);
    this.on = (type, f) => { (this.listeners[type] = this.listeners[type] || []).push(f); };
    this.off = (type, f) => { this.listeners[type] = (this.listeners[type] || []).filter((g) => g !== f); };
    // responses: queue of { status, headers } or { error: true }; 202 when empty.
    this.fetch = async (url, init) => {
      this.requests.push({ url, init, body: JSON.parse(init.body) });
      const r = this.responses.shift() || { status: 202 };
      if (r.error) throw new TypeError('Failed to fetch');
      const headers = r.headers || {};
      return { ok: r.status >= 200 && r.status < 300, status: r.status, headers: { get: (k) => headers[k.toLowerCase()] ?? null } };
    };
  }

  add(f, ms, every) {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + ms, f, every });
    return id;
  }

  emit(type) { (this.listeners[type] || []).forEach((f) => f()); }

  // Moves the clock forward, running due timers in order and letting promises settle.
  async advance(ms) {
    const end = this.time + ms;
    for (;;) {
      await settle();
      let next = null;
      for (const [id, t] of this.timers) if (t.at <= end && (!next || t.at < next[1].at)) next = [id, t];
      if (!next) break;
      const [id, t] = next;
      this.time = t.at;
      if (t.every) t.at += t.every;
      else this.timers.delete(id);
      t.f();
      await settle();
    }
    this.time = end;
    await settle();
  }

  get bodies() { return this.requests.map((r) => r.body); }
}

export class FakePC extends EventTarget {
  constructor(configuration) {
    super();
    this.configuration = configuration || {};
    this.signalingState = 'stable';
    this.iceConnectionState = 'new';
    this.connectionState = 'new';
    this.iceGatheringState = 'new';
    this.localDescription = null;
    this.remoteDescription = null;
    this.stats = {};
    this.calls = [];
  }

  getConfiguration() { return JSON.parse(JSON.stringify(this.configuration)); }
  getStats() { return Promise.resolve(new Map(Object.entries(JSON.parse(JSON.stringify(this.stats))))); }
  createOffer(opts) { this.calls.push(['createOffer', opts]); return Promise.resolve({ type: 'offer', sdp: 'v=0' }); }
  setLocalDescription(d) { this.localDescription = d; return Promise.resolve(); }
  setRemoteDescription(d) { this.remoteDescription = d; return Promise.resolve(); }
  addIceCandidate(c) { this.calls.push(['addIceCandidate', c]); return Promise.resolve(); }
  restartIce() { this.calls.push(['restartIce']); }
  setConfiguration(c) { this.configuration = c; }
  close() { this.signalingState = 'closed'; this.calls.push(['close']); }

  fire(type, props) {
    const e = new Event(type);
    Object.assign(e, props);
    this.dispatchEvent(e);
  }

  set(prop, event, value) {
    this[prop] = value;
    this.fire(event);
  }
}
