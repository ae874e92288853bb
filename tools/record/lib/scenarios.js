'use strict';
// What each recorded scenario is: the TURN server it runs, the configuration
// the page uses, how long the call lasts, and the verdict IceWatch must reach.
// Expected verdicts are written from the scenario's design, never from output.

const {
  TURN_IP, IPV6, USER, turnArgs, LT_CRED, REST, turnServer, restServer, connected, failed, both,
  TURN_UDP, CONNECTED_MS, STALL_MS, relay, BLOCK_UDP, ONLY_TCP_443, NO_DIRECT_PATH, STUN_TURN_BLOCKED,
  STUN, TURN_TCP, TURNS_443, TLS_443,
} = require('./lab-config');

const scenarios = {
  'turn-udp-relay': {
    description: 'Both peers relay-only through coturn over UDP with correct long-term credentials; audio and a data channel flow for about 15 s.',
    turn: turnArgs([...LT_CRED, '--no-tls']),
    configuration: relay([turnServer(TURN_UDP)]),
    durationMs: CONNECTED_MS,
    expected: both(connected('relay', 'relay', 'udp', TURN_UDP)),
  },
  'turn-wrong-password': {
    description: 'Both peers relay-only through coturn over UDP, but the password is wrong: coturn answers 401 and no relay candidate is gathered. Recorded for 45 s (Chrome never reports failed).',
    turn: turnArgs([...LT_CRED, '--no-tls']),
    configuration: relay([turnServer(TURN_UDP, USER, 'not-the-password')]),
    durationMs: STALL_MS,
    expected: both({ ...failed('turn_auth_failed'), turnErrors: [{ url: TURN_UDP, unauthorized: 1, unreachable: 0 }] }),
  },
  'direct-host': {
    description: 'Policy all with only a STUN server; both peers share a network, so ICE connects directly between host candidates. The page holds a microphone grant, so Chrome shows raw host addresses.',
    turn: turnArgs([...LT_CRED, '--no-tls']),
    configuration: { iceServers: [STUN], iceTransportPolicy: 'all' },
    durationMs: CONNECTED_MS,
    expected: both(connected('host', 'host', null)),
  },
  'direct-srflx-hidden-host': {
    description: 'As direct-host, but data channel only: without a media grant Chrome hides host addresses behind mDNS names, and with no mDNS in the lab it offers no host candidate at all. Only the STUN (srflx) candidates remain, and the peers connect srflx to srflx.',
    turn: turnArgs([...LT_CRED, '--no-tls']),
    configuration: { iceServers: [STUN], iceTransportPolicy: 'all' },
    page: { audio: false },
    durationMs: CONNECTED_MS,
    expected: both(connected('srflx', 'srflx', null)),
  },
  'turn-tcp-relay': {
    description: 'Both peers relay-only through coturn, TURN over TCP (turn:...?transport=tcp), correct credentials.',
    turn: turnArgs([...LT_CRED, '--no-tls']),
    configuration: relay([turnServer(TURN_TCP)]),
    durationMs: CONNECTED_MS,
    expected: both(connected('relay', 'relay', 'tcp', TURN_TCP)),
  },
  'turn-tls-relay': {
    description: 'Both peers relay-only through coturn, TURN over TLS on 443 (turns:...:443?transport=tcp) with a self-signed certificate that Chromium is told to accept.',
    turn: turnArgs([...LT_CRED, ...TLS_443]),
    configuration: relay([turnServer(TURNS_443)]),
    chromeArgs: ['--ignore-certificate-errors'],
    durationMs: CONNECTED_MS,
    expected: both(connected('relay', 'relay', 'tls', TURNS_443)),
  },
  'turn-rest-valid': {
    description: 'Relay-only through coturn over UDP with TURN REST credentials (use-auth-secret) that expire in one hour.',
    turn: turnArgs([...REST, '--no-tls']),
    configuration: () => relay([restServer(TURN_UDP, 3600)]),
    durationMs: CONNECTED_MS,
    expected: both(connected('relay', 'relay', 'udp', TURN_UDP)),
  },
  'turn-rest-expired': {
    description: 'Relay-only through coturn over UDP with TURN REST credentials whose expiry lies one hour in the past: coturn answers 401. Recorded for 45 s.',
    turn: turnArgs([...REST, '--no-tls']),
    configuration: () => relay([restServer(TURN_UDP, -3600)]),
    durationMs: STALL_MS,
    expected: both(failed('turn_credential_expired')),
    // Chrome strips the TURN username from both dumps, so only the SDK report carries the expiry.
    formatOverrides: { 'webrtc-internals.json': { category: 'turn_auth_failed' }, 'rtcstats.txt': { category: 'turn_auth_failed' },
      'rtcstats-live.txt': { category: 'turn_auth_failed' } },
    formatOverridesReason: 'Chrome strips the TURN username from both dump formats, so the expiry that tells an expired credential from a wrong one is only in the SDK report: from a dump the honest answer is turn_auth_failed.',
  },
  'turn-unreachable-udp': {
    description: 'Relay-only with a TURN/UDP URL on a port where nothing listens (no TURN server runs). Recorded for 45 s.',
    configuration: relay([turnServer(`turn:${TURN_IP}:3479?transport=udp`)]),
    durationMs: STALL_MS,
    expected: both(failed('turn_unreachable')),
  },
  'turn-unreachable-tcp': {
    description: 'Relay-only with a TURN/TCP URL on a port where nothing listens (connection refused). Recorded for 45 s.',
    configuration: relay([turnServer(`turn:${TURN_IP}:3479?transport=tcp`)]),
    durationMs: STALL_MS,
    expected: both(failed('turn_unreachable')),
  },
  'relay-no-turn': {
    description: 'Relay-only policy but only a STUN server configured: nothing can be gathered. Recorded for 45 s.',
    turn: turnArgs([...LT_CRED, '--no-tls']),
    configuration: relay([STUN]),
    durationMs: STALL_MS,
    expected: both(failed('no_turn_configured')),
  },
  'empty-ice-servers': {
    description: 'Relay-only policy and an empty iceServers list (the server handed out an empty ICE configuration): nothing can be gathered. Recorded for 45 s.',
    configuration: relay([]),
    durationMs: STALL_MS,
    expected: both(failed('ice_config_invalid')),
  },
  'connection-lost': {
    description: 'Relay-only call through coturn over UDP connects and carries traffic for 8 s; then coturn is killed and the call runs until Chrome reports connectionState failed.',
    turn: turnArgs([...LT_CRED, '--no-tls']),
    configuration: relay([turnServer(TURN_UDP)]),
    async during({ page, turn, log, sleep, stopProcess }) {
      await sleep(8000);
      stopProcess(turn);
      log('turnserver killed');
      const deadline = Date.now() + 90000;
      while (Date.now() < deadline) {
        const states = await page.evaluate(() => window.lab.states());
        if (states.every((s) => s.connectionState === 'failed')) break;
        await sleep(1000);
      }
      await sleep(3000);
    },
    expected: both({ ...connected('relay', 'relay', 'udp', TURN_UDP), failedAfterConnect: true, category: 'connection_lost' }),
  },
  'signaling-incomplete': {
    description: 'TURN/UDP configured correctly and policy all, but signalling breaks: the callee never receives the caller\'s candidates and the answer is never applied at the caller. Recorded for 45 s.',
    turn: turnArgs([...LT_CRED, '--no-tls']),
    configuration: { iceServers: [turnServer(TURN_UDP)], iceTransportPolicy: 'all' },
    page: { dropCallerCandidates: true, dropAnswer: true },
    durationMs: STALL_MS,
    expected: both(failed('signaling_incomplete')),
  },
  'udp-blocked-turn-udp-only': {
    description: 'The network drops all UDP. Policy all with STUN and TURN over UDP only: no srflx, no relay, host checks go unanswered. Recorded for 45 s.',
    turn: turnArgs([...LT_CRED, '--no-tls']),
    firewall: BLOCK_UDP,
    configuration: { iceServers: [STUN, turnServer(TURN_UDP)], iceTransportPolicy: 'all' },
    durationMs: STALL_MS,
    expected: both(failed('turn_udp_only')),
  },
  'udp-blocked-turn-tcp': {
    description: 'The network drops all UDP, but TURN is also offered over TCP: the call connects relay to relay over TURN/TCP.',
    turn: turnArgs([...LT_CRED, '--no-tls']),
    firewall: BLOCK_UDP,
    configuration: { iceServers: [STUN, turnServer([TURN_UDP, TURN_TCP])], iceTransportPolicy: 'all' },
    durationMs: 20000,
    expected: both(connected('relay', 'relay', 'tcp', TURN_TCP)),
  },
  'only-443-no-turns': {
    description: 'The network lets only TCP to port 443 out. TURN is offered over UDP and TCP on 3478 but not as turns: on 443 (the server would accept it): nothing gets through. Recorded for 45 s.',
    turn: turnArgs([...LT_CRED, ...TLS_443]),
    firewall: ONLY_TCP_443,
    configuration: { iceServers: [STUN, turnServer([TURN_UDP, TURN_TCP])], iceTransportPolicy: 'all' },
    durationMs: STALL_MS,
    expected: both(failed('turn_tls_443_missing')),
  },
  'only-443-turns': {
    description: 'The network lets only TCP to port 443 out, and TURN is also offered as turns: on 443: the call connects relay to relay over TURN/TLS.',
    turn: turnArgs([...LT_CRED, ...TLS_443]),
    firewall: ONLY_TCP_443,
    configuration: { iceServers: [STUN, turnServer([TURN_UDP, TURN_TCP, TURNS_443])], iceTransportPolicy: 'all' },
    chromeArgs: ['--ignore-certificate-errors'],
    durationMs: 20000,
    expected: both(connected('relay', 'relay', 'tls', TURNS_443)),
  },
  'gathering-stuck': {
    description: 'Relay-only with TURN over TCP only, and the network silently drops the server\'s answers (no refusal, no timeout within the call): gathering never completes and nothing is gathered. Recorded for 45 s.',
    turn: turnArgs([...LT_CRED, '--no-tls']),
    firewall: ONLY_TCP_443,
    configuration: relay([turnServer(TURN_TCP)]),
    durationMs: STALL_MS,
    expected: both(failed('gathering_timeout')),
  },
  'dtls-fingerprint-mismatch': {
    description: 'Policy all with a STUN server; ICE connects host to host, but the answer reaches the caller with a wrong certificate fingerprint, so DTLS fails: not an ICE failure.',
    turn: turnArgs([...LT_CRED, '--no-tls']),
    configuration: { iceServers: [STUN], iceTransportPolicy: 'all' },
    page: { wrongAnswerFingerprint: true },
    durationMs: 20000,
    expected: both({ ...connected('host', 'host', null), category: 'dtls_failed' }),
  },
  'ice-restart': {
    description: 'Relay-only call through coturn over UDP; 6 s in, the caller restarts ICE (createOffer with iceRestart) and the call goes on over a new relay pair for 9 s.',
    turn: turnArgs([...LT_CRED, '--no-tls']),
    configuration: relay([turnServer(TURN_UDP)]),
    async during({ page, log, sleep }) {
      await sleep(6000);
      await page.evaluate(() => window.lab.restartIce());
      log('ICE restarted');
      await sleep(9000);
    },
    // Only the caller restarts; the callee just answers the new offer.
    expected: [{ role: 'caller', ...connected('relay', 'relay', 'udp', TURN_UDP), iceRestarts: 1 },
      { role: 'callee', ...connected('relay', 'relay', 'udp', TURN_UDP) }],
  },
  'no-turn-symmetric-nat': {
    description: 'Policy all with only a STUN server, and the peers cannot reach each other directly (as behind symmetric NATs): without TURN no pair works. Recorded for 45 s.',
    turn: turnArgs([...LT_CRED, '--no-tls']),
    firewall: NO_DIRECT_PATH,
    configuration: { iceServers: [STUN], iceTransportPolicy: 'all' },
    durationMs: STALL_MS,
    expected: both(failed('no_turn_configured')),
  },
  'turn-needed-relay': {
    description: 'The same network as no-turn-symmetric-nat, with TURN over UDP added: the call connects relay to relay.',
    turn: turnArgs([...LT_CRED, '--no-tls']),
    firewall: NO_DIRECT_PATH,
    configuration: { iceServers: [STUN, turnServer(TURN_UDP)], iceTransportPolicy: 'all' },
    durationMs: 20000,
    expected: both(connected('relay', 'relay', 'udp', TURN_UDP)),
  },
  'stun-unreachable': {
    description: 'Policy all, no direct path between the peers, no TURN, and the STUN URL points at a port where nothing answers: no srflx candidate, STUN times out. Recorded for 45 s.',
    firewall: NO_DIRECT_PATH,
    configuration: { iceServers: [{ urls: `stun:${TURN_IP}:3479` }], iceTransportPolicy: 'all' },
    durationMs: STALL_MS,
    expected: both(failed('stun_unreachable')),
  },
  'stun-turn-blocked': {
    description: 'Like a VPN that blocks STUN and TURN: UDP is dropped and TCP to the TURN port is refused. STUN, TURN/UDP and TURN/TCP all error; no direct path. Recorded for 45 s.',
    turn: turnArgs([...LT_CRED, '--no-tls']),
    firewall: STUN_TURN_BLOCKED,
    configuration: { iceServers: [STUN, turnServer([TURN_UDP, TURN_TCP])], iceTransportPolicy: 'all' },
    durationMs: STALL_MS,
    expected: both(failed('stun_turn_blocked')),
  },
  ...require('./scenarios-firefox-ipv6'),
  ...require('./scenarios-lost'),
};

function expectedDocument(name) {
  const s = scenarios[name];
  const doc = { scenario: name, description: s.description, peerConnections: s.expected };
  if (s.formatOverrides) Object.assign(doc, { formatOverrides: s.formatOverrides, formatOverridesReason: s.formatOverridesReason });
  return doc;
}

module.exports = { scenarios, expectedDocument, TURN_IP, IPV6 };

// `node scenarios.js` lists the scenarios; `node scenarios.js --expected DIR`
// rewrites DIR/<scenario>/expected.json for the recorded ones.
if (require.main === module) {
  const [flag, dir] = process.argv.slice(2);
  if (flag !== '--expected') console.log(Object.keys(scenarios).join('\n'));
  else {
    const fs = require('fs');
    const path = require('path');
    for (const name of Object.keys(scenarios)) {
      const file = path.join(dir, name, 'expected.json');
      if (fs.existsSync(path.dirname(file))) fs.writeFileSync(file, JSON.stringify(expectedDocument(name), null, 2) + '\n');
    }
  }
}
