var __decorate =
  (this && this.__decorate) ||
  function (decorators, target, key, desc) {
    var c = arguments.length,
      r = c < 3 ? target : desc === null ? (desc = Object.getOwnPropertyDescriptor(target, key)) : desc,
      d;
    if (typeof Reflect === 'object' && typeof Reflect.decorate === 'function')
      r = Reflect.decorate(decorators, target, key, desc);
    else
      for (var i = decorators.length - 1; i >= 0; i--)
        if ((d = decorators[i])) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return (c > 3 && r && Object.defineProperty(target, key, r), r);
  };
var __metadata =
  (this && this.__metadata) ||
  ((k, v) => {
    if (typeof Reflect === 'object' && typeof Reflect.metadata === 'function') return Reflect.metadata(k, v);
  });
var __param =
  (this && this.__param) ||
  ((paramIndex, decorator) => (target, key) => {
    decorator(target, key, paramIndex);
  });
Object.defineProperty(exports, '__esModule', { value: true });
exports.CodecServer = exports.CODEC_PATH = void 0;
const node_http_1 = require('node:http');
const common_1 = require('@nestjs/common');
const core_1 = require('@nestjs/core');
const app_config_token_1 = require('../app-config.token');
const side_listener_1 = require('../http/side-listener');
exports.CODEC_PATH = '/codec';
const isCodecPath = (url) => {
  const path = (url ?? '').split('?')[0] ?? '';
  return path === exports.CODEC_PATH || path.startsWith(`${exports.CODEC_PATH}/`);
};
/**
 * Serves the codec routes on CODEC_ADDRESS, a listener of their own: the codec decrypts customer
 * data for whoever calls it, so it must not be one more route on the public port, where every API
 * client (and, without a key, everyone) could use it as a decryption oracle. The same Nest app
 * answers both listeners; `codecListenerOnly` keeps each to its own routes.
 */
let CodecServer = class CodecServer extends side_listener_1.SideListener {
  adapterHost;
  config;
  sockets = new WeakSet();
  constructor(adapterHost, config) {
    super();
    this.adapterHost = adapterHost;
    this.config = config;
  }
  /** http://host:port/codec once listening; undefined when CODEC_ADDRESS is empty. */
  get url() {
    const base = (0, side_listener_1.baseUrlOf)(this.server);
    return base && `${base}${exports.CODEC_PATH}`;
  }
  /** Express middleware, first in line: codec routes only here, everything else only on the public port. */
  codecListenerOnly() {
    return (req, res, next) => {
      if (this.sockets.has(req.socket) === isCodecPath(req.url)) {
        next();
        return;
      }
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          statusCode: 404,
          error: 'Not Found',
          message: `Cannot ${req.method} ${req.url?.split('?')[0]}`,
        }),
      );
    };
  }
  async onApplicationBootstrap() {
    const configured = this.config.codec.address;
    if (!configured) return;
    const server = (0, node_http_1.createServer)(this.adapterHost.httpAdapter.getInstance());
    server.on('connection', (socket) => this.sockets.add(socket));
    await (0, side_listener_1.listenOn)(server, configured, 'CODEC_ADDRESS', 'the codec endpoint');
    this.server = server;
  }
};
exports.CodecServer = CodecServer;
exports.CodecServer = CodecServer = __decorate(
  [
    (0, common_1.Injectable)(),
    __param(1, (0, common_1.Inject)(app_config_token_1.APP_CONFIG)),
    __metadata('design:paramtypes', [core_1.HttpAdapterHost, Object]),
  ],
  CodecServer,
);
//# sourceMappingURL=codec-server.js.map
