import { Inject, Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import type { RecoveryEvent } from '../../../common/recovery-events';
import type { EventStore } from '../../../storage/event-store';
import type { StartRecord, StartRecords } from '../../../storage/start-records';
import { withTimeout } from '../../shared/with-timeout';
import { EVENT_STORE, START_RECORDS } from './event-store.token';

// A database that does not answer within this is down for the caller: 503, and the shop retries.
const WRITE_TIMEOUT_MS = 3_000;

/**
 * Writes what comes in through the API to the event stream. `record` answers 503 when it cannot
 * write (what the API cannot record it does not accept); `recordBestEffort` is for a shopper's
 * click or unsubscribe, which must work even when the analytics cannot see it. Without a database
 * the API records nothing (the analytics routes answer 503 then).
 */
@Injectable()
export class EventRecorder {
  private readonly logger = new Logger('Events');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore | null,
    @Inject(START_RECORDS) private readonly starts: StartRecords | null,
  ) {}

  get available(): EventStore | null {
    return this.store;
  }

  async record(events: RecoveryEvent[]): Promise<void> {
    if (!this.store || events.length === 0) return;
    await this.written(events, this.store.append(events));
  }

  /**
   * A new checkout's `started` record in one statement that also reads what the start needs
   * (storage/start-records.ts); 503 like `record` when it cannot write. Undefined without that store:
   * the caller records through `record` and reads the rest itself.
   */
  async recordStart(started: RecoveryEvent, options: { supersede: boolean }): Promise<StartRecord | undefined> {
    if (!this.starts) return undefined;
    return this.written([started], this.starts.record(started, options));
  }

  /**
   * After `recordStart`, once the checkout's workflow exists: the customer's later checkouts find it
   * to supersede. Best effort: without it the frequency cap still spaces the customer's messages.
   */
  async checkoutCreated(customerId: string, checkoutId: string): Promise<void> {
    await this.starts?.added(customerId, checkoutId).catch((err: unknown) => {
      this.logger.warn(`customer_checkouts: ${checkoutId} not added, later checkouts will not supersede it: ${err}`);
    });
  }

  async recordBestEffort(events: RecoveryEvent[]): Promise<void> {
    await this.record(events).catch(() => undefined); // logged by record
  }

  /** `write`'s answer, or 503 (logged) when it fails or the database does not answer in time. */
  private async written<T>(events: RecoveryEvent[], write: Promise<T>): Promise<T> {
    try {
      return await withTimeout(write, WRITE_TIMEOUT_MS);
    } catch (err) {
      this.logger.error(`could not record ${events.map((e) => e.id).join(', ')}: ${String(err)}`);
      throw new ServiceUnavailableException('the event could not be recorded; nothing was accepted: retry');
    }
  }
}
