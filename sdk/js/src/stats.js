// Picks from a getStats() report what a verdict needs, and delta-encodes it against the
// previous snapshot of the same peer connection (the server merges fields by stats id).
const CANDIDATE = ['transportId', 'candidateType', 'protocol', 'relayProtocol', 'url', 'priority', 'address', 'port', 'tcpType', 'networkType'];
const KEEP = {
  'candidate-pair': ['transportId', 'localCandidateId', 'remoteCandidateId', 'state', 'nominated', 'selected',
    'bytesSent', 'bytesReceived', 'currentRoundTripTime', 'requestsSent', 'responsesReceived', 'consentRequestsSent'],
  'local-candidate': CANDIDATE,
  'remote-candidate': CANDIDATE,
  transport: ['selectedCandidatePairId', 'iceState', 'dtlsState', 'iceRole', 'selectedCandidatePairChanges', 'bytesSent', 'bytesReceived'],
};

// report: an RTCStatsReport (or any Map-like with forEach); returns { id: { type, ...fields } }.
export function pickStats(report, mask) {
  const out = {};
  report.forEach((s, id) => {
    const fields = s && KEEP[s.type];
    if (!fields) return;
    const o = { type: s.type };
    for (const k of fields) {
      const v = k === 'address' && s.address == null ? s.ip : s[k];
      if (v !== undefined && v !== null && typeof v !== 'object') o[k] = k === 'address' ? mask(v) : v;
    }
    out[s.id || id] = o;
  });
  return out;
}

export class StatsDelta {
  constructor() { this.prev = new Map(); }

  // After a lost snapshot the next one must be full again.
  reset() { this.prev.clear(); }

  // Returns only the objects and fields that changed, or null when nothing did.
  next(current) {
    let out = null;
    for (const id of Object.keys(current)) {
      const cur = current[id];
      const old = this.prev.get(id);
      let d = old ? null : cur;
      if (old) for (const k of Object.keys(cur)) if (k !== 'type' && cur[k] !== old[k]) (d = d || {})[k] = cur[k];
      if (d) (out = out || {})[id] = d;
      this.prev.set(id, cur);
    }
    return out;
  }
}

// Folds an older delta snapshot into a newer one so dropping the older loses no final value.
export function foldInto(newer, older) {
  for (const id of Object.keys(older)) newer[id] = Object.assign({}, older[id], newer[id]);
  return newer;
}
