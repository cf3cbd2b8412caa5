Object.defineProperty(exports, '__esModule', { value: true });
exports.dailyCsv = exports.funnelCsv = exports.toCsv = void 0;
exports.summaryCsv = summaryCsv;
function cell(value) {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  // A text cell a spreadsheet would run as a formula is quoted as text.
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
const toCsv = (header, rows) => `${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
exports.toCsv = toCsv;
/** One row per figure: section, key (step, channel, reason, group), metric, value. */
function summaryCsv(s) {
  const rows = [];
  for (const metric of ['checkouts', 'reminded', 'clicked', 'recovered', 'recoveryRate', 'recoveredRevenue'])
    rows.push(['total', '', metric, s[metric]]);
  rows.push(['total', '', 'currency', s.currency]);
  rows.push(
    ['total', '', 'clickRecovered', s.clickRecovered],
    ['total', '', 'clickRecoveredRevenue', s.clickRecoveredRevenue],
  );
  for (const r of s.revenueByCurrency) {
    rows.push(['currency', r.currency, 'recoveredRevenue', r.recoveredRevenue]);
    rows.push(['currency', r.currency, 'incrementalRevenue', r.incrementalRevenue]);
  }
  for (const r of s.byStep)
    for (const m of ['sent', 'clicked', 'recovered', 'revenue']) rows.push(['step', r.step, m, r[m]]);
  for (const r of s.byChannel)
    for (const m of ['sent', 'clicked', 'recovered', 'revenue']) rows.push(['channel', r.channel, m, r[m]]);
  for (const r of s.byReason) for (const m of ['checkouts', 'recovered']) rows.push(['reason', r.reason, m, r[m]]);
  const h = s.holdout;
  for (const g of ['treated', 'control'])
    for (const m of ['checkouts', 'ordered', 'rate']) rows.push(['holdout', g, m, h[g][m]]);
  rows.push(
    ['holdout', '', 'lift', h.lift],
    ['holdout', '', 'liftLow', h.liftCI?.[0]],
    ['holdout', '', 'liftHigh', h.liftCI?.[1]],
  );
  rows.push(['holdout', '', 'incrementalRevenue', h.incrementalRevenue], ['holdout', '', 'verdict', h.verdict]);
  return (0, exports.toCsv)(['section', 'key', 'metric', 'value'], rows);
}
const funnelCsv = (f) =>
  (0, exports.toCsv)(
    ['step', 'checkouts', 'dropOff', 'dropOffRate'],
    f.steps.map((s) => [s.step, s.checkouts, s.dropOff, s.dropOffRate]),
  );
exports.funnelCsv = funnelCsv;
const dailyCsv = (d) =>
  (0, exports.toCsv)(
    [
      'day',
      'checkouts',
      'reminded',
      'clicked',
      'recovered',
      'recoveredRevenue',
      'currency',
      'treatedCheckouts',
      'treatedOrdered',
      'controlCheckouts',
      'controlOrdered',
    ],
    d.days.map((r) => [
      r.day,
      r.checkouts,
      r.reminded,
      r.clicked,
      r.recovered,
      r.recoveredRevenue,
      d.currency,
      r.treated.checkouts,
      r.treated.ordered,
      r.control.checkouts,
      r.control.ordered,
    ]),
  );
exports.dailyCsv = dailyCsv;
//# sourceMappingURL=csv.js.map
