// Token buckets in memory, one per key (a client address, a link token, an API key): `capacity`
// requests at once, refilled at capacity per `periodMs`. Enough for one API process; behind several,
// each enforces its own share. Bounded: the least recently used keys go first past `maxKeys`.
Object.defineProperty(exports, '__esModule', { value: true });
exports.TokenBuckets = void 0;
// 100k keys of ~100 bytes: ~10 MB at worst, and an attacker rotating keys only evicts its own.
const DEFAULT_MAX_KEYS = 100_000;
class TokenBuckets {
  spec;
  maxKeys;
  buckets = new Map();
  constructor(spec, maxKeys = DEFAULT_MAX_KEYS) {
    this.spec = spec;
    this.maxKeys = maxKeys;
  }
  /** Takes one token for `key`: 0 when there was one, else how many ms until there is. */
  take(key, now = Date.now()) {
    const { capacity, periodMs } = this.spec;
    const ratePerMs = capacity / periodMs;
    const found = this.buckets.get(key);
    const tokens = found ? Math.min(capacity, found.tokens + (now - found.at) * ratePerMs) : capacity;
    this.buckets.delete(key); // re-inserted below: Map order is recency order
    if (tokens >= 1) {
      this.buckets.set(key, { tokens: tokens - 1, at: now });
      this.evict();
      return 0;
    }
    this.buckets.set(key, { tokens, at: now });
    return Math.ceil((1 - tokens) / ratePerMs);
  }
  evict() {
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= this.maxKeys) return;
      this.buckets.delete(key);
    }
  }
}
exports.TokenBuckets = TokenBuckets;
//# sourceMappingURL=token-buckets.js.map
