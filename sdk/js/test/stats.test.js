import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pickStats, StatsDelta, foldInto } from '../src/stats.js';

const mask = (a) => `m(${a})`;
const report = (objects) => new Map(Object.entries(objects));

test('only the stats types and fields a verdict needs are kept; addresses are masked', () => {
  const picked = pickStats(report({
    CP1: { id: 'CP1', type: 'candidate-pair', timestamp: 1, state: 'succeeded', nominated: true, bytesSent: 10, localCandidateId: 'L1', packetsSent: 3 },
    L1: { id: 'L1', type: 'local-candidate', candidateType: 'relay', ip: '203.0.113.5', port: 5000, relayProtocol: 'udp', url: 'turn:t', foundation: 'f', usernameFragment: 'u' },
    R1: { id: 'R1', type: 'remote-candidate', candidateType: 'host', address: '192.0.2.1', ip: '192.0.2.1', port: 7 },
    T1: { id: 'T1', type: 'transport', selectedCandidatePairId: 'CP1', iceState: 'connected', dtlsState: 'connected', localCertificateId: 'C1' },
    IN: { id: 'IN', type: 'inbound-rtp', bytesReceived: 99 },
    C1: { id: 'C1', type: 'certificate', fingerprint: 'AA:BB' },
  }), mask);
  assert.deepEqual(picked, {
    CP1: { type: 'candidate-pair', localCandidateId: 'L1', state: 'succeeded', nominated: true, bytesSent: 10 },
    L1: { type: 'local-candidate', candidateType: 'relay', relayProtocol: 'udp', url: 'turn:t', address: 'm(203.0.113.5)', port: 5000 },
    R1: { type: 'remote-candidate', candidateType: 'host', address: 'm(192.0.2.1)', port: 7 },
    T1: { type: 'transport', selectedCandidatePairId: 'CP1', iceState: 'connected', dtlsState: 'connected' },
  });
});

test('the first snapshot is full, later ones carry only what changed and no repeated type', () => {
  const d = new StatsDelta();
  const s1 = { CP1: { type: 'candidate-pair', state: 'in-progress', bytesSent: 0 }, L1: { type: 'local-candidate', candidateType: 'host' } };
  assert.deepEqual(d.next(s1), s1);
  const s2 = { CP1: { type: 'candidate-pair', state: 'succeeded', bytesSent: 0 }, L1: { type: 'local-candidate', candidateType: 'host' } };
  assert.deepEqual(d.next(s2), { CP1: { state: 'succeeded' } });
  const s3 = { ...s2, CP2: { type: 'candidate-pair', state: 'waiting' } };
  assert.deepEqual(d.next(s3), { CP2: { type: 'candidate-pair', state: 'waiting' } });
  assert.equal(d.next(s3), null, 'nothing changed, nothing sent');
  d.reset();
  assert.deepEqual(d.next(s3), s3, 'after a reset the snapshot is full again');
});

test('delta snapshots merged by stats id give the full snapshot back', () => {
  const d = new StatsDelta();
  const snapshots = [
    { A: { type: 'transport', iceState: 'new' } },
    { A: { type: 'transport', iceState: 'checking' }, B: { type: 'candidate-pair', bytesSent: 1 } },
    { A: { type: 'transport', iceState: 'connected', selectedCandidatePairId: 'B' }, B: { type: 'candidate-pair', bytesSent: 9 } },
  ];
  const merged = {};
  for (const s of snapshots) {
    const delta = d.next(s) || {};
    for (const id of Object.keys(delta)) merged[id] = { ...merged[id], ...delta[id] };
  }
  assert.deepEqual(merged, snapshots[2]);
});

test('folding an older snapshot into a newer one keeps the newer values', () => {
  const newer = { A: { bytesSent: 9 } };
  foldInto(newer, { A: { type: 'candidate-pair', bytesSent: 1, state: 'succeeded' }, B: { type: 'transport' } });
  assert.deepEqual(newer, { A: { type: 'candidate-pair', bytesSent: 9, state: 'succeeded' }, B: { type: 'transport' } });
});
