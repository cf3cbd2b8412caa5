// Human durations ("30m", "24h", "3d", "1d12h") used by schedules. Parsed here rather than
// with `ms` so the API and the workflow agree exactly, and so errors can name the problem.
Object.defineProperty(exports, '__esModule', { value: true });
exports.DURATION_SYNTAX = void 0;
exports.parseDuration = parseDuration;
exports.formatDuration = formatDuration;
const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000 };
/** The syntax alone, for the OpenAPI document: one unit at least, in this order. */
exports.DURATION_SYNTAX = /^(?=\d)(?:\d+d)?(?:\d+h)?(?:\d+m)?(?:\d+s)?$/;
const DURATION_PATTERN = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;
function parseDuration(text) {
  const trimmed = typeof text === 'string' ? text.trim() : '';
  const match = DURATION_PATTERN.exec(trimmed);
  if (trimmed === '' || !match) {
    return { ok: false, reason: `"${String(text)}" is not a duration like "30m", "24h", "3d" or "1d12h"` };
  }
  const [, d, h, m, s] = match;
  const ms =
    Number(d ?? 0) * UNIT_MS.d + Number(h ?? 0) * UNIT_MS.h + Number(m ?? 0) * UNIT_MS.m + Number(s ?? 0) * UNIT_MS.s;
  return { ok: true, ms };
}
/** Renders ms back in the same human form, for summaries ("wait 30m for reminder 1"). */
function formatDuration(ms) {
  if (ms <= 0) return '0s';
  let rest = Math.round(ms / 1000);
  const parts = [];
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
    ['s', 1],
  ]) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n}${unit}`);
    rest -= n * size;
  }
  return parts.join('');
}
//# sourceMappingURL=duration.js.map
