// Checks and completes the options given to IceWatch.monitor(); throws a TypeError that names the bad option.
const ID = /^[A-Za-z0-9._:-]+$/;
// Publishable keys are made to live in web pages: they can post reports and nothing else.
const PUBLISHABLE = /^iwp_/;
const TRANSPORTS = ['auto', 'beacon', 'fetch'];

const fail = (msg) => { throw new TypeError(`IceWatch: ${msg}`); };

function url(value, name) {
  if (typeof value !== 'string' || !/^https?:\/\/[^\s]+$/i.test(value)) fail(`${name} must be an http(s) URL`);
  return value;
}

function number(value, name, min, max, fallback) {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value >= min && value <= max)) fail(`${name} must be a number from ${min} to ${max}`);
  return value;
}

function randomId() {
  const c = globalThis.crypto;
  return c && c.randomUUID ? c.randomUUID() : `s-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

// One per monitor() call, i.e. per participant's page: IceWatch keeps each client's peer connection
// ids apart, so every participant of a call may use the call's id as sessionId and name its
// connections pc-1, pc-2, ...
function randomClientId() {
  const c = globalThis.crypto;
  if (c && c.getRandomValues) {
    const bytes = c.getRandomValues(new Uint8Array(9));
    return `c-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
  }
  return `c-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`;
}

// A copy taken now: later changes by the app do not reach reports, and a value that cannot be
// sent (a cycle, a BigInt) is refused here rather than at every send.
function snapshot(value) {
  try { return JSON.parse(JSON.stringify(value)); } catch (e) { return fail('metadata must be serialisable as JSON'); }
}

export function parseConfig(options) {
  const o = options || {};
  const endpoint = url(o.endpoint, 'endpoint').replace(/\/+$/, '');
  const reportsUrl = /\/v1\/reports$/.test(endpoint) ? endpoint : `${endpoint}/v1/reports`;

  const token = o.token !== undefined ? o.token : o.apiKey;
  if (!(typeof token === 'function' || (typeof token === 'string' && token))) fail('apiKey or token is required');

  const sessionId = o.sessionId === undefined ? randomId() : o.sessionId;
  if (typeof sessionId !== 'string' || !ID.test(sessionId) || sessionId.length > 128) {
    fail('sessionId must be 1-128 characters of [A-Za-z0-9._:-]');
  }
  if (o.region !== undefined && (typeof o.region !== 'string' || !ID.test(o.region) || o.region.length > 64)) {
    fail('region must be 1-64 characters of [A-Za-z0-9._:-]');
  }
  const clientId = o.clientId === undefined ? randomClientId() : o.clientId;
  if (typeof clientId !== 'string' || !ID.test(clientId) || clientId.length > 64) {
    fail('clientId must be 1-64 characters of [A-Za-z0-9._:-]');
  }
  if (o.metadata !== undefined && (o.metadata === null || typeof o.metadata !== 'object' || Array.isArray(o.metadata))) {
    fail('metadata must be an object');
  }
  if (o.addresses !== undefined && o.addresses !== 'hash' && o.addresses !== 'raw') fail("addresses must be 'hash' or 'raw'");
  if (o.onError !== undefined && typeof o.onError !== 'function') fail('onError must be a function');
  if (o.transport !== undefined && !TRANSPORTS.includes(o.transport)) fail(`transport must be one of ${TRANSPORTS.join(', ')}`);
  // A publishable key travels in the query string: a beacon can carry it, and with a text/plain body
  // no request needs a CORS preflight. Any other key or token goes in the Authorization header.
  const publishableKey = o.token === undefined && typeof o.apiKey === 'string' && PUBLISHABLE.test(o.apiKey) ? o.apiKey : null;

  return {
    reportsUrl,
    beaconUrl: o.beaconEndpoint === undefined ? null : url(o.beaconEndpoint, 'beaconEndpoint'),
    token,
    publishableKey,
    // A secret key in a page can be read by anyone who opens it: monitor() warns once.
    exposedSecretKey: o.token === undefined && !publishableKey,
    transport: o.transport || 'auto',
    sessionId,
    clientId,
    region: o.region,
    metadata: o.metadata === undefined ? undefined : snapshot(o.metadata),
    sampleRate: number(o.sampleRate, 'sampleRate', 0, 1, 1),
    statsIntervalMs: number(o.statsIntervalMs, 'statsIntervalMs', 0, 3600000, 2000),
    flushIntervalMs: number(o.flushIntervalMs, 'flushIntervalMs', 0, 3600000, 5000),
    heartbeatIntervalMs: number(o.heartbeatIntervalMs, 'heartbeatIntervalMs', 0, 3600000, 5000),
    maxQueue: number(o.maxQueue, 'maxQueue', 10, 1e6, 1000),
    maxBatch: number(o.maxBatch, 'maxBatch', 1, 1e5, 300),
    maxAttempts: number(o.maxAttempts, 'maxAttempts', 1, 100, 6),
    wrapGlobal: Boolean(o.wrapGlobal),
    addresses: o.addresses || 'hash',
    onError: o.onError || null,
  };
}
