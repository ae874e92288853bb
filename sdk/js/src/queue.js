import { StatsDelta, foldInto } from './stats.js';

// Holds what is not yet sent, per peer connection, within maxQueue items (events + snapshots).
// When full it drops the oldest stats snapshot first (folded into the next one of the same
// connection), and events only when no snapshot is left. take() hands out reports numbered
// with a per-connection seq; a report, once numbered, is only ever re-sent unchanged.
export class ReportQueue {
  constructor(maxQueue, maxBatch) {
    this.maxQueue = maxQueue;
    this.maxBatch = maxBatch;
    this.pcs = new Map();
    this.size = 0;
    this.dropped = { events: 0, stats: 0 };
  }

  pc(id) {
    let p = this.pcs.get(id);
    if (!p) this.pcs.set(id, (p = { seq: 0, events: [], stats: [], delta: new StatsDelta() }));
    return p;
  }

  addEvent(id, event) {
    this.pc(id).events.push(event);
    this.size++;
    this.trim();
  }

  // reports: the picked (full) stats of one snapshot; only its delta is queued.
  addStats(id, t, reports) {
    const p = this.pc(id);
    const d = p.delta.next(reports);
    if (!d) return false;
    p.stats.push({ t, reports: d });
    this.size++;
    this.trim();
    return true;
  }

  trim() {
    while (this.size > this.maxQueue) {
      const s = this.oldest('stats');
      const p = s || this.oldest('events');
      const item = p[s ? 'stats' : 'events'].shift();
      if (s) {
        if (p.stats.length) foldInto(p.stats[0].reports, item.reports);
        else p.delta.reset();
      }
      this.dropped[s ? 'stats' : 'events']++;
      this.size--;
    }
  }

  oldest(kind) {
    let best = null;
    for (const p of this.pcs.values()) if (p[kind].length && (!best || p[kind][0].t < best[kind][0].t)) best = p;
    return best;
  }

  isEmpty() { return this.size === 0; }

  // Up to `limit` items as reports [{ peerConnectionId, seq, events, stats }], or null.
  take(limit = this.maxBatch) {
    const reports = [];
    for (const [id, p] of this.pcs) {
      if (limit <= 0) break;
      if (!p.events.length && !p.stats.length) continue;
      const events = p.events.splice(0, limit);
      const stats = p.stats.splice(0, limit - events.length);
      limit -= events.length + stats.length;
      this.size -= events.length + stats.length;
      const r = { peerConnectionId: id, seq: p.seq++ };
      if (events.length) r.events = events;
      if (stats.length) r.stats = stats;
      reports.push(r);
    }
    return reports.length ? reports : null;
  }

  // A batch that could not be delivered: its events go back in front (to be sent under a new
  // seq) and its snapshots are folded into one, so only intermediate values are lost.
  giveBack(reports) {
    for (const r of reports) {
      const p = this.pc(r.peerConnectionId);
      if (r.events) { p.events.unshift(...r.events); this.size += r.events.length; }
      if (!r.stats) continue;
      const merged = r.stats.reduceRight((acc, s) => foldInto(acc, s.reports), {});
      const last = r.stats[r.stats.length - 1].t;
      if (p.stats.length) foldInto(p.stats[0].reports, merged);
      else { p.stats.unshift({ t: last, reports: merged }); this.size++; }
      this.dropped.stats += r.stats.length - (p.stats[0].reports === merged ? 1 : 0);
    }
    this.trim();
  }

  // A batch the server refused: nothing of it can be sent again.
  discard(reports) {
    for (const r of reports) {
      this.dropped.events += r.events ? r.events.length : 0;
      this.dropped.stats += r.stats ? r.stats.length : 0;
      if (r.stats) this.pc(r.peerConnectionId).delta.reset();
    }
  }

  // A closed connection keeps only its seq (a reused seq would be taken for a duplicate).
  release(id) {
    const p = this.pcs.get(id);
    if (p) p.delta.reset();
  }
}
