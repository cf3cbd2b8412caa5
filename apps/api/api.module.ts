import { DynamicModule, Logger, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import type { Client } from '@temporalio/client';
import { addressProviderFor } from '../../checkout/address-provider-for';
import type { CustomerVault } from '../../checkout/customer-vault';
import { payloadCodecsFor } from '../../config/encryption/data-converter';
import type { AppConfig } from '../../config/env';
import type { AnalyticsStore } from '../../storage/analytics-store';
import type { CheckoutStops } from '../../storage/checkout-stops';
import type { EventStore } from '../../storage/event-store';
import type { PreferenceStore } from '../../storage/preferences-store';
import type { ShortLinks } from '../../storage/short-links';
import type { StartRecords } from '../../storage/start-records';
import { AnalyticsController, TimelineController } from './analytics/analytics.controller';
import { AnalyticsService } from './analytics/analytics.service';
import { EventRecorder } from './analytics/event-recorder';
import { ANALYTICS_STORE, EVENT_STORE, START_RECORDS } from './analytics/event-store.token';
import { APP_CONFIG } from './app-config.token';
import { CheckoutPageController } from './checkout-page/checkout-page.controller';
import { CHECKOUT_STOPS } from './checkouts/checkout-stops.token';
import { CheckoutsController } from './checkouts/checkouts.controller';
import { CheckoutsService } from './checkouts/checkouts.service';
import { CodecController } from './codec/codec.controller';
import { CodecService, PAYLOAD_CODECS } from './codec/codec.service';
import { CodecAudit } from './codec/codec-audit';
import { CodecServer } from './codec/codec-server';
import { CustomerCheckoutsController } from './customers/customer-checkouts.controller';
import { CustomerCheckoutsService } from './customers/customer-checkouts.service';
import { PREFERENCE_STORE } from './customers/preference-store.token';
import { PreferencesController } from './customers/preferences.controller';
import { PreferencesService } from './customers/preferences.service';
import { DashboardController } from './dashboard/dashboard.controller';
import { DashboardService } from './dashboard/dashboard.service';
import { HealthController } from './health/health.controller';
import { HealthService } from './health/health.service';
import { ApiExceptionFilter } from './http/api-exception.filter';
import { ApiKeyGuard } from './http/api-key.guard';
import { LegacyController } from './legacy/legacy.controller';
import { LEGACY_CHECKOUT_URL, LegacyService } from './legacy/legacy.service';
import { LinkVerifier } from './links/link-verifier';
import { ResumeController } from './links/resume.controller';
import { ResumeService } from './links/resume.service';
import { SHORT_LINKS } from './links/short-links.token';
import { ApiMetrics } from './metrics/api-metrics';
import { MetricsServer } from './metrics/metrics-server';
import { OrdersController } from './orders/orders.controller';
import { OrdersService } from './orders/orders.service';
import { PlaceOrderController } from './place-order/place-order.controller';
import { PlaceOrderService } from './place-order/place-order.service';
import { TemplatesController } from './templates/templates.controller';
import { temporalClientModule } from './temporal/temporal-client.module';
import { UnsubscribeController } from './unsubscribe/unsubscribe.controller';
import { UnsubscribeService } from './unsubscribe/unsubscribe.service';
import { ApiValidationPipe } from './validation/api-validation.pipe';
import { ADDRESS_PROVIDER, AutocompleteController } from './vault/autocomplete.controller';
import { VaultController } from './vault/vault.controller';
import { CUSTOMER_VAULT } from './vault/vault.token';

export interface ApiModuleOptions {
  config: AppConfig;
  client: Client;
  /** True when the app owns the client's connection and closes it on shutdown. */
  closeClientOnShutdown: boolean;
  /** LEGACY_CHECKOUT_URL, already checked: `{id}` is replaced by the legacy checkout's id. */
  legacyCheckoutUrl: string;
  /** Customer preferences; null when the API has no database (they answer 503 then). */
  preferences: PreferenceStore | null;
  /** Stop records read by the sends' claims; null without a database (the update then carries the guarantee alone). */
  stops: CheckoutStops | null;
  /** The analytics event stream; null without a database (nothing recorded, the analytics answer 503). */
  events: EventStore | null;
  /** A new checkout's record in one statement (the stores above share its database); null: through them. */
  starts: StartRecords | null;
  /** The analytics' queries over that stream (same database); null without one. */
  analytics: AnalyticsStore | null;
  /** Saved addresses and payment methods; null without a database or a vault key (503). */
  vault: CustomerVault | null;
  /** The short resume links of texts; null without a database. */
  shortLinks: ShortLinks | null;
  /** Run when the app shuts down, after the requests: the process's database pool, when it owns one. */
  closeStores?: () => Promise<void>;
}

const STORES_CLOSER = 'StoresCloser';

@Module({})
export class ApiModule {}

/** The API's root module around the caller's config and Temporal client. */
export function apiModule({
  config,
  client,
  closeClientOnShutdown,
  legacyCheckoutUrl,
  preferences,
  stops,
  events,
  starts,
  analytics,
  vault,
  shortLinks,
  closeStores,
}: ApiModuleOptions): DynamicModule {
  return {
    module: ApiModule,
    imports: [temporalClientModule(client, closeClientOnShutdown)],
    controllers: [
      CheckoutsController,
      TimelineController,
      AnalyticsController,
      DashboardController,
      OrdersController,
      CustomerCheckoutsController,
      PreferencesController,
      HealthController,
      UnsubscribeController,
      ResumeController,
      LegacyController,
      CodecController,
      TemplatesController,
      VaultController,
      PlaceOrderController,
      CheckoutPageController,
      AutocompleteController,
    ],
    providers: [
      { provide: APP_CONFIG, useValue: config },
      { provide: LEGACY_CHECKOUT_URL, useValue: legacyCheckoutUrl },
      { provide: PREFERENCE_STORE, useValue: preferences },
      { provide: CHECKOUT_STOPS, useValue: stops },
      { provide: EVENT_STORE, useValue: events },
      { provide: START_RECORDS, useValue: starts },
      { provide: ANALYTICS_STORE, useValue: analytics },
      { provide: CUSTOMER_VAULT, useValue: vault },
      { provide: SHORT_LINKS, useValue: shortLinks },
      {
        provide: ADDRESS_PROVIDER,
        useValue: addressProviderFor(config.checkout.addresses, vault, (provider, reason) =>
          new Logger('Addresses').warn(`${provider} autocomplete failed (${reason}); answered offline`),
        ),
      },
      // Nest calls the hook on every provider that has one at app.close() (SIGTERM with shutdown hooks).
      { provide: STORES_CLOSER, useValue: { onApplicationShutdown: () => closeStores?.() } },
      { provide: PAYLOAD_CODECS, useValue: payloadCodecsFor(config.encryption) },
      { provide: APP_PIPE, useClass: ApiValidationPipe },
      { provide: APP_GUARD, useClass: ApiKeyGuard },
      { provide: APP_FILTER, useClass: ApiExceptionFilter },
      EventRecorder,
      AnalyticsService,
      DashboardService,
      CheckoutsService,
      OrdersService,
      CustomerCheckoutsService,
      PreferencesService,
      HealthService,
      UnsubscribeService,
      LinkVerifier,
      ResumeService,
      LegacyService,
      ApiMetrics,
      MetricsServer,
      CodecService,
      CodecAudit,
      CodecServer,
      PlaceOrderService,
    ],
  };
}
