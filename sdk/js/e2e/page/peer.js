// One participant of the two-browser call (e2e/two-browsers.js): asks the test server for its
// options, calls the other browser through /signal, carries audio and data for a while, then
// closes and tells the server its client id. No automation driver needed (Firefox has none).
import IceWatch from '/sdk/icewatch.min.js';

const query = new URLSearchParams(location.search);
const role = query.get('role');
const room = query.get('room');
const other = role === 'caller' ? 'callee' : 'caller';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const post = (path, body) => fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const send = (message) => post(`/signal/${room}/${other}`, message);

async function call(opts, done) {
  const iw = IceWatch.monitor({ endpoint: location.origin, apiKey: opts.apiKey, sessionId: opts.sessionId, region: 'e2e',
    wrapGlobal: true, statsIntervalMs: 1000, flushIntervalMs: 1000, onError: (e) => done.errors.push(String(e && e.message)) });
  done.clientId = iw.clientId;
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  const pc = new RTCPeerConnection(opts.configuration);
  const early = [];
  pc.addEventListener('icecandidate', (e) => { if (e.candidate && e.candidate.candidate) send({ candidate: e.candidate.toJSON() }); });
  stream.getTracks().forEach((t) => pc.addTrack(t, stream));
  const talk = (channel) => {
    channel.onopen = () => setInterval(() => channel.readyState === 'open' && channel.send(`${role} ${'x'.repeat(900)}`), 100);
    channel.onmessage = () => { done.received++; };
  };
  if (role === 'caller') {
    talk(pc.createDataChannel('e2e'));
    await pc.setLocalDescription(await pc.createOffer());
    await send({ description: pc.localDescription.toJSON() });
  } else {
    pc.ondatachannel = (e) => talk(e.channel);
  }
  const end = Date.now() + opts.timeoutMs;
  let connectedAt = null;
  while (Date.now() < end && !(connectedAt && Date.now() - connectedAt > opts.connectedMs)) {
    for (const m of await (await fetch(`/signal/${room}/${role}`)).json()) {
      if (m.description) {
        await pc.setRemoteDescription(m.description);
        if (m.description.type === 'offer') {
          await pc.setLocalDescription(await pc.createAnswer());
          await send({ description: pc.localDescription.toJSON() });
        }
        for (const c of early.splice(0)) await pc.addIceCandidate(c);
      } else if (m.candidate) {
        if (pc.remoteDescription) await pc.addIceCandidate(m.candidate);
        else early.push(m.candidate);
      }
    }
    if (!connectedAt && pc.connectionState === 'connected') connectedAt = Date.now();
  }
  done.state = pc.connectionState;
  pc.close();
  await sleep(1500);
  await iw.stop();
}

(async () => {
  const done = { role, errors: [], received: 0, userAgent: navigator.userAgent };
  try {
    await call(await (await fetch(`/peer-options/${room}`)).json(), done);
  } catch (err) {
    done.errors.push(String(err));
  }
  await post(`/peer-done/${room}/${role}`, done);
})();
