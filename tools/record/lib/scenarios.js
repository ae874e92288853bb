'use strict';
// What each recorded scenario is: the TURN server it runs, the configuration
// the page uses, how long the call lasts, and the verdict IceWatch must reach.
// Expected verdicts are written from the scenario's design, never from output.

const crypto = require('crypto');

const TURN_IP = '10.201.0.1';
// Unique local IPv6 addresses the IPv6 scenarios give the veth pair.
const IPV6 = { turn: 'fd00:201::1', browser: 'fd00:201::2' };
const USER = 'lab';
const PASSWORD = 'lab-password';
const SECRET = 'lab-rest-secret';

// coturn options shared by every scenario that runs a TURN server.
function turnArgs(extra, ip = TURN_IP) {
  return ['-n', '--no-cli', `--listening-ip=${ip}`, `--relay-ip=${ip}`,
    '--listening-port=3478', '--min-port=49152', '--max-port=49252', '--realm=icewatch.lab',
    '--fingerprint', '--no-dtls', '--no-software-attribute', ...extra];
}
const LT_CRED = ['--lt-cred-mech', `--user=${USER}:${PASSWORD}`];
const REST = ['--use-auth-secret', `--static-auth-secret=${SECRET}`];

function turnServer(url, username = USER, credential = PASSWORD) {
  return { urls: url, username, credential };
}

// TURN REST ephemeral credentials: username "<expiry>:<user>", password
// base64(HMAC-SHA1(secret, username)).
function restServer(url, expiresInSeconds) {
  const username = `${Math.floor(Date.now() / 1000) + expiresInSeconds}:${USER}`;
  const credential = crypto.createHmac('sha1', SECRET).update(username).digest('base64');
  return { urls: url, username, credential };
}

const connected = (localType, remoteType, relayProtocol) => ({ outcome: 'connected',
  failedAfterConnect: false, localType, remoteType, relayProtocol, iceRestarts: 0, category: null });
const failed = (category) => ({ outcome: 'failed',
  failedAfterConnect: false, localType: null, remoteType: null, relayProtocol: null, iceRestarts: 0, category });
const both = (v) => [{ role: 'caller', ...v }, { role: 'callee', ...v }];
const overIpv6 = (v) => ({ ...v, addressFamily: 'ipv6' });

const TURN_UDP = `turn:${TURN_IP}:3478?transport=udp`;
const CONNECTED_MS = 15000;
const STALL_MS = 45000; // IceWatch calls a connection stalled after 30 s
const relay = (iceServers) => ({ iceServers, iceTransportPolicy: 'relay' });

const { BLOCK_UDP, ONLY_TCP_443, NO_DIRECT_PATH, STUN_TURN_BLOCKED, NO_IPV4 } = require('./firewalls');
const STUN = { urls: `stun:${TURN_IP}:3478` };
const TURN_TCP = `turn:${TURN_IP}:3478?transport=tcp`;
const TURNS_443 = `turns:${TURN_IP}:443?transport=tcp`;
const TLS_443 = ['--tls-listening-port=443', '--cert=$RUN/turn.crt', '--pkey=$RUN/turn.key'];

const scenarios = {
  'turn-udp-relay': {
    description: 'Both peers relay-only through coturn over UDP with correct long-term credentials; audio and a data channel flow for about 15 s.',
    turn: turnArgs([...LT_CRED, '--no-tls']),
    configuration: relay([turnServer(TURN_UDP)]),
    durationMs: CONNECTED_MS,
    expected: both(connected('relay', 'relay', 'udp')),
  },
  'turn-wrong-password': {
    description: 'Both peers relay-only through coturn over UDP, but the password is wrong: coturn answers 401 and no relay candidate is gathered. Recorded for 45 s (Chrome never reports failed).',
    turn: turnArgs([...LT_CRED, '--no-tls']),
    configuration: relay([turnServer(TURN_UDP, USER, 'not-the-password')]),
    durationMs: STALL_MS,
    expected: both(failed('turn_auth_failed')),
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
    expected: both(connected('relay', 'relay', 'tcp')),
  },
  'turn-tls-relay': {
    description: 'Both peers relay-only through coturn, TURN over TLS on 443 (turns:...:443?transport=tcp) with a self-signed certificate that Chromium is told to accept.',
    turn: turnArgs([...LT_CRED, ...TLS_443]),
    configuration: relay([turnServer(TURNS_443)]),
    chromeArgs: ['--ignore-certificate-errors'],
    durationMs: CONNECTED_MS,
    expected: both(connected('relay', 'relay', 'tls')),
  },
  'turn-rest-valid': {
    description: 'Relay-only through coturn over UDP with TURN REST credentials (use-auth-secret) that expire in one hour.',
    turn: turnArgs([...REST, '--no-tls']),
    configuration: () => relay([restServer(TURN_UDP, 3600)]),
    durationMs: CONNECTED_MS,
    expected: both(connected('relay', 'relay', 'udp')),
  },
  'turn-rest-expired': {
    description: 'Relay-only through coturn over UDP with TURN REST credentials whose expiry lies one hour in the past: coturn answers 401. Recorded for 45 s.',
    turn: turnArgs([...REST, '--no-tls']),
    configuration: () => relay([restServer(TURN_UDP, -3600)]),
    durationMs: STALL_MS,
    expected: both(failed('turn_credential_expired')),
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
    expected: both({ ...connected('relay', 'relay', 'udp'), failedAfterConnect: true, category: 'connection_lost' }),
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
    expected: both(connected('relay', 'relay', 'tcp')),
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
    expected: both(connected('relay', 'relay', 'tls')),
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
    expected: both({ ...connected('relay', 'relay', 'udp'), iceRestarts: 1 }),
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
    expected: both(connected('relay', 'relay', 'udp')),
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

  // Firefox ESR (browser: 'firefox'): the page drives itself and only the SDK
  // report is recorded (Firefox has no webrtc-internals or rtcstats dump).
  'firefox-turn-udp-relay': {
    browser: 'firefox',
    description: 'Firefox ESR: both peers relay-only through coturn over UDP with correct long-term credentials; audio and a data channel flow for about 15 s.',
    turn: turnArgs([...LT_CRED, '--no-tls']),
    configuration: relay([turnServer(TURN_UDP)]),
    durationMs: CONNECTED_MS,
    expected: both(connected('relay', 'relay', 'udp')),
  },
  'firefox-turn-tcp-relay': {
    browser: 'firefox',
    description: 'Firefox ESR: both peers relay-only through coturn, TURN over TCP (turn:...?transport=tcp), correct credentials.',
    turn: turnArgs([...LT_CRED, '--no-tls']),
    configuration: relay([turnServer(TURN_TCP)]),
    durationMs: CONNECTED_MS,
    expected: both(connected('relay', 'relay', 'tcp')),
  },
  'firefox-direct-host': {
    browser: 'firefox',
    description: 'Firefox ESR: policy all with only a STUN server; both peers share a network, so ICE connects directly between host candidates (raw addresses: mDNS obfuscation is off in the profile).',
    turn: turnArgs([...LT_CRED, '--no-tls']),
    configuration: { iceServers: [STUN], iceTransportPolicy: 'all' },
    durationMs: CONNECTED_MS,
    expected: both(connected('host', 'host', null)),
  },
  'firefox-turn-wrong-password': {
    browser: 'firefox',
    description: 'Firefox ESR: both peers relay-only through coturn over UDP, but the password is wrong: coturn answers 401 and no relay candidate is gathered. Recorded for 45 s.',
    turn: turnArgs([...LT_CRED, '--no-tls']),
    configuration: relay([turnServer(TURN_UDP, USER, 'not-the-password')]),
    durationMs: STALL_MS,
    expected: both(failed('turn_auth_failed')),
  },
  'firefox-relay-no-turn': {
    browser: 'firefox',
    description: 'Firefox ESR: relay-only policy but only a STUN server configured: nothing can be gathered. Recorded for 45 s.',
    turn: turnArgs([...LT_CRED, '--no-tls']),
    configuration: relay([STUN]),
    durationMs: STALL_MS,
    expected: both(failed('no_turn_configured')),
  },

  // IPv6 (Chromium): the veth pair gets unique local IPv6 addresses for these
  // scenarios only, and coturn listens and relays on IPv6.
  'ipv6-turn-udp-relay': {
    ipv6: true,
    description: 'Over IPv6: both peers relay-only through coturn listening and relaying on fd00:201::1 (turn:[fd00:201::1]:3478?transport=udp), correct credentials. Chromium asks for no relay address family (RFC 6156 default: IPv4), so coturn is told to relay in the family the client came in on.',
    // Without this coturn (relaying on IPv6 only) answers 440 Address Family
    // not Supported and no relay candidate is gathered.
    turn: turnArgs([...LT_CRED, '--no-tls', '--allocation-default-address-family=keep'], IPV6.turn),
    configuration: relay([turnServer(`turn:[${IPV6.turn}]:3478?transport=udp`)]),
    durationMs: CONNECTED_MS,
    expected: both(overIpv6(connected('relay', 'relay', 'udp'))),
  },
  'ipv6-direct-host': {
    ipv6: true,
    description: 'Over IPv6: policy all with a STUN server on IPv6; the browser\'s network drops IPv4 between the lab addresses, so the peers connect host to host over IPv6.',
    turn: turnArgs([...LT_CRED, '--no-tls'], IPV6.turn),
    firewall: NO_IPV4,
    configuration: { iceServers: [{ urls: `stun:[${IPV6.turn}]:3478` }], iceTransportPolicy: 'all' },
    durationMs: CONNECTED_MS,
    expected: both(overIpv6(connected('host', 'host', null))),
  },
};

function expectedDocument(name) {
  const s = scenarios[name];
  return { scenario: name, description: s.description, peerConnections: s.expected };
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
