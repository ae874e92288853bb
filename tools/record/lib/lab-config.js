'use strict';
// The lab's addresses, credentials, coturn options and the building blocks of expected verdicts.

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

// turnUrl: the configured TURN URL the selected relay candidate came from.
const connected = (localType, remoteType, relayProtocol, turnUrl) => ({ outcome: 'connected',
  failedAfterConnect: false, localType, remoteType, relayProtocol, ...(turnUrl ? { turnUrl } : {}), iceRestarts: 0, category: null });
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

module.exports = { TURN_IP, IPV6, USER, PASSWORD, SECRET, turnArgs, LT_CRED, REST, turnServer, restServer, connected, failed, both, overIpv6, TURN_UDP, CONNECTED_MS, STALL_MS, relay, BLOCK_UDP, ONLY_TCP_443, NO_DIRECT_PATH, STUN_TURN_BLOCKED, NO_IPV4, STUN, TURN_TCP, TURNS_443, TLS_443 };
