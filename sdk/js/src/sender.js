import { VERSION } from './version.js';

// Browsers allow keepalive requests (and beacons) only up to 64 KiB of body in flight.
const KEEPALIVE_LIMIT = 60000;
const PLAIN = 'text/plain;charset=UTF-8';
const BACKOFF_BASE_MS = 1000;
const BACKOFF_MAX_MS = 60000;

// Retry-After in seconds or as an HTTP date; null when absent or unreadable.
export function retryAfterMs(value, now) {
  if (value === null || value === undefined || value === '') return null;
  const s = Number(value);
  const ms = Number.isFinite(s) ? s * 1000 : Date.parse(value) - now;
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), 600000) : null;
}

// "Equal jitter": half the exponential delay, plus up to the other half at random.
export function backoffMs(failures, random) {
  const exp = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  return exp / 2 + random() * (exp / 2);
}

// Sends the queue to POST /v1/reports, one batch at a time. A batch that fails on the network,
// 408, 429 or 5xx is re-sent unchanged (same seqs, so the server applies it once) after a
// backoff; after maxAttempts its events go back to the queue. Other answers drop the batch.
// With a publishable key the key rides in the query string and the body is sent as text/plain:
// no preflight, and navigator.sendBeacon works (on pagehide by default; for every batch with
// transport 'beacon', which gives up retries since a beacon's answer cannot be read).
export class Sender {
  constructor(cfg, queue, env, onError) {
    Object.assign(this, { cfg, queue, env, onError });
    this.inflight = null;
    this.failures = 0;
    this.attempts = 0;
    this.timer = null;
    this.due = Infinity;
    this.retrying = false;
    this.busy = null;
    this.stopped = false;
    this.sentReports = 0;
  }

  document(reports) {
    const c = this.cfg;
    const doc = { sessionId: c.sessionId, clientId: c.clientId };
    if (c.region) doc.region = c.region;
    doc.sdk = { name: 'icewatch-js', version: VERSION };
    const d = this.queue.dropped;
    if (d.events || d.stats) doc.sdk.dropped = { events: d.events, stats: d.stats };
    if (this.env.userAgent) doc.userAgent = this.env.userAgent;
    if (c.metadata) doc.metadata = c.metadata;
    doc.reports = reports;
    return JSON.stringify(doc);
  }

  // Flushes after `delay` ms unless a flush is already due sooner or a retry is waiting.
  schedule(delay) {
    if (this.stopped) return;
    const due = this.env.now() + delay;
    if (this.timer) {
      if (this.retrying || due >= this.due) return;
      this.env.clearTimeout(this.timer);
    }
    this.arm(delay, due, false);
  }

  arm(delay, due, retrying) {
    this.due = due;
    this.retrying = retrying;
    this.timer = this.env.setTimeout(() => {
      this.timer = null;
      this.due = Infinity;
      this.retrying = false;
      this.flush();
    }, delay);
  }

  flush() {
    if (!this.busy) this.busy = this.run().finally(() => { this.busy = null; });
    return this.busy;
  }

  async run() {
    for (;;) {
      if (!this.inflight) this.inflight = this.queue.take();
      const batch = this.inflight;
      if (!batch) return;
      const res = await this.post(this.document(batch));
      if (this.inflight !== batch) continue; // handed to the beacon meanwhile
      if (res.ok || !res.retry) {
        this.inflight = null;
        this.attempts = 0;
        if (res.ok) {
          this.failures = 0;
          this.sentReports += batch.length;
        } else {
          this.queue.discard(batch);
          this.onError(new Error(`IceWatch: reports refused with HTTP ${res.status}`));
        }
        continue;
      }
      this.failures++;
      if (++this.attempts >= this.cfg.maxAttempts) {
        this.inflight = null;
        this.attempts = 0;
        this.queue.giveBack(batch);
      }
      if (this.stopped) return;
      const delay = res.retryAfter !== null && res.retryAfter !== undefined
        ? res.retryAfter : backoffMs(this.failures, this.env.random);
      if (this.timer) this.env.clearTimeout(this.timer);
      this.arm(delay, this.env.now() + delay, true);
      return;
    }
  }

  keyUrl() {
    return `${this.cfg.reportsUrl}?key=${encodeURIComponent(this.cfg.publishableKey)}`;
  }

  // True when the browser took the batch as a beacon to IceWatch itself.
  sendBeacon(body) {
    if (!this.cfg.publishableKey || !this.env.sendBeacon || body.length > KEEPALIVE_LIMIT) return false;
    try {
      return Boolean(this.env.sendBeacon(this.keyUrl(), body, PLAIN));
    } catch (e) {
      return false;
    }
  }

  async post(body) {
    if (this.cfg.transport === 'beacon' && this.sendBeacon(body)) return { ok: true };
    try {
      let url = this.cfg.reportsUrl;
      let headers;
      if (this.cfg.publishableKey) {
        url = this.keyUrl();
        headers = { 'Content-Type': PLAIN };
      } else {
        const token = typeof this.cfg.token === 'function' ? await this.cfg.token() : this.cfg.token;
        headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
      }
      const res = await this.env.fetch(url, {
        method: 'POST',
        headers,
        body,
        keepalive: body.length <= KEEPALIVE_LIMIT,
        credentials: 'omit',
      });
      if (res.ok) return { ok: true };
      const s = res.status;
      const retry = s === 408 || s === 429 || s >= 500;
      const after = retry && res.headers ? retryAfterMs(res.headers.get('retry-after'), this.env.now()) : null;
      return { retry, status: s, retryAfter: after };
    } catch (e) {
      return { retry: true, error: e };
    }
  }

  // The page is going away: send everything now, by sendBeacon when it can carry the key (a
  // publishable key in the query string, or a beaconEndpoint that authenticates by itself; a beacon
  // cannot set an Authorization header), else by fetch with keepalive.
  beacon() {
    const reports = (this.inflight || []).concat(this.queue.take(Infinity) || []);
    this.inflight = null;
    this.attempts = 0;
    if (!reports.length) return;
    this.sentReports += reports.length;
    const body = this.document(reports);
    if (this.cfg.beaconUrl && this.env.sendBeacon) {
      try {
        if (this.env.sendBeacon(this.cfg.beaconUrl, body)) return;
      } catch (e) { /* fall back to fetch */ }
    } else if (this.cfg.transport !== 'fetch' && this.sendBeacon(body)) {
      return;
    }
    this.post(body);
  }

  async stop() {
    if (this.timer) this.env.clearTimeout(this.timer);
    this.timer = null;
    this.retrying = false;
    await this.flush();
    this.stopped = true;
    if (this.timer) this.env.clearTimeout(this.timer);
    this.timer = null;
  }
}
