'use strict';
// Records one scenario: starts its TURN server, opens chrome://webrtc-internals,
// runs the call in the test page, then saves the webrtc-internals dump, the
// rtcstats dump (once during the call, once after close), the page's SDK
// report and the expected verdict. Firefox
// scenarios (lib/firefox.js) save only the SDK report and the expected verdict.
// Usage (inside the lab's network namespace): node run-scenario.js <scenario> <outDir> <runDir>

const fs = require('fs');
const path = require('path');
const http = require('http');
const zlib = require('zlib');
const { spawn, execFileSync } = require('child_process');
const { scenarios, expectedDocument, IPV6 } = require('./scenarios');
const { recordWithFirefox } = require('./firefox');
const { CUTS } = require('./firewalls');

const [name, outDir, runDir] = process.argv.slice(2);
const scenario = scenarios[name];
if (!scenario || !outDir || !runDir) {
  console.error(`usage: run-scenario.js <${Object.keys(scenarios).join('|')}> <outDir> <runDir>`);
  process.exit(2);
}
// A fake microphone, granted without a prompt. Scenarios without audio leave
// it out: a media grant makes Chrome show raw host addresses instead of mDNS.
const FAKE_MEDIA = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (msg) => console.log(`[${name}] ${msg}`);

// Every process started here is written to runDir/pids so record.sh can stop it.
function startTurn(args) {
  const logFile = path.join(runDir, `turnserver-${name}.log`);
  const full = [...args.map((a) => a.replace('$RUN', runDir)), `--log-file=${logFile}`, '--simple-log', '--no-stdout-log'];
  // coturn runs in the TURN server's own namespace; `ip netns exec` execs it,
  // so the PID is coturn's.
  const child = spawn('ip', ['netns', 'exec', process.env.TURN_NS, 'turnserver', ...full], { stdio: 'ignore' });
  fs.appendFileSync(path.join(runDir, 'pids'), `${child.pid}\n`);
  log(`turnserver pid ${child.pid}`);
  return child;
}

// A scenario's firewall: an nftables ruleset for the browser's namespace.
function nft(ruleset) {
  execFileSync('nft', ['-f', '-'], { input: ruleset });
}

// A firewall change in the middle of a scripted call: one of CUTS, or 'restore'
// (back to the scenario's own firewall).
function firewallStep(stepName) {
  const ruleset = stepName === 'restore' ? (scenario.firewall || '') : CUTS[stepName];
  if (ruleset === undefined) throw new Error(`unknown firewall ${stepName}`);
  nft('flush ruleset\n' + ruleset);
  log(`firewall ${stepName}`);
}

function stopProcess(child) {
  if (child && child.exitCode === null) child.kill('SIGKILL');
}

function servePage() {
  const dir = path.join(__dirname, '..', 'page');
  const types = { '.html': 'text/html', '.js': 'text/javascript' };
  const server = http.createServer((req, res) => {
    const file = req.url === '/' ? 'index.html' : path.basename(req.url);
    fs.readFile(path.join(dir, file), (err, body) => {
      if (err) { res.writeHead(404); res.end(); return; }
      res.writeHead(200, { 'content-type': types[path.extname(file)] || 'text/plain' });
      res.end(body);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// Clicks one of webrtc-internals' download buttons and saves what Chrome produced.
async function download(internals, button, file) {
  const [dl] = await Promise.all([internals.waitForEvent('download', { timeout: 30000 }), internals.click(button)]);
  await dl.saveAs(file);
  log(`saved ${path.basename(file)} (${fs.statSync(file).size} bytes, offered as ${dl.suggestedFilename()})`);
}

// IPv6 scenarios give both ends of the veth pair a unique local address (only
// for that scenario, so the IPv4 scenarios keep seeing one address family).
// Duplicate address detection is off so the addresses work at once.
function ipv6(action) {
  const run = (args) => execFileSync('ip', args, { stdio: ['ignore', 'ignore', action === 'del' ? 'ignore' : 'inherit'] });
  const each = (fn) => { try { fn(); } catch (err) { if (action !== 'del') throw err; } };
  each(() => run(['-6', 'addr', action, `${IPV6.browser}/64`, 'dev', 'iwc0', ...(action === 'add' ? ['nodad'] : [])]));
  each(() => run(['-n', process.env.TURN_NS, '-6', 'addr', action, `${IPV6.turn}/64`, 'dev', 'iwt0',
    ...(action === 'add' ? ['nodad'] : [])]));
}

function writeFixture(sdk) {
  if (/"(credential|username)"/.test(JSON.stringify(sdk))) throw new Error('SDK report leaks TURN credentials');
  fs.writeFileSync(path.join(outDir, 'sdk-report.json'), JSON.stringify(sdk) + '\n');
  fs.writeFileSync(path.join(outDir, 'expected.json'), JSON.stringify(expectedDocument(name), null, 2) + '\n');
}

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  if (scenario.ipv6) ipv6('add');
  try {
    await record();
  } finally {
    if (scenario.ipv6) ipv6('del');
  }
}

async function record() {
  const turn = scenario.turn ? startTurn(scenario.turn) : null;
  nft('flush ruleset\n' + (scenario.firewall || ''));
  if (scenario.firewall) log('firewall: ' + scenario.firewall.replace(/\s+/g, ' '));
  if (turn) await sleep(1000);
  if (scenario.browser === 'firefox') {
    try {
      const sdk = await recordWithFirefox({ name, scenario, runDir, log, firewall: firewallStep });
      log(`report received: ${sdk.reports.map((r) => `${r.peerConnectionId} ${r.events.length} events, ${r.stats.length} snapshots`).join('; ')}`);
      writeFixture(sdk);
    } finally {
      stopProcess(turn);
      nft('flush ruleset\n');
    }
    return;
  }
  const { chromium } = require('playwright-core');
  const server = await servePage();
  const profile = fs.mkdtempSync(path.join(runDir, 'profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    acceptDownloads: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ...(scenario.page && scenario.page.audio === false ? [] : FAKE_MEDIA), ...(scenario.chromeArgs || [])],
  });
  try {
    // webrtc-internals only collects while open: open it before the call starts.
    const internals = context.pages()[0] || await context.newPage();
    await internals.goto('chrome://webrtc-internals');
    await internals.waitForSelector('#dump-click-target', { state: 'attached' });

    const page = await context.newPage();
    const port = server.address().port;
    await page.goto(`http://localhost:${port}/`);
    const configuration = typeof scenario.configuration === 'function' ? scenario.configuration() : scenario.configuration;
    const opts = { audio: true, configuration, ...(scenario.page || {}) };
    await page.evaluate((o) => window.lab.start(o), opts);
    log(`call started, ${JSON.stringify(await page.evaluate(() => window.lab.states()))}`);

    if (scenario.steps) {
      await page.exposeFunction('labFirewall', firewallStep);
      const done = await page.evaluate((steps) => window.lab.run(steps, { firewall: (n) => window.labFirewall(n) }), scenario.steps);
      log(`script done: ${done.join('; ')}`);
    } else if (scenario.during) await scenario.during({ page, turn, log, sleep, stopProcess });
    else await sleep(scenario.durationMs);
    log(`before close, ${JSON.stringify(await page.evaluate(() => window.lab.states()))}`);

    // Chrome drops a peer connection from webrtc-internals (and its dump) as soon
    // as it is closed, so the webrtc-internals dump is taken while the call is up.
    await page.evaluate(() => window.lab.finish());
    await internals.click('details.peer-connection-dump-root > summary');
    await internals.setChecked('#dump-checkbox', false); // raw JSON, not gzip
    await download(internals, '#dump-click-target', path.join(outDir, 'webrtc-internals.json'));
    // The rtcstats dump as a user gets it during the call: it ends with the last
    // event Chrome logged, which for a call stuck in "new" is ~0.1 s in.
    const liveGz = path.join(runDir, `rtcstats-live-${name}.gz`);
    await download(internals, '#dump-click-target-rtcstats', liveGz);
    fs.writeFileSync(path.join(outDir, 'rtcstats-live.txt'), zlib.gunzipSync(fs.readFileSync(liveGz)));

    const sdk = await page.evaluate((id) => window.lab.close(id), name);
    await sleep(2000); // the rtcstats dump keeps closed connections: let it see the close
    // The rtcstats dump is always offered gzip-compressed; store it unpacked.
    const gz = path.join(runDir, `rtcstats-${name}.gz`);
    await download(internals, '#dump-click-target-rtcstats', gz);
    fs.writeFileSync(path.join(outDir, 'rtcstats.txt'), zlib.gunzipSync(fs.readFileSync(gz)));

    writeFixture(sdk);
  } finally {
    await context.close();
    server.close();
    stopProcess(turn);
    nft('flush ruleset\n');
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((err) => { console.error(err); process.exit(1); });
