import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { AppConfig } from '../../../config/env';
import { APP_CONFIG } from '../app-config.token';
import { baseUrlOf, SideListener } from '../http/side-listener';

export const CODEC_PATH = '/codec';
const isCodecPath = (url: string | undefined) => {
  const path = (url ?? '').split('?')[0] ?? '';
  return path === CODEC_PATH || path.startsWith(`${CODEC_PATH}/`);
};

/**
 * Serves the codec routes on CODEC_ADDRESS, a listener of their own: the codec decrypts customer
 * data for whoever calls it, so it must not be one more route on the public port, where every API
 * client (and, without a key, everyone) could use it as a decryption oracle. The same Nest app
 * answers both listeners; `codecListenerOnly` keeps each to its own routes.
 */
@Injectable()
export class CodecServer extends SideListener implements OnApplicationBootstrap {
  private readonly sockets = new WeakSet<Socket>();

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  /** http://host:port/codec once listening; undefined when CODEC_ADDRESS is empty. */
  get url(): string | undefined {
    const base = baseUrlOf(this.server);
    return base && `${base}${CODEC_PATH}`;
  }

  /** Express middleware, first in line: codec routes only here, everything else only on the public port. */
  codecListenerOnly() {
    return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
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

  async onApplicationBootstrap(): Promise<void> {
    const configured = this.config.codec.address;
    if (!configured) return;
    const server = createServer(this.adapterHost.httpAdapter.getInstance());
    server.on('connection', (socket: Socket) => this.sockets.add(socket));
    await this.listen(server, configured, 'CODEC_ADDRESS', 'the codec endpoint');
  }
}
