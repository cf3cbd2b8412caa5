Object.defineProperty(exports, '__esModule', { value: true });
exports.MAX_RANGE_DAYS = exports.DEFAULT_RANGE_DAYS = void 0;
exports.resolveRange = resolveRange;
// A query's date range as the cohort's bounds, checked: 400 naming the field when it makes no sense.
const invalid_fields_exception_1 = require('../validation/invalid-fields.exception');
const DAY_MS = 86_400_000;
exports.DEFAULT_RANGE_DAYS = 30;
/** Longer ranges are a report, not a dashboard: ask for them in pieces. */
exports.MAX_RANGE_DAYS = 366;
const isDate = (s) => /^\d{4}-\d{2}-\d{2}$/.test(s);
function parse(field, raw, endOfDay) {
  const ms = Date.parse(isDate(raw) ? `${raw}T00:00:00Z` : raw);
  if (Number.isNaN(ms))
    throw new invalid_fields_exception_1.InvalidFieldsException([{ field, reason: 'is not a real date' }], 'query');
  return new Date(isDate(raw) && endOfDay ? ms + DAY_MS : ms);
}
function resolveRange(query, now = new Date()) {
  const to = query.to !== undefined ? parse('to', query.to, true) : now;
  const from =
    query.from !== undefined
      ? parse('from', query.from, false)
      : new Date(to.getTime() - exports.DEFAULT_RANGE_DAYS * DAY_MS);
  if (from.getTime() >= to.getTime())
    throw new invalid_fields_exception_1.InvalidFieldsException(
      [{ field: 'to', reason: 'must be after from' }],
      'query',
    );
  if (to.getTime() - from.getTime() > exports.MAX_RANGE_DAYS * DAY_MS)
    throw new invalid_fields_exception_1.InvalidFieldsException(
      [{ field: 'from', reason: `must be at most ${exports.MAX_RANGE_DAYS} days before to` }],
      'query',
    );
  return { from, to };
}
//# sourceMappingURL=range.js.map
