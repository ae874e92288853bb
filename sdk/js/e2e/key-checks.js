// What the page's publishable key must do and must not: beacon on pagehide with the key in its URL,
// post cross-origin by fetch and by beacon from the origin it lists, be refused from any other, and be
// the only key that ever leaves the page.
export function keyChecks({ check, expect, list, exchanges, direct, requests, port, publishable, adminKey, foreignSession, foreignAnswer }) {
  check('pagehide sends what is queued by sendBeacon, the publishable key in its URL', () => {
    const name = list.find((s) => s.leave && !s.crossOrigin).name;
    const beacons = exchanges.filter((x) => x.beacon && x.session && x.session.startsWith(name));
    expect(beacons.length > 0, 'no beacon seen');
    for (const b of beacons) expect(b.status === 202 && b.url.includes('key=iwp_'), `${b.url}: IceWatch answered ${b.status} ${b.answer}`);
    const stats = beacons.flatMap((b) => JSON.parse(b.body).reports.flatMap((r) => r.stats || []));
    expect(stats.length > 0, 'the beacon carried no stats');
  });

  const through = (name) => direct.filter((x) => x.method === 'POST' && x.session && x.session.startsWith(name));
  check('cross-origin: a publishable key posts to IceWatch by fetch from the page\'s origin, with the key in the query string', () => {
    const sent = through('cross-origin-fetch').filter((x) => !x.beacon);
    expect(sent.length > 0, 'no cross-origin post seen');
    for (const x of sent) {
      expect(x.origin === `http://127.0.0.1:${port}` && x.url.includes('key=iwp_'), `${x.url} from ${x.origin}`);
      expect(x.status === 202, `IceWatch answered ${x.status} ${x.answer}`);
    }
  });

  check('cross-origin: pagehide sends by sendBeacon straight to IceWatch', () => {
    const beacons = through('cross-origin-beacon').filter((x) => x.beacon);
    expect(beacons.length > 0, `no beacon seen among ${through('cross-origin-beacon').length} posts`);
    for (const b of beacons) expect(b.status === 202 && b.origin === `http://127.0.0.1:${port}`, `${b.origin}: IceWatch answered ${b.status} ${b.answer}`);
    expect(beacons.some((b) => JSON.parse(b.body).reports.some((r) => (r.stats || []).length > 0)), 'the beacon carried no stats');
  });

  check('a page on an origin the key does not list is refused', () => {
    const sent = through(foreignSession);
    expect(sent.length > 0, 'the foreign page posted nothing');
    expect(sent.every((x) => x.status === 403), `answers ${sent.map((x) => x.status)}`);
    expect(foreignAnswer.status === 404, `IceWatch has the foreign page's session: ${foreignAnswer.status}`);
  });

  check('only the publishable key leaves the page, never in a header', () => {
    const reports = requests.filter((r) => r.url.includes('/v1/reports'));
    expect(reports.length > 0, 'no report requests');
    for (const r of reports) {
      expect(r.url.includes(`key=${publishable}`), `${r.url} has no publishable key`);
      expect(!r.headers.authorization && !`${r.url}${r.body}`.includes(adminKey), `${r.url} carries another key`);
    }
  });
}
