// A call between two browsers, Chromium and Firefox ESR, each a participant with the SDK's
// defaults: both use the call's id as sessionId and both name their connection pc-1. The pages
// (page/peer.html) drive themselves and signal through this server; IceWatch must keep both
// participants apart by their client ids.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// Firefox is started as the recording lab starts it: a fresh profile that grants the fake
// microphone and reaches out to nothing, killed with every process below it.
const { userJs, killTree, FIREFOX } = require('../../../tools/record/lib/firefox.js');

// Signalling rooms: per room and role a queue of messages; GET waits up to 1 s for one.
export function createHub() {
  const rooms = new Map();
  const room = (name) => {
    if (!rooms.has(name)) rooms.set(name, { options: null, queues: { caller: [], callee: [] }, waiters: {}, done: {}, onDone: null });
    return rooms.get(name);
  };
  const json = (res, status, value) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(value === undefined ? '' : JSON.stringify(value));
  };
  const handle = (req, body, res) => {
    const [, kind, name, role] = req.url.split('?')[0].split('/');
    if (!['signal', 'peer-options', 'peer-done'].includes(kind) || !name) return false;
    const r = room(name);
    if (kind === 'peer-options') json(res, 200, r.options);
    else if (kind === 'peer-done') {
      r.done[role] = JSON.parse(body.toString());
      json(res, 204);
      if (r.onDone) r.onDone();
    } else if (req.method === 'POST') {
      r.queues[role].push(JSON.parse(body.toString()));
      if (r.waiters[role]) r.waiters[role]();
      json(res, 204);
    } else {
      const answer = () => { r.waiters[role] = null; json(res, 200, r.queues[role].splice(0)); };
      if (r.queues[role].length) answer();
      else {
        const timer = setTimeout(answer, 1000);
        r.waiters[role] = () => { clearTimeout(timer); answer(); };
      }
    }
    return true;
  };
  return { handle, room };
}

// Runs the call and reads its verdicts back: { done: { caller, callee }, verdicts, session }, or
// { error }. The participants' connections are "<clientId>/pc-1" in the session.
export async function runTwoBrowserCall({ hub, context, port, run, sessionId, options, log, finalVerdicts, api }) {
  try {
    const done = await callBetweenBrowsers({ hub, context, port, run, name: sessionId, options: { ...options, sessionId }, log });
    const verdicts = await finalVerdicts(sessionId, [done.caller, done.callee].map((d) => `${d.clientId}/pc-1`), 60000);
    return { done, verdicts, session: (await api(`/v1/sessions/${sessionId}`)).body };
  } catch (error) {
    return { error };
  }
}

export function checkTwoParticipants(two, checkVerdict, expect) {
  if (two.error) throw two.error;
  const { done, verdicts, session } = two;
  for (const role of ['caller', 'callee']) {
    expect(done[role].errors.length === 0, `${role} page errors: ${done[role].errors.join('; ')}`);
    expect(done[role].state === 'connected', `${role} ended ${done[role].state}`);
  }
  expect(done.caller.clientId !== done.callee.clientId, `one client id for both: ${done.caller.clientId}`);
  expect(session.peerConnections.length === 2, `${session.peerConnections.length} peer connections in the session`);
  verdicts.forEach((v, i) => {
    const d = [done.caller, done.callee][i];
    checkVerdict(v);
    expect(v.clientId === d.clientId && v.userAgent === d.userAgent,
      `participant ${v.clientId} / ${v.userAgent}, expected ${d.clientId} / ${d.userAgent}`);
  });
  expect(/Chrome\//.test(verdicts[0].userAgent) && /Firefox\//.test(verdicts[1].userAgent), 'not one Chromium and one Firefox participant');
}

// Resolves with what each page said when it was done: { caller, callee }.
async function callBetweenBrowsers({ hub, context, port, run, name, options, log }) {
  const r = hub.room(name);
  r.options = options;
  const bothDone = new Promise((resolve) => { r.onDone = () => { if (r.done.caller && r.done.callee) resolve(r.done); }; });
  const url = (role) => `http://127.0.0.1:${port}/peer.html?role=${role}&room=${name}`;

  const page = await context.newPage();
  await page.goto(url('caller'));
  const profile = fs.mkdtempSync(path.join(run, 'firefox-profile-'));
  fs.writeFileSync(path.join(profile, 'user.js'), userJs({}));
  const firefox = spawn(FIREFOX, ['--headless', '--no-remote', '--profile', profile, url('callee')], {
    stdio: ['ignore', 'ignore', fs.openSync(path.join(run, 'firefox.log'), 'w')],
    env: { ...process.env, HOME: profile, MOZ_HEADLESS: '1', MOZ_CRASHREPORTER_DISABLE: '1' },
  });
  fs.appendFileSync(path.join(run, 'pids'), `${firefox.pid}\n`);
  log(`two-browser call: Chromium is the caller, Firefox (pid ${firefox.pid}) the callee`);
  let timer;
  try {
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the pages did not finish: ${JSON.stringify(r.done)}`)), options.timeoutMs + 30000);
    });
    return await Promise.race([bothDone, timeout]);
  } finally {
    clearTimeout(timer);
    killTree(firefox);
    await page.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
