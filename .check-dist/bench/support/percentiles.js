// Percentiles of latency samples (ms), nearest-rank.
Object.defineProperty(exports, '__esModule', { value: true });
exports.round = void 0;
exports.percentile = percentile;
exports.distribution = distribution;
function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}
function distribution(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: (0, exports.round)(percentile(sorted, 50)),
    p99: (0, exports.round)(percentile(sorted, 99)),
    max: (0, exports.round)(sorted[sorted.length - 1] ?? Number.NaN),
  };
}
const round = (n, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
exports.round = round;
//# sourceMappingURL=percentiles.js.map
