'use strict';
// Records one scenario with Firefox ESR. There is no automation driver: the
// page drives itself (page/firefox.html + page/auto.js), asks this server for
// its options and posts the SDK report back when the call is over. Firefox
// runs headless with a fresh profile and is killed by PID afterwards.

const fs = require('fs');
const path = require('path');
const http = require('http');
const { spawn } = require('child_process');

const FIREFOX = '/usr/bin/firefox-esr';

// Prefs for a profile that grants the fake microphone without a prompt and
// reaches out to nothing: no updates, telemetry, captive-portal or
// connectivity probes, remote settings, safe browsing or first-run pages.
const PREFS = {
  'media.navigator.permission.disabled': true,
  'media.navigator.streams.fake': true,
  'permissions.default.microphone': 1,
  'permissions.default.camera': 1,
  // No mDNS in the lab: host candidates must carry raw addresses (as they do
  // in Chrome with a media grant), or the peers could not meet host to host.
  'media.peerconnection.ice.obfuscate_host_addresses': false,
  'app.update.enabled': false,
  'app.update.auto': false,
  'app.update.checkInstallTime': false,
  'app.normandy.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.startup.page': 0,
  'browser.aboutwelcome.enabled': false,
  'browser.newtabpage.enabled': false,
  'browser.ping-centre.telemetry': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.downloads.remote.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.search.update': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'browser.topsites.contile.enabled': false,
  'browser.newtabpage.activity-stream.feeds.system.topstories': false,
  'browser.newtabpage.activity-stream.feeds.snippets': false,
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.server': '',
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.predictor.enabled': false,
  'network.trr.mode': 5,
  'network.proxy.type': 0,
  'services.settings.server': 'http://127.0.0.1:9/',
  'security.OCSP.enabled': 0,
  'security.remote_settings.crlite_filters.enabled': false,
  'dom.push.connection.enabled': false,
  'geo.provider.network.url': '',
  'signon.management.page.breach-alerts.enabled': false,
};

function userJs(extra) {
  return Object.entries({ ...PREFS, ...extra })
    .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('\n') + '\n';
}

// All PIDs below `pid` (Firefox forks content, socket and utility processes).
function descendants(pid) {
  const children = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch { /* gone meanwhile */ }
  }
  const out = [];
  const walk = (p) => (children.get(p) || []).forEach((c) => { out.push(c); walk(c); });
  walk(pid);
  return out;
}

function killTree(child) {
  if (!child || child.exitCode !== null) return;
  const pids = [child.pid, ...descendants(child.pid)];
  for (const pid of pids) {
    try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ }
  }
}

// Serves the page, hands it the scenario's options and waits for its report.
// POST /firewall { name } loads a firewall (scripted scenarios) before answering.
function startServer(options, log, firewall) {
  const dir = path.join(__dirname, '..', 'page');
  const types = { '.html': 'text/html', '.js': 'text/javascript' };
  let deliver;
  const report = new Promise((resolve) => { deliver = resolve; });
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/options') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(options));
      return;
    }
    if (req.method === 'POST' && (req.url === '/report' || req.url === '/progress' || req.url === '/firewall')) {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        if (req.url === '/firewall') {
          try {
            firewall(JSON.parse(body).name);
            res.writeHead(204);
          } catch (err) {
            log(`firewall: ${err.message}`);
            res.writeHead(500);
          }
          res.end();
          return;
        }
        res.writeHead(204);
        res.end();
        if (req.url === '/progress') log(body);
        else deliver(JSON.parse(body));
      });
      return;
    }
    const file = req.url === '/' ? 'firefox.html' : path.basename(req.url);
    fs.readFile(path.join(dir, file), (err, body) => {
      if (err) { res.writeHead(404); res.end(); return; }
      res.writeHead(200, { 'content-type': types[path.extname(file)] || 'text/plain' });
      res.end(body);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, report })));
}

// ctx: { name, scenario, runDir, log, firewall }. Returns the SDK report.
async function recordWithFirefox({ name, scenario, runDir, log, firewall }) {
  if (!fs.existsSync(FIREFOX)) throw new Error(`${FIREFOX} is missing (apt-get install firefox-esr)`);
  const configuration = typeof scenario.configuration === 'function' ? scenario.configuration() : scenario.configuration;
  const options = { sessionId: name, durationMs: scenario.durationMs, steps: scenario.steps,
    lab: { audio: true, configuration, ...(scenario.page || {}) } };
  const { server, report } = await startServer(options, log, firewall);
  const profile = fs.mkdtempSync(path.join(runDir, 'firefox-profile-'));
  fs.writeFileSync(path.join(profile, 'user.js'), userJs(scenario.firefoxPrefs));
  const url = `http://localhost:${server.address().port}/`;
  const child = spawn(FIREFOX, ['--headless', '--no-remote', '--profile', profile, url], {
    stdio: ['ignore', 'ignore', fs.openSync(path.join(runDir, `firefox-${name}.log`), 'w')],
    env: { ...process.env, HOME: profile, MOZ_HEADLESS: '1', MOZ_CRASHREPORTER_DISABLE: '1' },
  });
  fs.appendFileSync(path.join(runDir, 'pids'), `${child.pid}\n`);
  log(`firefox pid ${child.pid}`);
  try {
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error('no report from the page in time')), scenario.durationMs + 60000);
    });
    const exited = new Promise((_, reject) => child.on('exit', (code) => reject(new Error(`firefox exited (${code})`))));
    const sdk = await Promise.race([report, timeout, exited]);
    clearTimeout(timer);
    return sdk;
  } finally {
    killTree(child);
    server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

// The SDK's end-to-end test (sdk/js/e2e) starts Firefox the same way.
module.exports = { recordWithFirefox, userJs, killTree, FIREFOX };
