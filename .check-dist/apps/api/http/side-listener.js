Object.defineProperty(exports, '__esModule', { value: true });
exports.SideListener = void 0;
exports.listenOn = listenOn;
exports.baseUrlOf = baseUrlOf;
exports.closeNow = closeNow;
// A listener apart from the public port (metrics, codec): bound to its own host:port setting, so
// what it serves can stay on an internal network while the public port faces the internet.
const node_events_1 = require('node:events');
/** Listens on `configured` (host:port, [v6]:port); a failure names the setting to change. */
async function listenOn(server, configured, setting, what) {
  const at = configured.lastIndexOf(':');
  const host = configured.slice(0, at).replace(/^\[(.*)\]$/, '$1');
  server.listen(Number(configured.slice(at + 1)), host);
  try {
    await (0, node_events_1.once)(server, 'listening'); // rejects with the 'error' event, e.g. EADDRINUSE
  } catch (err) {
    throw new Error(`cannot serve ${what} on ${configured} (${setting}; empty switches it off): ${String(err)}`);
  }
}
/** http://host:port of a listening server (the bound port when configured as 0). */
function baseUrlOf(server) {
  const address = server?.address();
  if (!address) return undefined;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}
async function closeNow(server) {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(() => resolve()));
}
/** A Nest provider that owns one side listener: `server` once listening, closed at shutdown. */
class SideListener {
  server;
  async onApplicationShutdown() {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await closeNow(server);
  }
}
exports.SideListener = SideListener;
//# sourceMappingURL=side-listener.js.map
