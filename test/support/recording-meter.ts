// A MetricMeter that keeps what was recorded, for asserting on metrics without a Runtime.
import type {
  MetricCounter,
  MetricGauge,
  MetricHistogram,
  MetricMeter,
  MetricTags,
  NumericMetricValueType,
} from '@temporalio/common';

export interface Recorded {
  name: string;
  kind: 'counter' | 'histogram' | 'gauge';
  value: number;
  tags: MetricTags;
}

export class RecordingMeter implements MetricMeter {
  constructor(
    private readonly tags: MetricTags = {},
    readonly recorded: Recorded[] = [],
  ) {}

  createCounter(name: string, unit?: string, description?: string): MetricCounter {
    const add = (value: number, extra: MetricTags = {}) => this.record(name, 'counter', value, extra);
    return { name, unit, description, kind: 'counter', valueType: 'int', add, withTags: () => this.unsupported() };
  }

  createHistogram(
    name: string,
    valueType: NumericMetricValueType = 'int',
    unit?: string,
    description?: string,
  ): MetricHistogram {
    const record = (value: number, extra: MetricTags = {}) => this.record(name, 'histogram', value, extra);
    return { name, unit, description, kind: 'histogram', valueType, record, withTags: () => this.unsupported() };
  }

  createGauge(
    name: string,
    valueType: NumericMetricValueType = 'int',
    unit?: string,
    description?: string,
  ): MetricGauge {
    const set = (value: number, extra: MetricTags = {}) => this.record(name, 'gauge', value, extra);
    return { name, unit, description, kind: 'gauge', valueType, set, withTags: () => this.unsupported() };
  }

  withTags(tags: MetricTags): MetricMeter {
    return new RecordingMeter({ ...this.tags, ...tags }, this.recorded);
  }

  /** Counter increments named `name` (summed) whose tags include `tags`. */
  count(name: string, tags: MetricTags = {}): number {
    return this.matching(name, 'counter', tags).reduce((sum, r) => sum + r.value, 0);
  }

  /** Histogram observations named `name` whose tags include `tags`. */
  observations(name: string, tags: MetricTags = {}): number[] {
    return this.matching(name, 'histogram', tags).map((r) => r.value);
  }

  private matching(name: string, kind: Recorded['kind'], tags: MetricTags): Recorded[] {
    return this.recorded.filter(
      (r) => r.name === name && r.kind === kind && Object.entries(tags).every(([k, v]) => r.tags[k] === v),
    );
  }

  private record(name: string, kind: Recorded['kind'], value: number, extra: MetricTags): void {
    this.recorded.push({ name, kind, value, tags: { ...this.tags, ...extra } });
  }

  private unsupported(): never {
    throw new Error('withTags on an instrument is not used by this project');
  }
}
