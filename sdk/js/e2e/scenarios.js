// The calls the end-to-end test makes and the verdict IceWatch must reach for each.
// Expected verdicts come from each scenario's design (docs/verdict.md), not from output.
import { createHmac } from 'node:crypto';

export const TURN_IP = '10.201.1.1';
export const LT_PORT = 3478; // coturn with long-term credentials
export const REST_PORT = 3578; // coturn with TURN REST (use-auth-secret) credentials
export const USER = 'e2e-user-4b1f';
export const PASSWORD = 'e2e-password-9c3d7a';
export const WRONG_PASSWORD = 'e2e-wrong-password-51e8';
export const REST_USER = 'e2e-rest-user-2a6c';
export const REST_SECRET = 'e2e-rest-secret-7d0b';

function restServer(url, expiresInSeconds) {
  const username = `${Math.floor(Date.now() / 1000) + expiresInSeconds}:${REST_USER}`;
  const credential = createHmac('sha1', REST_SECRET).update(username).digest('base64');
  return { urls: url, username, credential };
}

const udp = (port) => `turn:${TURN_IP}:${port}?transport=udp`;
const relayOnly = (iceServers) => ({ iceServers, iceTransportPolicy: 'relay' });
const connected = (localType, remoteType, relayProtocol) => ({ outcome: 'connected', localType, remoteType, relayProtocol, relayed: localType === 'relay' || remoteType === 'relay' });
const failed = (category) => ({ outcome: 'failed', category });

// mode: 'wrap' (wrapGlobal: true, ids pc-1/pc-2) or 'watch' (handle.watch, ids caller/callee).
export function scenarios() {
  return [
    // A lost answer is retried only by fetch: a beacon's answer cannot be read.
    { name: 'turn-udp-relay', mode: 'wrap', connect: true, configuration: relayOnly([{ urls: udp(LT_PORT), username: USER, credential: PASSWORD }]),
      expected: connected('relay', 'relay', 'udp'), failFirstPost: true, transport: 'fetch' },
    { name: 'ice-restart', mode: 'watch', connect: true, restart: true,
      configuration: relayOnly([{ urls: udp(LT_PORT), username: USER, credential: PASSWORD }]),
      expected: { ...connected('relay', 'relay', 'udp'), callerRestarts: 1 } },
    { name: 'turn-tcp-relay', mode: 'watch', connect: true,
      configuration: relayOnly([{ urls: `turn:${TURN_IP}:${LT_PORT}?transport=tcp`, username: USER, credential: PASSWORD }]),
      expected: connected('relay', 'relay', 'tcp') },
    { name: 'direct-host', mode: 'watch', connect: true,
      configuration: { iceServers: [{ urls: `stun:${TURN_IP}:${LT_PORT}` }], iceTransportPolicy: 'all' },
      expected: connected('host', 'host', null) },
    { name: 'turn-rest-valid', mode: 'wrap', connect: true, configuration: relayOnly([restServer(udp(REST_PORT), 3600)]),
      expected: connected('relay', 'relay', 'udp') },
    // Nothing is flushed on a timer: only the urgent states and then pagehide's beacon carry reports.
    { name: 'pagehide-beacon', mode: 'watch', connect: true, leave: true, flushIntervalMs: 600000,
      configuration: relayOnly([{ urls: udp(LT_PORT), username: USER, credential: PASSWORD }]),
      expected: connected('relay', 'relay', 'udp') },
    // Straight to IceWatch, another origin than the page's: by fetch, and by beacon on pagehide.
    { name: 'cross-origin-fetch', mode: 'watch', connect: true, crossOrigin: true,
      configuration: { iceServers: [{ urls: `stun:${TURN_IP}:${LT_PORT}` }], iceTransportPolicy: 'all' },
      expected: connected('host', 'host', null) },
    { name: 'cross-origin-beacon', mode: 'watch', connect: true, crossOrigin: true, leave: true, flushIntervalMs: 600000,
      configuration: { iceServers: [{ urls: `stun:${TURN_IP}:${LT_PORT}` }], iceTransportPolicy: 'all' },
      expected: connected('host', 'host', null) },
    { name: 'turn-wrong-password', mode: 'watch', connect: false,
      configuration: relayOnly([{ urls: udp(LT_PORT), username: USER, credential: WRONG_PASSWORD }]),
      expected: failed('turn_auth_failed') },
    { name: 'turn-rest-expired', mode: 'wrap', connect: false, configuration: relayOnly([restServer(udp(REST_PORT), -3600)]),
      expected: failed('turn_credential_expired') },
    { name: 'relay-no-turn', mode: 'watch', connect: false, configuration: relayOnly([{ urls: `stun:${TURN_IP}:${LT_PORT}` }]),
      expected: failed('no_turn_configured') },
  ];
}

// Chromium calls Firefox, each page a participant with the SDK's defaults (both connections pc-1).
export const twoBrowserCall = {
  configuration: relayOnly([{ urls: udp(LT_PORT), username: USER, credential: PASSWORD }]),
  expected: connected('relay', 'relay', 'udp'),
};

// Every string that must never leave the page.
export function secretsOf(list) {
  const out = new Set([USER, PASSWORD, WRONG_PASSWORD, REST_USER, REST_SECRET]);
  for (const s of list) for (const server of s.configuration.iceServers) {
    if (server.credential) out.add(server.credential);
    if (server.username) out.add(server.username);
  }
  return [...out];
}

export function turnArgs(port, minPort, auth) {
  return ['-n', '--no-cli', '--no-tls', '--no-dtls', `--listening-ip=${TURN_IP}`, `--relay-ip=${TURN_IP}`,
    `--listening-port=${port}`, `--min-port=${minPort}`, `--max-port=${minPort + 100}`, '--realm=icewatch.e2e',
    '--fingerprint', '--no-software-attribute', ...auth];
}
export const LT_AUTH = ['--lt-cred-mech', `--user=${USER}:${PASSWORD}`];
export const REST_AUTH = ['--use-auth-secret', `--static-auth-secret=${REST_SECRET}`];
