'use strict';
// Calls that connect and then lose their path, in Chromium and Firefox ESR, and
// the Firefox facts that break TURN attribution. Lost calls follow a script of
// steps that the page runs (page/lab.js run()): the recorder cuts the network
// in the browser's namespace once media flows (lib/firewalls.js CUTS).

const {
  USER, turnArgs, LT_CRED, turnServer, connected, failed, both, TURN_UDP, TURN_TCP, relay, STUN,
} = require('./lab-config');

const UP_MS = 6000; // media and data flow this long before the cut
const lost = (v) => ({ ...v, failedAfterConnect: true, category: 'connection_lost' });
// Cut, then wait until every peer says failed (Chrome takes ~17 s, Firefox longer).
const cutUntilFailed = (cut) => [
  { until: 'connected', timeoutMs: 20000 }, { sleep: UP_MS }, { firewall: cut },
  { until: 'failed', timeoutMs: 90000 }, { sleep: 3000 },
];
const AT_MOST_MS = 150000;

const lostScenarios = {
  'lost-udp-cut': {
    description: 'Relay-only call through coturn over UDP; 6 s after it connected every UDP datagram from the lab network is dropped (TCP still passes, but the call has no TCP path), and the call runs until both peers say failed.',
    turn: turnArgs([...LT_CRED, '--no-tls']),
    configuration: relay([turnServer(TURN_UDP)]),
    steps: cutUntilFailed('cut-udp'),
    durationMs: AT_MOST_MS,
    expected: both(lost(connected('relay', 'relay', 'udp', TURN_UDP))),
  },
  'lost-all-cut': {
    description: 'Direct call (policy all, STUN only) connected host to host; 6 s in everything from the lab network is dropped, the peer\'s own address included, and the call runs until both peers say failed.',
    turn: turnArgs([...LT_CRED, '--no-tls']),
    configuration: { iceServers: [STUN], iceTransportPolicy: 'all' },
    steps: cutUntilFailed('cut-all'),
    durationMs: AT_MOST_MS,
    expected: both(lost(connected('host', 'host', null))),
  },
  'lost-ice-restart': {
    description: 'Relay-only call through coturn over UDP; 6 s in everything is dropped until both peers say failed; then the network comes back and the caller restarts ICE (createOffer with iceRestart), as an app should on failure: the call connects again over a new relay pair and runs 6 s more.',
    turn: turnArgs([...LT_CRED, '--no-tls']),
    configuration: relay([turnServer(TURN_UDP)]),
    steps: [...cutUntilFailed('cut-all'), { firewall: 'restore' }, { restartIce: true },
      { until: 'connected', timeoutMs: 30000 }, { sleep: UP_MS }],
    durationMs: AT_MOST_MS,
    expected: [
      { role: 'caller', ...connected('relay', 'relay', 'udp', TURN_UDP), iceRestarts: 1, evidenceContains: 'recovered' },
      { role: 'callee', ...connected('relay', 'relay', 'udp', TURN_UDP), evidenceContains: 'recovered' },
    ],
  },
};

// The same three calls in Firefox ESR (SDK report only).
const firefoxLost = Object.fromEntries(Object.entries(lostScenarios).map(([name, s]) => [`firefox-${name}`,
  { ...s, browser: 'firefox', description: `Firefox ESR: ${s.description}` }]));

module.exports = {
  ...lostScenarios,
  ...firefoxLost,
  'firefox-turn-loopback': {
    browser: 'firefox',
    description: 'Firefox ESR: relay-only with a TURN server on a loopback address (turn:127.0.0.1:3478?transport=udp). Firefox never contacts STUN/TURN servers on loopback addresses: 701 at once, no candidate. Recorded for 10 s, less than the stall deadline: only the certain-failure rule can decide it.',
    configuration: relay([turnServer('turn:127.0.0.1:3478?transport=udp')]),
    durationMs: 10000,
    expected: both({ ...failed('turn_unreachable'), evidenceContains: 'loopback' }),
  },
  'firefox-turn-udp-tcp-wrong-password': {
    browser: 'firefox',
    description: 'Firefox ESR: relay-only with TURN over UDP and TCP on the same host and port, wrong password: both answer 401. Firefox reports the URLs without their query and repeats errors per transport before BUNDLE. Recorded for 10 s: only the certain-failure rule can decide it.',
    turn: turnArgs([...LT_CRED, '--no-tls']),
    configuration: relay([turnServer([TURN_UDP, TURN_TCP], USER, 'not-the-password')]),
    durationMs: 10000,
    expected: both({ ...failed('turn_auth_failed'),
      turnErrors: [{ url: TURN_UDP, unauthorized: 1, unreachable: 0 }, { url: TURN_TCP, unauthorized: 1, unreachable: 0 }] }),
  },
};
