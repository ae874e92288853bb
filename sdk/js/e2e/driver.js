// Runs the end-to-end scenarios inside the test's network namespace: starts coturn, serves the
// test page (and proxies /v1/* to IceWatch, so most pages talk to it from their own origin; the
// cross-origin ones post to a second, recording proxy on another port, which passes requests and
// answers through untouched, CORS included), drives headless Chromium (and Firefox for the
// two-browser call) with a publishable key limited to the pages' origin, then reads the verdicts
// back from IceWatch with the admin key.
// Environment: E2E_API (IceWatch base URL), E2E_KEY (admin key), E2E_RUN (scratch directory).
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import * as lab from './scenarios.js';
import { createHub, runTwoBrowserCall, checkTwoParticipants } from './two-browsers.js';
import { startServer } from './server.js';
import { keyChecks } from './key-checks.js';

const { E2E_API: API, E2E_KEY: KEY, E2E_RUN: RUN } = process.env;
const RUN_ID = Date.now().toString(36);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (msg) => console.log(`[e2e] ${msg}`);

const results = [];
function check(name, fn) {
  try {
    fn();
    results.push({ name, ok: true });
    console.log(`ok   ${name}`);
  } catch (e) {
    results.push({ name, ok: false });
    console.log(`FAIL ${name}\n     ${String(e.message).split('\n').join('\n     ')}`);
  }
}
function expect(cond, message) { if (!cond) throw new Error(message); }

function startTurn(name, args) {
  const child = spawn('turnserver', [...args, `--log-file=${path.join(RUN, `turn-${name}.log`)}`, '--simple-log',
    '--no-stdout-log', `--pidfile=${path.join(RUN, `turn-${name}.pid`)}`], { stdio: 'ignore' });
  fs.appendFileSync(path.join(RUN, 'pids'), `${child.pid}\n`);
  return child;
}

// The page's key: publishable, and only for the origin the page is served from.
async function publishableKey(origin) {
  const res = await fetch(`${API}/v1/keys`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ kind: 'publishable', label: 'e2e page', origins: [origin] }),
  });
  if (res.status !== 201) throw new Error(`could not create a publishable key: ${res.status} ${await res.text()}`);
  return (await res.json()).apiKey;
}

async function api(p) {
  const res = await fetch(API + p, { headers: { Authorization: `Bearer ${KEY}` } });
  return { status: res.status, body: res.status === 200 ? await res.json() : await res.text() };
}

async function waitHealthy() {
  for (let i = 0; i < 120; i++) {
    try { if ((await fetch(`${API}/healthz`)).status === 200) return; } catch (e) { /* not up yet */ }
    await sleep(500);
  }
  throw new Error('IceWatch did not become healthy');
}

// Polls GET /v1/sessions/{id} until every expected peer connection has a final outcome.
async function finalVerdicts(sessionId, ids, timeoutMs) {
  const end = Date.now() + timeoutMs;
  let last = null;
  while (Date.now() < end) {
    last = await api(`/v1/sessions/${sessionId}`);
    if (last.status === 200 && last.body.pendingUploads === 0) {
      const pcs = ids.map((id) => last.body.peerConnections.find((p) => p.peerConnectionId === id));
      if (pcs.every((p) => p && p.outcome !== 'pending')) return pcs;
    }
    await sleep(1000);
  }
  throw new Error(`no final verdicts for ${sessionId} within ${timeoutMs} ms; last answer ${last && last.status}: ${JSON.stringify(last && last.body).slice(0, 1500)}`);
}

function checkVerdict(v, expected, id) {
  const where = `${id}: ${JSON.stringify({ outcome: v.outcome, category: v.category, selectedPair: v.selectedPair, relayed: v.relayed, bytesRelayed: v.bytesRelayed, evidence: v.evidence })}`;
  expect(v.outcome === expected.outcome, `outcome ${v.outcome}, expected ${expected.outcome} (${where})`);
  if (expected.outcome === 'failed') {
    expect(v.category === expected.category, `category ${v.category}, expected ${expected.category} (${where})`);
    return;
  }
  const pair = v.selectedPair || {};
  expect(pair.localType === expected.localType && pair.remoteType === expected.remoteType,
    `pair ${pair.localType}/${pair.remoteType}, expected ${expected.localType}/${expected.remoteType} (${where})`);
  expect(v.relayed === expected.relayed, `relayed ${v.relayed}, expected ${expected.relayed} (${where})`);
  expect((pair.relayProtocol || null) === expected.relayProtocol, `relayProtocol ${pair.relayProtocol}, expected ${expected.relayProtocol} (${where})`);
  if (expected.callerRestarts !== undefined && /\/(caller|pc-1)$/.test(id)) {
    expect(v.iceRestarts === expected.callerRestarts, `iceRestarts ${v.iceRestarts}, expected ${expected.callerRestarts} (${where})`);
  }
  if (expected.relayed) expect(v.bytesRelayed > 0, `bytesRelayed ${v.bytesRelayed}, expected > 0 (${where})`);
  else expect(v.bytesDirect > 0 && v.bytesRelayed === 0, `bytesDirect ${v.bytesDirect} / bytesRelayed ${v.bytesRelayed} (${where})`);
}

function label(s) {
  const e = s.expected;
  const what = e.category ? `(${e.category})` : `${e.localType}/${e.remoteType}${e.relayProtocol ? ` over ${e.relayProtocol}` : ''}`;
  return `${s.name}: ${e.outcome} ${what}${s.restart ? ' after an ICE restart' : ''}, both peers`;
}

async function runScenario(context, port, front, publishable, s) {
  const sessionId = `${s.name}-${RUN_ID}`;
  const names = s.mode === 'wrap' ? ['pc-1', 'pc-2'] : ['caller', 'callee'];
  const page = await context.newPage();
  const out = { s, sessionId, ids: names };
  try {
    page.on('pageerror', (e) => log(`${s.name}: page error ${e.message}`));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => window.e2e !== undefined);
    const clientId = await page.evaluate((o) => window.e2e.start(o), {
      sessionId, apiKey: publishable, configuration: s.configuration, mode: s.mode, flushIntervalMs: s.flushIntervalMs,
      transport: s.transport, endpoint: s.crossOrigin ? front : undefined,
    });
    // IceWatch keeps the page's connections under its client id: <clientId>/caller, ...
    const ids = names.map((n) => `${clientId}/${n}`);
    out.ids = ids;
    if (s.connect) {
      const end = Date.now() + 20000;
      while (Date.now() < end && !(await page.evaluate(() => window.e2e.states())).every((x) => x.connectionState === 'connected')) await sleep(250);
      if (s.restart) {
        await sleep(2000);
        await page.evaluate(() => window.e2e.restart());
      }
      await sleep(6000); // carry traffic for a while
      log(`${s.name}: ${JSON.stringify(await page.evaluate(() => window.e2e.states()))}`);
      if (s.leave) {
        out.page = { errors: await page.evaluate(() => window.e2e.errors()) };
        await page.goto('about:blank'); // pagehide, with both connections still up
        await sleep(3000); // let the beacon reach IceWatch before the verdicts are read
      } else {
        out.page = await page.evaluate(() => window.e2e.finish());
      }
      out.verdicts = await finalVerdicts(sessionId, ids, 60000);
    } else {
      // Left open: IceWatch must call them failed on its own (at once when the failure is certain, else at its deadline).
      out.verdicts = await finalVerdicts(sessionId, ids, 90000);
      log(`${s.name}: ${JSON.stringify(await page.evaluate(() => window.e2e.states()))}`);
      out.page = await page.evaluate(() => window.e2e.finish());
    }
  } catch (e) {
    out.error = e;
  } finally {
    await page.close().catch(() => {});
  }
  return out;
}

// A page on an origin the key does not list, posting straight to IceWatch: every post must be refused.
async function foreignPage(context, port, front, publishable) {
  const sessionId = `foreign-origin-${RUN_ID}`;
  const page = await context.newPage();
  try {
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => window.e2e !== undefined);
    await page.evaluate((o) => window.e2e.start(o), {
      sessionId, apiKey: publishable, mode: 'watch', endpoint: front, flushIntervalMs: 500,
      configuration: { iceServers: [{ urls: `stun:${lab.TURN_IP}:${lab.LT_PORT}` }] },
    });
    await sleep(5000);
    await page.evaluate(() => window.e2e.finish()).catch(() => {});
  } finally {
    await page.close().catch(() => {});
  }
  return sessionId;
}

async function main() {
  const list = lab.scenarios();
  const turns = [startTurn('lt', lab.turnArgs(lab.LT_PORT, 49152, lab.LT_AUTH)), startTurn('rest', lab.turnArgs(lab.REST_PORT, 49300, lab.REST_AUTH))];
  const hub = createHub();
  const { server, exchanges } = await startServer(list.filter((s) => s.failFirstPost).map((s) => s.name), hub);
  const { server: foreign } = await startServer([], createHub());
  const { server: frontServer, exchanges: direct } = await startServer([], createHub());
  const front = `http://127.0.0.1:${frontServer.address().port}`;
  const port = server.address().port;
  await waitHealthy();
  await sleep(500);
  const publishable = await publishableKey(`http://127.0.0.1:${port}`);

  const profile = fs.mkdtempSync(path.join(RUN, 'chromium-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  });
  // Every request any page makes, with its body: the credential check reads these.
  const requests = [];
  context.on('request', (r) => requests.push({ url: r.url(), headers: r.headers(), body: r.postData() || '' }));

  let outcomes;
  let two;
  let foreignSession;
  try {
    outcomes = await Promise.all(list.map((s) => runScenario(context, port, front, publishable, s)));
    two = await runTwoBrowserCall({ hub, context, port, run: RUN, log, finalVerdicts, api, sessionId: `two-browsers-${RUN_ID}`,
      options: { apiKey: publishable, configuration: lab.twoBrowserCall.configuration, connectedMs: 6000, timeoutMs: 40000 } });
    foreignSession = await foreignPage(context, foreign.address().port, front, publishable);
  } finally {
    await context.close().catch(() => {});
    server.close();
    foreign.close();
    frontServer.close();
    turns.forEach((t) => t.exitCode === null && t.kill('SIGKILL'));
  }

  for (const o of outcomes) {
    check(label(o.s), () => {
      if (o.error) throw o.error;
      o.verdicts.forEach((v, i) => checkVerdict(v, o.s.expected, o.ids[i]));
      expect(o.page.errors.length === 0, `the SDK reported errors: ${o.page.errors.join('; ')}`);
    });
  }

  check('two participants in Chromium and Firefox, both with pc-1 in one session, keep a verdict each', () =>
    checkTwoParticipants(two, (v) => checkVerdict(v, lab.twoBrowserCall.expected, v.peerConnectionId), expect));

  const secrets = lab.secretsOf(list);
  const posts = requests.filter((r) => r.url.includes('/v1/reports'));
  check('no TURN username or credential in any request the page made', () => {
    expect(posts.length >= list.length, `only ${posts.length} report requests seen`);
    for (const r of requests) {
      const text = `${r.url}\n${JSON.stringify(r.headers)}\n${r.body}`;
      for (const secret of secrets) expect(!text.includes(secret), `${r.url} carries "${secret}"`);
      expect(!/"(credential|username)"\s*:/.test(r.body), `${r.url} has a credential or username field`);
    }
    for (const x of exchanges) for (const secret of secrets) expect(!x.body.includes(secret) && !x.url.includes(secret), `proxy saw "${secret}"`);
  });

  check('reports carry usernameExpiry, hashed addresses and delta stats', () => {
    const bodies = exchanges.filter((x) => x.method === 'POST').map((x) => JSON.parse(x.body));
    const expired = bodies.find((b) => b.sessionId.startsWith('turn-rest-expired'));
    const cfg = expired.reports.flatMap((r) => r.events || []).find((e) => e.type === 'create').configuration;
    expect(cfg.iceServers[0].hasCredential === true && cfg.iceServers[0].usernameExpiry < Date.now() / 1000,
      `configuration sent: ${JSON.stringify(cfg)}`);
    const candidates = bodies.flatMap((b) => b.reports.flatMap((r) => (r.events || []).filter((e) => e.candidate))).map((e) => e.candidate);
    expect(candidates.length > 0, 'no candidates reported');
    for (const c of candidates) expect(!c.address || !/10\.201\./.test(c.address), `raw address ${c.address}`);
    const stats = bodies.flatMap((b) => b.reports.flatMap((r) => r.stats || []));
    expect(stats.some((s) => Object.values(s.reports).some((o) => o.type === undefined)), 'no delta snapshot seen');
  });

  const foreignAnswer = await api(`/v1/sessions/${foreignSession}`);
  keyChecks({ check, expect, list, exchanges, direct, requests, port, publishable, adminKey: KEY, foreignSession, foreignAnswer });

  check('a batch IceWatch took but the page never heard of is re-sent unchanged and applied once', () => {
    const name = list.find((s) => s.failFirstPost).name;
    const posts = exchanges.filter((x) => x.method === 'POST' && x.session && x.session.startsWith(name));
    const first = posts.find((x) => x.sentToPage === 503);
    expect(first && first.status === 202, 'the first POST was not accepted upstream');
    const again = posts.find((x) => x !== first && x.body === first.body);
    expect(again, 'the batch was not re-sent unchanged');
    expect(JSON.parse(again.answer).duplicate === true, `IceWatch answered ${again.answer}`);
  });

  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  fs.writeFileSync(path.join(RUN, 'summary'), `${passed} passed, ${failed} failed\n`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => { console.error(e); process.exit(1); });
