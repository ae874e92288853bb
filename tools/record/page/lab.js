'use strict';
// The lab's test page: a caller and a callee RTCPeerConnection in one page,
// signalled in-page, and an IceWatch SDK report (docs/sdk-report-format.md)
// of everything page JavaScript can observe about them.

const REST_USERNAME = /^(\d{9,11})(?::|$)/;

// The configuration as the SDK may send it: no username, no credential.
function redactConfiguration(cfg) {
  const out = { ...cfg };
  delete out.certificates;
  out.iceServers = (cfg.iceServers || []).map((s) => {
    const server = { urls: s.urls };
    if (s.username !== undefined || s.credential !== undefined) {
      server.hasCredential = Boolean(s.credential);
      const m = REST_USERNAME.exec(s.username || '');
      if (m) server.usernameExpiry = Number(m[1]);
    }
    return server;
  });
  return out;
}

function candidateFields(c) {
  const out = {};
  for (const k of ['type', 'protocol', 'relayProtocol', 'url', 'priority', 'address', 'port', 'tcpType']) {
    if (c[k] !== null && c[k] !== undefined) out[k] = c[k];
  }
  return out;
}

function statsToObject(report) {
  const out = {};
  report.forEach((s) => { out[s.id] = { ...s }; });
  return out;
}

// Wraps one RTCPeerConnection and records its events in SDK report form.
class Recorded {
  constructor(id, configuration) {
    this.id = id;
    this.events = [];
    this.stats = [];
    this.pc = new RTCPeerConnection(configuration);
    this.log('create', { configuration: redactConfiguration(this.pc.getConfiguration()) });
    const pc = this.pc;
    pc.addEventListener('icecandidate', (e) =>
      this.log('icecandidate', e.candidate && e.candidate.candidate ? { candidate: candidateFields(e.candidate) } : {}));
    pc.addEventListener('icecandidateerror', (e) => this.log('icecandidateerror', {
      url: e.url, errorCode: e.errorCode, errorText: e.errorText, address: e.address, port: e.port }));
    for (const [ev, prop] of [['iceconnectionstatechange', 'iceConnectionState'],
      ['connectionstatechange', 'connectionState'], ['icegatheringstatechange', 'iceGatheringState'],
      ['signalingstatechange', 'signalingState']]) {
      pc.addEventListener(ev, () => this.log(ev, { state: pc[prop] }));
    }
  }

  log(type, fields) {
    const e = { t: Date.now(), type, ...fields };
    this.events.push(e);
    document.getElementById('log').textContent += `${this.id} ${JSON.stringify(e)}\n`;
  }

  // Description calls are logged once they succeed, as the SDK does.
  async setLocalDescription(desc) {
    await this.pc.setLocalDescription(desc);
    this.log('setLocalDescription', { sdpType: desc.type });
  }

  async setRemoteDescription(desc) {
    await this.pc.setRemoteDescription(desc);
    this.log('setRemoteDescription', { sdpType: desc.type });
  }

  async addIceCandidate(c) {
    this.log('addIceCandidate', { candidate: candidateFields(c) });
    await this.pc.addIceCandidate(c);
  }

  async snapshot() {
    if (this.pc.signalingState === 'closed') return;
    const t = Date.now();
    this.stats.push({ t, reports: statsToObject(await this.pc.getStats()) });
  }

  close() {
    this.log('close', {});
    this.pc.close();
  }

  report() {
    return { peerConnectionId: this.id, seq: 0, events: this.events, stats: this.stats };
  }
}

// The answer as a tampering middlebox would pass it on: same SDP, another
// certificate fingerprint, so DTLS fails after ICE has connected.
function wrongFingerprint(desc) {
  const sdp = desc.sdp.replace(/^a=fingerprint:(\S+) .*$/gm, (_, alg) =>
    `a=fingerprint:${alg} ${Array(32).fill('AB').join(':')}`);
  return { type: desc.type, sdp };
}

const lab = {
  peers: [],
  timers: [],
  received: 0,

  // opts: { configuration, calleeConfiguration?, audio, dropCallerCandidates,
  //         dropAnswer, wrongAnswerFingerprint }
  async start(opts) {
    const stream = opts.audio ? await navigator.mediaDevices.getUserMedia({ audio: true }) : null;
    const caller = new Recorded('caller', opts.configuration);
    const callee = new Recorded('callee', opts.calleeConfiguration || opts.configuration);
    this.peers = [caller, callee];
    this.timers.push(setInterval(() => this.peers.forEach((p) => p.snapshot().catch(() => {})), 1000));

    // Trickle candidates to the other side once it has a remote description.
    const wire = (from, to, drop) => {
      const queue = [];
      from.pc.addEventListener('icecandidate', (e) => {
        if (!e.candidate || !e.candidate.candidate || drop) return;
        if (to.pc.remoteDescription) to.addIceCandidate(e.candidate).catch(() => {});
        else queue.push(e.candidate);
      });
      return () => queue.splice(0).forEach((c) => to.addIceCandidate(c).catch(() => {}));
    };
    const flushToCallee = wire(caller, callee, opts.dropCallerCandidates);
    const flushToCaller = wire(callee, caller, opts.dropAnswer);

    if (stream) stream.getTracks().forEach((t) => { caller.pc.addTrack(t, stream); callee.pc.addTrack(t.clone(), stream); });
    const channel = caller.pc.createDataChannel('lab');
    channel.onopen = () => this.timers.push(setInterval(() => channel.send(`ping ${Date.now()} ${'x'.repeat(900)}`), 250));
    callee.pc.ondatachannel = (e) => { e.channel.onmessage = (m) => { this.received++; e.channel.send(`pong ${m.data.length}`); }; };

    const offer = await caller.pc.createOffer();
    await caller.setLocalDescription(offer);
    await callee.setRemoteDescription(offer);
    flushToCallee();
    const answer = await callee.pc.createAnswer();
    await callee.setLocalDescription(answer);
    if (!opts.dropAnswer) {
      await caller.setRemoteDescription(opts.wrongAnswerFingerprint ? wrongFingerprint(answer) : answer);
      flushToCaller();
    }
  },

  // An ICE restart started by the caller, renegotiated in-page.
  async restartIce() {
    const [caller, callee] = this.peers;
    caller.log('restartIce', {});
    const offer = await caller.pc.createOffer({ iceRestart: true });
    await caller.setLocalDescription(offer);
    await callee.setRemoteDescription(offer);
    const answer = await callee.pc.createAnswer();
    await callee.setLocalDescription(answer);
    await caller.setRemoteDescription(answer);
  },

  // Runs a scenario's script, one step after the other:
  //   { until: 'connected' | 'failed', timeoutMs }  every peer reached that state
  //   { sleep: ms }
  //   { firewall: name }  the recorder loads that firewall (hooks.firewall resolves once it is in force)
  //   { restartIce: true }
  // Returns what happened when, for the recorder's log.
  async run(steps, hooks) {
    const start = Date.now();
    const done = [];
    for (const step of steps) {
      if (step.until) await this.until(step.until, step.timeoutMs || 60000);
      else if (step.sleep) await new Promise((r) => setTimeout(r, step.sleep));
      else if (step.firewall) await hooks.firewall(step.firewall);
      else if (step.restartIce) await this.restartIce();
      done.push(`+${Date.now() - start} ms ${JSON.stringify(step)}`);
    }
    return done;
  },

  async until(what, timeoutMs) {
    const end = Date.now() + timeoutMs;
    const reached = (p) => (what === 'failed'
      ? p.pc.connectionState === 'failed' || p.pc.iceConnectionState === 'failed'
      : p.pc.connectionState === what);
    while (!this.peers.every(reached)) {
      if (Date.now() > end) throw new Error(`not every peer ${what} after ${timeoutMs} ms: ${JSON.stringify(this.states())}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  },

  states() {
    return this.peers.map((p) => ({ id: p.id, connectionState: p.pc.connectionState,
      iceConnectionState: p.pc.iceConnectionState, iceGatheringState: p.pc.iceGatheringState }));
  },

  // Ends the call's traffic and takes a last stats snapshot, leaving the peer
  // connections open.
  async finish() {
    this.timers.forEach((t) => clearInterval(t));
    this.timers = [];
    await Promise.all(this.peers.map((p) => p.snapshot().catch(() => {})));
  },

  // Closes both peer connections and returns the SDK report document.
  async close(sessionId) {
    this.timers.forEach((t) => clearInterval(t));
    this.peers.forEach((p) => p.close());
    return {
      sessionId,
      region: 'lab',
      sdk: { name: 'icewatch-lab', version: '0.1.0' },
      userAgent: navigator.userAgent,
      metadata: { scenario: sessionId, dataChannelMessagesReceived: this.received },
      reports: this.peers.map((p) => p.report()),
    };
  },
};
window.lab = lab;
