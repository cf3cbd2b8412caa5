import { Inject, Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import {
  type CustomerPreferences,
  DEFAULT_PREFERENCES,
  type OptOutSource,
  preferencesErrors,
  preferencesOf,
  type StoredPreferences,
  toPreferences,
} from '../../../common/customer-preferences';
import { preferencesSignal, workflowIdFor } from '../../../common/messages';
import type { RecoveryEvent } from '../../../common/recovery-events';
import type { PreferenceStore } from '../../../storage/preferences-store';
import { EventRecorder } from '../analytics/event-recorder';
import { InvalidFieldsException } from '../validation/invalid-fields.exception';
import { PREFERENCE_STORE } from './preference-store.token';
import { runningCheckoutsOf } from './running-checkouts';

const WORKFLOW_ID_PREFIX = workflowIdFor('');

export interface PreferencesResponse extends Partial<StoredPreferences> {
  customerId: string;
  optedOut: boolean;
  /** Running checkouts told of the change (PUT and unsubscribe only). */
  checkoutsUpdated?: number;
}

/**
 * The customer's preferences: stored first (so later checkouts and every send see them), then
 * signalled to the customer's running checkouts, which re-plan or, on an opt-out, stop at once.
 */
@Injectable()
export class PreferencesService {
  private readonly logger = new Logger('Preferences');

  constructor(
    private readonly client: Client,
    @Inject(PREFERENCE_STORE) private readonly store: PreferenceStore | null,
    private readonly events: EventRecorder,
  ) {}

  async get(customerId: string): Promise<PreferencesResponse> {
    const stored = await this.requireStore().get(customerId);
    return stored ?? { customerId, ...DEFAULT_PREFERENCES };
  }

  async put(customerId: string, body: unknown): Promise<PreferencesResponse> {
    const errors = preferencesErrors(body);
    if (errors.length > 0) throw new InvalidFieldsException(errors);
    const store = this.requireStore();
    const wasOptedOut = (await store.get(customerId))?.optedOut === true;
    const stored = await store.put(customerId, toPreferences(body as Record<string, unknown>));
    const told = await this.tellRunningCheckouts(customerId, preferencesOf(stored));
    if (stored.optedOut && !wasOptedOut) await this.recordUnsubscribed(customerId, told, 'api');
    return { ...stored, checkoutsUpdated: told.length };
  }

  /**
   * Opts the customer out of every recovery message. Without a store (no database) the running
   * checkouts still stop; later ones cannot know, which the boot log warns about.
   */
  async optOut(customerId: string, source: OptOutSource, alsoWorkflowId?: string): Promise<PreferencesResponse> {
    // Already opted out: the running checkouts were told then, and every send re-reads the store
    // anyway. A repeated (or replayed) public link must not cost a visibility list and N signals.
    const before = await this.store?.get(customerId);
    if (before?.optedOut) return { ...before, customerId, checkoutsUpdated: 0 };
    const stored = this.store ? await this.store.optOut(customerId, source) : undefined;
    const preferences = stored ? preferencesOf(stored) : { optedOut: true };
    const told = await this.tellRunningCheckouts(customerId, preferences, alsoWorkflowId);
    return { customerId, ...(stored ?? preferences), checkoutsUpdated: told.length };
  }

  /** What a new checkout starts with; undefined when none are stored or the store cannot say. */
  async forNewCheckout(customerId: string): Promise<CustomerPreferences | undefined> {
    if (!this.store) return undefined;
    try {
      const stored = await this.store.get(customerId);
      return stored && preferencesOf(stored);
    } catch (err) {
      // The checkout must not be lost over this: every send re-reads consent from the store anyway.
      this.logger.warn(`preferences of ${customerId} unreadable, starting without: ${String(err)}`);
      return undefined;
    }
  }

  /**
   * The analytics' `unsubscribed` record, one per checkout the opt-out stopped, as the unsubscribe
   * link writes one for its checkout (same id: a checkout is unsubscribed once). Best effort: the
   * opt-out is stored and told, a missing record must not undo it (logged by the recorder).
   */
  private async recordUnsubscribed(customerId: string, workflowIds: string[], source: 'api'): Promise<void> {
    const at = new Date().toISOString();
    await this.events.recordBestEffort(
      workflowIds
        .filter((id) => id.startsWith(WORKFLOW_ID_PREFIX))
        .map((workflowId): RecoveryEvent => {
          const checkoutId = workflowId.slice(WORKFLOW_ID_PREFIX.length);
          return { id: `${checkoutId}:unsubscribed`, checkoutId, customerId, at, type: 'unsubscribed', source };
        }),
    );
  }

  /**
   * The workflow ids of the running checkouts told. `alsoWorkflowId`: a checkout known to be the
   * customer's, told even if visibility lags.
   */
  private async tellRunningCheckouts(
    customerId: string,
    preferences: CustomerPreferences,
    alsoWorkflowId?: string,
  ): Promise<string[]> {
    const workflowIds = new Set(alsoWorkflowId ? [alsoWorkflowId] : []);
    for await (const info of runningCheckoutsOf(this.client, customerId)) workflowIds.add(info.workflowId);
    const signals = [...workflowIds].map((workflowId) =>
      this.client.workflow
        .getHandle(workflowId)
        .signal(preferencesSignal, { preferences })
        .then(() => workflowId)
        .catch((err: unknown) => {
          if (err instanceof WorkflowNotFoundError) return undefined; // closed meanwhile: nothing to tell
          throw err;
        }),
    );
    return (await Promise.all(signals)).filter((id): id is string => id !== undefined);
  }

  private requireStore(): PreferenceStore {
    if (!this.store) {
      throw new ServiceUnavailableException(
        'customer preferences need a database: set DATABASE_URL (npm start provides one embedded)',
      );
    }
    return this.store;
  }
}
