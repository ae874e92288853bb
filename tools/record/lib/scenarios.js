'use strict';
// What each recorded scenario is: the TURN server it runs, the configuration
// the page uses, how long the call lasts, and the verdict IceWatch must reach.
// Expected verdicts are written from the scenario's design, never from output.

const TURN_IP = '10.201.0.1';
const USER = 'lab';
const PASSWORD = 'lab-password';
const SECRET = 'lab-rest-secret';

// coturn options shared by every scenario that runs a TURN server.
function turnArgs(extra) {
  return ['-n', '--no-cli', `--listening-ip=${TURN_IP}`, `--relay-ip=${TURN_IP}`,
    '--listening-port=3478', '--min-port=49152', '--max-port=49252', '--realm=icewatch.lab',
    '--fingerprint', '--no-dtls', '--no-software-attribute', ...extra];
}
const LT_CRED = ['--lt-cred-mech', `--user=${USER}:${PASSWORD}`];
const REST = ['--use-auth-secret', `--static-auth-secret=${SECRET}`];

function turnServer(url, username = USER, credential = PASSWORD) {
  return { urls: url, username, credential };
}

const connected = (localType, remoteType, relayProtocol) =>
  ({ outcome: 'connected', localType, remoteType, relayProtocol, category: null });
const failed = (category) =>
  ({ outcome: 'failed', localType: null, remoteType: null, relayProtocol: null, category });
const both = (v) => [{ role: 'caller', ...v }, { role: 'callee', ...v }];

const scenarios = {
  'turn-udp-relay': {
    description: 'Both peers relay-only through coturn over UDP with correct long-term credentials; audio and a data channel flow for about 15 s.',
    turn: turnArgs([...LT_CRED, '--no-tls']),
    configuration: { iceServers: [turnServer(`turn:${TURN_IP}:3478?transport=udp`)], iceTransportPolicy: 'relay' },
    durationMs: 15000,
    expected: both(connected('relay', 'relay', 'udp')),
  },
  'turn-wrong-password': {
    description: 'Both peers relay-only through coturn over UDP, but the password is wrong: coturn answers 401 and no relay candidate is gathered. Recorded for 45 s (Chrome never reports failed).',
    turn: turnArgs([...LT_CRED, '--no-tls']),
    configuration: { iceServers: [turnServer(`turn:${TURN_IP}:3478?transport=udp`, USER, 'not-the-password')], iceTransportPolicy: 'relay' },
    durationMs: 45000,
    expected: both(failed('turn_auth_failed')),
  },
};

module.exports = { scenarios, TURN_IP, USER, PASSWORD, SECRET };

if (require.main === module) console.log(Object.keys(scenarios).join('\n'));
