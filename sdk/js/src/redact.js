import { fnv1a, hex } from './hash.js';

// What leaves the page about an RTCConfiguration and its candidates: never a username or a
// credential, and addresses only as salted tokens that keep their family.
const REST_USERNAME = /^(\d{9,11})(?::|$)/;
const POLICY_FIELDS = ['iceTransportPolicy', 'bundlePolicy', 'rtcpMuxPolicy', 'iceCandidatePoolSize'];

// Keeps scheme, host, port and ?transport= of a STUN/TURN URL; drops anything else a URL may carry.
export function cleanUrl(u) {
  if (typeof u !== 'string') return null;
  const m = /^([a-z]+:)(?:[^@?]*@)?([^?]*)(\?.*)?$/i.exec(u.trim());
  if (!m) return null;
  const transport = /[?&](transport=[a-z]+)/i.exec(m[3] || '');
  return m[1] + m[2] + (transport ? `?${transport[1]}` : '');
}

function server(s) {
  const raw = s && (s.urls !== undefined ? s.urls : s.url);
  const list = (Array.isArray(raw) ? raw : [raw]).map(cleanUrl).filter(Boolean);
  const out = { urls: list };
  if (s && (s.username !== undefined || s.credential !== undefined)) {
    out.hasCredential = Boolean(s.credential);
    const m = REST_USERNAME.exec(typeof s.username === 'string' ? s.username : '');
    if (m) out.usernameExpiry = Number(m[1]);
  }
  return out;
}

export function redactConfiguration(cfg) {
  const out = { iceServers: [] };
  if (!cfg || typeof cfg !== 'object') return out;
  if (Array.isArray(cfg.iceServers)) out.iceServers = cfg.iceServers.map(server);
  for (const k of POLICY_FIELDS) if (cfg[k] !== undefined && cfg[k] !== null) out[k] = cfg[k];
  return out;
}

// 'raw' keeps addresses; 'hash' turns them into per-session tokens such that the server still
// reads the family: "<h>.local" (mDNS), "ipv6:<h>" (has a colon), "ipv4-<h>" (anything else).
export function addressMasker(mode, salt) {
  if (mode === 'raw') return (a) => a;
  return (a) => {
    if (typeof a !== 'string' || !a) return a;
    const h = hex(fnv1a(salt + a)) + hex(fnv1a(a + salt));
    if (/\.local$/i.test(a)) return `${h}.local`;
    return a.includes(':') ? `ipv6:${h}` : `ipv4-${h}`;
  };
}

const CANDIDATE_FIELDS = ['type', 'protocol', 'relayProtocol', 'url', 'priority', 'address', 'port', 'tcpType'];

// "candidate:<foundation> <component> <protocol> <priority> <address> <port> typ <type> [key value]..."
export function parseCandidateLine(line) {
  if (typeof line !== 'string') return null;
  const p = line.trim().replace(/^a=/, '').split(/\s+/);
  if (p.length < 8 || !/^candidate:/i.test(p[0]) || p[6] !== 'typ') return null;
  const out = { protocol: p[2].toLowerCase(), priority: Number(p[3]), address: p[4], port: Number(p[5]), type: p[7] };
  for (let i = 8; i + 1 < p.length; i += 2) if (p[i] === 'tcptype') out.tcpType = p[i + 1];
  return out;
}

// An RTCIceCandidate, an RTCIceCandidateInit or a candidate line, reduced to the report's fields.
export function candidateInfo(c, mask, url) {
  if (!c) return null;
  const parsed = typeof c === 'string' ? parseCandidateLine(c) : c.type ? c : parseCandidateLine(c.candidate);
  if (!parsed) return null;
  const out = {};
  for (const k of CANDIDATE_FIELDS) {
    const v = parsed[k];
    if (v !== undefined && v !== null && v !== '') out[k] = v;
  }
  if (!out.url && url) out.url = url;
  if (out.url) out.url = cleanUrl(out.url) || undefined;
  if (out.address) out.address = mask(out.address);
  return out;
}
