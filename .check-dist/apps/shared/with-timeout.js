Object.defineProperty(exports, '__esModule', { value: true });
exports.withTimeout = withTimeout;
/** `work`, or a rejection "no answer within `ms` ms" if it takes longer (the work itself is not stopped). */
function withTimeout(work, ms) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
//# sourceMappingURL=with-timeout.js.map
