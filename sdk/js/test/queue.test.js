import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ReportQueue } from '../src/queue.js';

const ev = (t, type = 'x') => ({ t, type });

test('seq counts up per peer connection; take() empties the queue', () => {
  const q = new ReportQueue(100, 100);
  q.addEvent('a', ev(1));
  q.addEvent('b', ev(2));
  assert.deepEqual(q.take().map((r) => [r.peerConnectionId, r.seq]), [['a', 0], ['b', 0]]);
  assert.equal(q.take(), null);
  q.addEvent('a', ev(3));
  assert.deepEqual(q.take(), [{ peerConnectionId: 'a', seq: 1, events: [ev(3)] }]);
  assert.equal(q.size, 0);
});

test('a batch holds at most maxBatch items; the rest goes in the next report', () => {
  const q = new ReportQueue(100, 3);
  for (let i = 0; i < 5; i++) q.addEvent('a', ev(i));
  q.addStats('a', 9, { X: { type: 'transport', iceState: 'new' } });
  const first = q.take();
  assert.equal(first[0].events.length, 3);
  assert.equal(first[0].stats, undefined);
  const second = q.take();
  assert.deepEqual(second.map((r) => [r.seq, r.events.length, r.stats.length]), [[1, 2, 1]]);
});

test('stats are delta-encoded per peer connection; an unchanged snapshot is not queued', () => {
  const q = new ReportQueue(100, 100);
  const s = { X: { type: 'transport', iceState: 'new' } };
  assert.equal(q.addStats('a', 1, s), true);
  assert.equal(q.addStats('a', 2, s), false);
  assert.equal(q.addStats('b', 2, s), true, 'another connection has its own baseline');
  assert.equal(q.size, 2);
});

test('when full, the oldest stats go first and their values fold into the next snapshot', () => {
  const q = new ReportQueue(10, 100);
  q.addEvent('a', ev(0, 'create'));
  for (let i = 1; i <= 10; i++) q.addStats('a', i, { P: { type: 'candidate-pair', bytesSent: i, ...(i === 1 ? { state: 'succeeded' } : {}) } });
  assert.equal(q.size, 10);
  assert.deepEqual(q.dropped, { events: 0, stats: 1 });
  const [r] = q.take();
  assert.deepEqual(r.events, [ev(0, 'create')], 'events stay while any snapshot can go');
  assert.deepEqual(r.stats[0], { t: 2, reports: { P: { type: 'candidate-pair', state: 'succeeded', bytesSent: 2 } } });
});

test('events are dropped, oldest first, only when no snapshot is left', () => {
  const q = new ReportQueue(10, 100);
  q.addStats('a', 0, { X: { type: 'transport', iceState: 'new' } });
  for (let i = 1; i <= 11; i++) q.addEvent(i % 2 ? 'a' : 'b', ev(i));
  assert.deepEqual(q.dropped, { events: 1, stats: 1 });
  const all = q.take(100).flatMap((r) => r.events);
  assert.deepEqual(all.map((e) => e.t).sort((x, y) => x - y), [2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  q.addStats('a', 20, { X: { type: 'transport', iceState: 'new' } });
  assert.deepEqual(q.take()[0].stats[0].reports, { X: { type: 'transport', iceState: 'new' } }, 'the lost snapshot made the next one full');
});

test('a batch given back keeps its events (new seq) and folds its snapshots into one', () => {
  const q = new ReportQueue(100, 100);
  q.addEvent('a', ev(1, 'create'));
  q.addStats('a', 2, { P: { type: 'candidate-pair', state: 'in-progress', bytesSent: 0 } });
  q.addStats('a', 3, { P: { type: 'candidate-pair', state: 'succeeded', bytesSent: 5 } });
  const batch = q.take();
  q.addStats('a', 4, { P: { type: 'candidate-pair', state: 'succeeded', bytesSent: 8 } });
  q.giveBack(batch);
  const [r] = q.take();
  assert.equal(r.seq, 1);
  assert.deepEqual(r.events, [ev(1, 'create')]);
  assert.deepEqual(r.stats, [{ t: 4, reports: { P: { type: 'candidate-pair', state: 'succeeded', bytesSent: 8 } } }]);
  assert.equal(q.dropped.stats, 2);
});

test('a refused batch is counted as dropped and the next snapshot is full', () => {
  const q = new ReportQueue(100, 100);
  const s = { X: { type: 'transport', iceState: 'new' } };
  q.addEvent('a', ev(1));
  q.addStats('a', 2, s);
  q.discard(q.take());
  assert.deepEqual(q.dropped, { events: 1, stats: 1 });
  assert.equal(q.addStats('a', 3, s), true);
});

test('a released connection keeps its seq', () => {
  const q = new ReportQueue(100, 100);
  q.addEvent('a', ev(1));
  q.take();
  q.release('a');
  q.addEvent('a', ev(2));
  assert.equal(q.take()[0].seq, 1);
});
