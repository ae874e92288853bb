// FNV-1a, 32 bits: a stable, tiny, synchronous hash. Used to sample sessions and to
// replace candidate addresses with salted tokens; not meant to resist a determined attacker.
export function fnv1a(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export const hex = (n) => n.toString(16).padStart(8, '0');

// The same session is sampled in or out for every participant, since all of them hash the same id.
export const sampled = (sessionId, rate) => rate >= 1 || (rate > 0 && fnv1a(sessionId) / 0x100000000 < rate);
