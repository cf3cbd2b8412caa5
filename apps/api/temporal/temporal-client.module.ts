import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client } from '@temporalio/client';

const CLOSE_ON_SHUTDOWN = 'CloseTemporalClientOnShutdown';

/** Closes the Temporal connection with the app, but only when the app was given ownership of it. */
@Injectable()
class TemporalConnectionCloser implements OnApplicationShutdown {
  private readonly logger = new Logger('Temporal');

  constructor(
    private readonly client: Client,
    @Inject(CLOSE_ON_SHUTDOWN) private readonly closeOnShutdown: boolean,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (!this.closeOnShutdown) return;
    await this.client.connection.close();
    this.logger.log('Temporal connection closed');
  }
}

@Global()
@Module({})
export class TemporalClientModule {}

/**
 * Provides the Temporal Client made by the caller. main.ts hands ownership over (closeOnShutdown);
 * tests pass their test environment's client and close it themselves.
 */
export function temporalClientModule(client: Client, closeOnShutdown: boolean): DynamicModule {
  return {
    module: TemporalClientModule,
    providers: [
      { provide: Client, useValue: client },
      { provide: CLOSE_ON_SHUTDOWN, useValue: closeOnShutdown },
      TemporalConnectionCloser,
    ],
    exports: [Client],
  };
}
