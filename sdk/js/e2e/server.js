// The test's web server: the pages, the built SDK, signalling for the two-browser call, and a
// recording proxy from /v1/* to IceWatch.
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DIST = path.join(HERE, '..', 'dist');
const { E2E_API: API } = process.env;

// The page, the built SDK, the two-browser call's signalling (hub) and a proxy to IceWatch. Every
// /v1 exchange is recorded (a beacon is the post made in no-cors mode); a scenario with
// failFirstPost gets a 503 for its first POST even though IceWatch accepted it.
export function startServer(failFirstFor, hub) {
  const exchanges = [];
  const failed = new Set();
  const files = { '/': path.join(HERE, 'page', 'index.html'), '/app.js': path.join(HERE, 'page', 'app.js'),
    '/peer.html': path.join(HERE, 'page', 'peer.html'), '/peer.js': path.join(HERE, 'page', 'peer.js'),
    '/sdk/icewatch.min.js': path.join(DIST, 'icewatch.min.js') };
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      req.beacon = req.headers['sec-fetch-mode'] === 'no-cors';
      if (hub.handle(req, body, res)) return;
      if (!req.url.startsWith('/v1/')) {
        const file = files[req.url.split('?')[0]];
        if (!file) { res.writeHead(404); res.end(); return; }
        res.writeHead(200, { 'content-type': file.endsWith('.html') ? 'text/html' : 'text/javascript' });
        res.end(fs.readFileSync(file));
        return;
      }
      const up = http.request(API + req.url, { method: req.method, headers: { ...req.headers, host: new URL(API).host } }, (ur) => {
        const back = [];
        ur.on('data', (c) => back.push(c));
        ur.on('end', () => {
          const answer = Buffer.concat(back);
          const text = body.toString();
          const session = (/"sessionId":"([^"]+)"/.exec(text) || [])[1];
          const x = { method: req.method, url: req.url, body: text, session, status: ur.statusCode, answer: answer.toString(), beacon: Boolean(req.beacon),
            origin: req.headers.origin || null };
          exchanges.push(x);
          if (req.method === 'POST' && session && failFirstFor.some((n) => session.startsWith(n)) && !failed.has(session)) {
            failed.add(session);
            x.sentToPage = 503;
            res.writeHead(503, { 'retry-after': '1', 'content-type': 'application/problem+json' });
            res.end('{"title":"Service Unavailable"}');
            return;
          }
          res.writeHead(ur.statusCode, ur.headers);
          res.end(answer);
        });
      });
      up.on('error', () => { res.writeHead(502); res.end(); });
      up.end(body);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, exchanges })));
}
