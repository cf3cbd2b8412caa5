// The API's Prometheus metrics (prom-client): HTTP requests by route and status, what the API did
// to checkouts, and Node's process metrics. One registry per app, so tests can run several apps.
import { Injectable } from '@nestjs/common';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { LinkPurpose, LinkRejection } from '../../shared/link-token';

/** Names as exported; dashboards and alerts depend on them: docs/metrics.md lists each one. */
export const API_METRICS = {
  httpRequests: 'checkout_recovery_http_requests_total',
  httpDuration: 'checkout_recovery_http_request_duration_seconds',
  checkoutsStarted: 'checkout_recovery_checkouts_started_total',
  ordersRecorded: 'checkout_recovery_orders_recorded_total',
  activitySignals: 'checkout_recovery_activity_signals_total',
  unsubscribes: 'checkout_recovery_unsubscribes_total',
  resumeClicks: 'checkout_recovery_resume_clicks_total',
  linkRejections: 'checkout_recovery_link_rejections_total',
} as const;

// API calls are a Temporal round trip: milliseconds, up to the 10 s of an update waiting for a worker.
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** `route` is the matched route's pattern (`/checkouts/:id`), never the raw path: ids would explode the series. */
export const UNMATCHED_ROUTE = 'unmatched';

/** Why a link was refused: its token's verdict, or a resume target outside SHOP_ORIGINS. */
export type LinkRefusal = LinkRejection | 'foreign-origin';

/** `stopped`: running checkouts were told to stop; `none_running`: only the opt-out was stored. */
export type UnsubscribeResult = 'stopped' | 'none_running';

@Injectable()
export class ApiMetrics {
  readonly registry = new Registry();
  private readonly httpRequests = this.counter(API_METRICS.httpRequests, 'HTTP requests answered', [
    'method',
    'route',
    'status',
  ]);
  private readonly httpDuration = new Histogram({
    name: API_METRICS.httpDuration,
    help: 'Time to answer an HTTP request',
    labelNames: ['method', 'route', 'status'],
    buckets: HTTP_BUCKETS,
    registers: [this.registry],
  });
  private readonly checkoutsStarted = this.counter(
    API_METRICS.checkoutsStarted,
    'POST /checkouts (and the legacy route) by result: created a workflow, or found an existing one',
    ['result'],
  );
  private readonly ordersRecorded = this.counter(
    API_METRICS.ordersRecorded,
    "Orders signalled, by the checkout's state afterwards",
    ['checkout_state'],
  );
  private readonly activitySignals = this.counter(API_METRICS.activitySignals, 'Shopper activity signals sent');
  private readonly unsubscribes = this.counter(
    API_METRICS.unsubscribes,
    'Unsubscribes through a valid link, by result',
    ['result'],
  );
  private readonly resumeClicks = this.counter(
    API_METRICS.resumeClicks,
    "Valid resume links followed, by the reminder's step",
    ['step'],
  );
  private readonly linkRejections = this.counter(
    API_METRICS.linkRejections,
    'Links from emails refused (tampered, malformed, wrong purpose, expired, target outside SHOP_ORIGINS)',
    ['purpose', 'reason'],
  );

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  httpRequest(method: string, route: string, status: number, seconds: number): void {
    const labels = { method, route, status: String(status) };
    this.httpRequests.inc(labels);
    this.httpDuration.observe(labels, seconds);
  }

  checkoutStarted(created: boolean): void {
    this.checkoutsStarted.inc({ result: created ? 'created' : 'existing' });
  }

  orderRecorded(checkoutState: string): void {
    this.ordersRecorded.inc({ checkout_state: checkoutState });
  }

  activitySignal(): void {
    this.activitySignals.inc();
  }

  unsubscribed(result: UnsubscribeResult): void {
    this.unsubscribes.inc({ result });
  }

  resumeClicked(step: number): void {
    this.resumeClicks.inc({ step: String(step) });
  }

  linkRejected(purpose: LinkPurpose, reason: LinkRefusal): void {
    this.linkRejections.inc({ purpose, reason });
  }

  private counter<L extends string = never>(name: string, help: string, labelNames: L[] = []): Counter<L> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }
}
