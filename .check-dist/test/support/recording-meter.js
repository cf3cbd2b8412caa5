Object.defineProperty(exports, '__esModule', { value: true });
exports.RecordingMeter = void 0;
class RecordingMeter {
  tags;
  recorded;
  constructor(tags = {}, recorded = []) {
    this.tags = tags;
    this.recorded = recorded;
  }
  createCounter(name, unit, description) {
    const add = (value, extra = {}) => this.record(name, 'counter', value, extra);
    return { name, unit, description, kind: 'counter', valueType: 'int', add, withTags: () => this.unsupported() };
  }
  createHistogram(name, valueType = 'int', unit, description) {
    const record = (value, extra = {}) => this.record(name, 'histogram', value, extra);
    return { name, unit, description, kind: 'histogram', valueType, record, withTags: () => this.unsupported() };
  }
  createGauge(name, valueType = 'int', unit, description) {
    const set = (value, extra = {}) => this.record(name, 'gauge', value, extra);
    return { name, unit, description, kind: 'gauge', valueType, set, withTags: () => this.unsupported() };
  }
  withTags(tags) {
    return new RecordingMeter({ ...this.tags, ...tags }, this.recorded);
  }
  /** Counter increments named `name` (summed) whose tags include `tags`. */
  count(name, tags = {}) {
    return this.matching(name, 'counter', tags).reduce((sum, r) => sum + r.value, 0);
  }
  /** Histogram observations named `name` whose tags include `tags`. */
  observations(name, tags = {}) {
    return this.matching(name, 'histogram', tags).map((r) => r.value);
  }
  matching(name, kind, tags) {
    return this.recorded.filter(
      (r) => r.name === name && r.kind === kind && Object.entries(tags).every(([k, v]) => r.tags[k] === v),
    );
  }
  record(name, kind, value, extra) {
    this.recorded.push({ name, kind, value, tags: { ...this.tags, ...extra } });
  }
  unsupported() {
    throw new Error('withTags on an instrument is not used by this project');
  }
}
exports.RecordingMeter = RecordingMeter;
//# sourceMappingURL=recording-meter.js.map
