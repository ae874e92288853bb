import { test } from 'node:test';
import assert from 'node:assert/strict';
import { redactConfiguration, addressMasker, candidateInfo, parseCandidateLine, cleanUrl } from '../src/redact.js';

test('credential and username are removed; hasCredential and the TURN REST expiry are kept', () => {
  const out = redactConfiguration({
    iceServers: [
      { urls: 'stun:stun.example.com:3478' },
      { urls: ['turn:t.example.com:3478?transport=udp', 'turns:t.example.com:443?transport=tcp'], username: '1763794600:alice', credential: 'c2VjcmV0' },
      { urls: 'turn:t.example.com', username: 'static-user', credential: 'hunter2' },
      { url: 'turn:legacy.example.com', username: 'u', credential: '' },
    ],
    iceTransportPolicy: 'relay',
    bundlePolicy: 'max-bundle',
    certificates: [{}],
  });
  assert.deepEqual(out, {
    iceServers: [
      { urls: ['stun:stun.example.com:3478'] },
      { urls: ['turn:t.example.com:3478?transport=udp', 'turns:t.example.com:443?transport=tcp'], hasCredential: true, usernameExpiry: 1763794600 },
      { urls: ['turn:t.example.com'], hasCredential: true },
      { urls: ['turn:legacy.example.com'], hasCredential: false },
    ],
    iceTransportPolicy: 'relay',
    bundlePolicy: 'max-bundle',
  });
  const text = JSON.stringify(out);
  for (const secret of ['alice', 'c2VjcmV0', 'static-user', 'hunter2', '"credential"', '"username"']) assert.ok(!text.includes(secret), secret);
});

test('a bare numeric username is an expiry too; other numbers are not', () => {
  assert.equal(redactConfiguration({ iceServers: [{ urls: 'turn:x', username: '1763794600', credential: 'p' }] }).iceServers[0].usernameExpiry, 1763794600);
  assert.equal(redactConfiguration({ iceServers: [{ urls: 'turn:x', username: '42:bob', credential: 'p' }] }).iceServers[0].usernameExpiry, undefined);
});

test('no configuration or a broken one gives empty iceServers, not an exception', () => {
  assert.deepEqual(redactConfiguration(undefined), { iceServers: [] });
  assert.deepEqual(redactConfiguration({ iceServers: [null, { urls: 5 }] }), { iceServers: [{ urls: [] }, { urls: [] }] });
});

test('URLs keep scheme, host, port and transport, never user info or other parameters', () => {
  assert.equal(cleanUrl('turn:user:pw@t.example.com:3478?transport=tcp&token=abc'), 'turn:t.example.com:3478?transport=tcp');
  assert.equal(cleanUrl('turns:t.example.com:443?x=1'), 'turns:t.example.com:443');
  assert.equal(cleanUrl(42), null);
});

test('hashed addresses are stable within a session, differ across sessions and keep their family', () => {
  const a = addressMasker('hash', 'salt-a');
  const b = addressMasker('hash', 'salt-b');
  assert.equal(a('192.0.2.10'), a('192.0.2.10'));
  assert.notEqual(a('192.0.2.10'), b('192.0.2.10'));
  assert.notEqual(a('192.0.2.10'), a('192.0.2.11'));
  assert.match(a('192.0.2.10'), /^ipv4-[0-9a-f]{16}$/);
  assert.match(a('2001:db8::1'), /^ipv6:[0-9a-f]{16}$/);
  assert.match(a('4c7e1d2a-1111-2222-3333-444455556666.local'), /^[0-9a-f]{16}\.local$/);
  assert.ok(!a('192.0.2.10').includes('192.0.2'));
  assert.equal(addressMasker('raw', 's')('192.0.2.10'), '192.0.2.10');
});

test('candidate lines are parsed', () => {
  assert.deepEqual(parseCandidateLine('candidate:1 1 TCP 1518280447 192.0.2.1 9 typ host tcptype active generation 0'),
    { protocol: 'tcp', priority: 1518280447, address: '192.0.2.1', port: 9, type: 'host', tcpType: 'active' });
  assert.equal(parseCandidateLine('not a candidate'), null);
  assert.equal(parseCandidateLine(''), null);
});

test('candidates keep type, protocol, relay protocol, URL and priority; the address is masked', () => {
  const mask = (a) => `masked(${a})`;
  const fromObject = candidateInfo({ candidate: 'candidate:...', type: 'relay', protocol: 'udp', relayProtocol: 'tcp',
    url: 'turn:t.example.com:3478?transport=tcp', priority: 16785407, address: '203.0.113.5', port: 50000,
    relatedAddress: '10.0.0.2', usernameFragment: 'abcd', foundation: 'x' }, mask);
  assert.deepEqual(fromObject, { type: 'relay', protocol: 'udp', relayProtocol: 'tcp', url: 'turn:t.example.com:3478?transport=tcp',
    priority: 16785407, address: 'masked(203.0.113.5)', port: 50000 });
  const fromInit = candidateInfo({ candidate: 'candidate:2 1 udp 41885695 198.51.100.7 61000 typ relay raddr 0.0.0.0 rport 0', sdpMid: '0' }, mask);
  assert.deepEqual(fromInit, { type: 'relay', protocol: 'udp', priority: 41885695, address: 'masked(198.51.100.7)', port: 61000 });
  assert.equal(candidateInfo({ candidate: '' }, mask), null);
  assert.equal(candidateInfo(null, mask), null);
});
