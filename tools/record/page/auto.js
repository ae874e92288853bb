'use strict';
// Drives window.lab without an automation driver (Firefox): fetches the
// scenario's options from the recorder, runs the call for its duration (or its
// script of steps, asking the recorder for firewall changes), then posts the SDK
// report back.

(async () => {
  const post = (url, body) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body) });
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const options = await (await fetch('/options')).json();
  try {
    await window.lab.start(options.lab);
    await post('/progress', { phase: 'call started', states: window.lab.states() });
  } catch (err) {
    await post('/progress', { phase: 'start failed', error: String(err) });
  }
  if (options.steps) {
    const firewall = async (name) => {
      const res = await post('/firewall', { name });
      if (!res.ok) throw new Error(`firewall ${name}: HTTP ${res.status}`);
    };
    try {
      await post('/progress', { phase: 'script done', steps: await window.lab.run(options.steps, { firewall }) });
    } catch (err) {
      await post('/progress', { phase: 'script failed', error: String(err) });
    }
  } else {
    await sleep(options.durationMs);
  }
  await post('/progress', { phase: 'before close', states: window.lab.states() });
  await window.lab.finish();
  const report = await window.lab.close(options.sessionId);
  await post('/report', report);
})();
