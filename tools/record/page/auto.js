'use strict';
// Drives window.lab without an automation driver (Firefox): fetches the
// scenario's options from the recorder, runs the call for its duration, then
// posts the SDK report back.

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
  await sleep(options.durationMs);
  await post('/progress', { phase: 'before close', states: window.lab.states() });
  await window.lab.finish();
  const report = await window.lab.close(options.sessionId);
  await post('/report', report);
})();
