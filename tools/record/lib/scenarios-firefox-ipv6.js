'use strict';
// Scenarios beyond Chromium over IPv4: Firefox ESR (SDK-format reports only) and IPv6.

const {
  IPV6, USER, turnArgs, LT_CRED, turnServer, connected, failed, both, overIpv6,
  TURN_UDP, CONNECTED_MS, STALL_MS, relay, NO_IPV4, STUN, TURN_TCP,
} = require('./lab-config');

module.exports = {
  // Firefox ESR (browser: 'firefox'): the page drives itself and only the SDK
  // report is recorded (Firefox has no webrtc-internals or rtcstats dump).
  'firefox-turn-udp-relay': {
    browser: 'firefox',
    description: 'Firefox ESR: both peers relay-only through coturn over UDP with correct long-term credentials; audio and a data channel flow for about 15 s.',
    turn: turnArgs([...LT_CRED, '--no-tls']),
    configuration: relay([turnServer(TURN_UDP)]),
    durationMs: CONNECTED_MS,
    // Firefox gives relay candidates no url: IceWatch infers it from the configuration.
    expected: both(connected('relay', 'relay', 'udp', TURN_UDP)),
  },
  'firefox-turn-tcp-relay': {
    browser: 'firefox',
    description: 'Firefox ESR: both peers relay-only through coturn, TURN over TCP (turn:...?transport=tcp), correct credentials.',
    turn: turnArgs([...LT_CRED, '--no-tls']),
    configuration: relay([turnServer(TURN_TCP)]),
    durationMs: CONNECTED_MS,
    expected: both(connected('relay', 'relay', 'tcp', TURN_TCP)),
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
    // Firefox reports "turn:10.201.0.1:3478" (no query), the caller twice: one failure of the configured URL.
    expected: both({ ...failed('turn_auth_failed'), turnErrors: [{ url: TURN_UDP, unauthorized: 1, unreachable: 0 }] }),
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
    expected: both(overIpv6(connected('relay', 'relay', 'udp', `turn:[${IPV6.turn}]:3478?transport=udp`))),
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
