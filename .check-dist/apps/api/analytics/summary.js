Object.defineProperty(exports, '__esModule', { value: true });
exports.FUNNEL_STAGES = exports.NOT_ENOUGH_DATA = void 0;
exports.reportCurrency = reportCurrency;
exports.holdoutComparison = holdoutComparison;
exports.buildSummary = buildSummary;
exports.buildFunnel = buildFunnel;
exports.buildDaily = buildDaily;
const lift_1 = require('./lift');
exports.NOT_ENOUGH_DATA = 'not enough data yet';
const sum = (rows, f) => rows.reduce((n, r) => n + f(r), 0);
const rate = (x, n) => (n === 0 ? 0 : x / n);
const money = (n) => Math.round(n * 100) / 100;
/** The currency with the most checkouts (ties: alphabetical), unless one was asked for. */
function reportCurrency(totals, asked) {
  if (asked) return asked;
  const counts = new Map();
  for (const t of totals) counts.set(t.currency, (counts.get(t.currency) ?? 0) + t.checkouts);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}
function holdoutComparison(totals, currency, minSample) {
  const group = (holdout) => {
    const rows = totals.filter((t) => t.holdout === holdout);
    const checkouts = sum(rows, (t) => t.checkouts);
    const ordered = sum(rows, (t) => t.ordered);
    return { checkouts, ordered, rate: rate(ordered, checkouts) };
  };
  const treated = group(false);
  const control = group(true);
  const base = { treated, control, minSample };
  if (treated.checkouts < minSample || control.checkouts < minSample) {
    return {
      ...base,
      lift: null,
      relativeLift: null,
      liftCI: null,
      incrementalRevenue: null,
      verdict: exports.NOT_ENOUGH_DATA,
    };
  }
  const d = (0, lift_1.newcombeDifference)(treated.ordered, treated.checkouts, control.ordered, control.checkouts);
  return {
    ...base,
    lift: d.difference,
    relativeLift: control.rate > 0 ? d.difference / control.rate : null,
    liftCI: [d.low, d.high],
    incrementalRevenue: currency === null ? null : incrementalRevenue(totals, currency),
    verdict: d.low > 0 ? 'lift' : d.high < 0 ? 'negative lift' : 'no measurable lift',
  };
}
/** (Revenue per treated checkout − per control checkout) × treated checkouts, in one currency. */
function incrementalRevenue(totals, currency) {
  const t = totals.find((r) => !r.holdout && r.currency === currency);
  const c = totals.find((r) => r.holdout && r.currency === currency);
  if (!t || !c || t.checkouts === 0 || c.checkouts === 0) return null;
  return money((t.orderRevenue / t.checkouts - c.orderRevenue / c.checkouts) * t.checkouts);
}
function credit(rows, currency, name) {
  const keys = [...new Set(rows.map((r) => r.key))];
  return keys.map((key) => {
    const mine = rows.filter((r) => r.key === key);
    return {
      [name]: key,
      sent: sum(mine, (r) => r.sent),
      clicked: sum(mine, (r) => r.clicked),
      recovered: sum(mine, (r) => r.recovered),
      revenue: money(
        sum(
          mine.filter((r) => r.currency === currency),
          (r) => r.revenue,
        ),
      ),
    };
  });
}
function buildSummary(p) {
  const treated = p.totals.filter((t) => !t.holdout);
  const currency = reportCurrency(p.totals, p.askedCurrency);
  const inCurrency = treated.filter((t) => t.currency === currency);
  const currencies = [...new Set(p.totals.map((t) => t.currency))].sort();
  const treatedCheckouts = sum(treated, (t) => t.checkouts);
  const recovered = sum(treated, (t) => t.recovered);
  return {
    from: p.range.from.toISOString(),
    to: p.range.to.toISOString(),
    attributionWindow: p.attributionWindow,
    checkouts: sum(p.totals, (t) => t.checkouts),
    reminded: sum(treated, (t) => t.reminded),
    clicked: sum(treated, (t) => t.clicked),
    recovered,
    recoveryRate: rate(recovered, treatedCheckouts),
    recoveredRevenue: money(sum(inCurrency, (t) => t.recoveredRevenue)),
    currency,
    clickRecovered: sum(treated, (t) => t.clickRecovered),
    clickRecoveredRevenue: money(sum(inCurrency, (t) => t.clickRecoveredRevenue)),
    revenueByCurrency: currencies.map((c) => {
      const mine = treated.filter((t) => t.currency === c);
      return {
        currency: c,
        recoveredRevenue: money(sum(mine, (t) => t.recoveredRevenue)),
        clickRecoveredRevenue: money(sum(mine, (t) => t.clickRecoveredRevenue)),
        incrementalRevenue: holdoutComparison(
          p.totals.filter((t) => t.currency === c),
          c,
          p.minSample,
        ).incrementalRevenue,
      };
    }),
    byStep: credit(p.steps, currency, 'step')
      .map(({ step, ...rest }) => ({ step: Number(step), ...rest }))
      .sort((a, b) => a.step - b.step),
    byChannel: credit(p.channels, currency, 'channel'),
    byReason: p.reasons,
    holdout: holdoutComparison(p.totals, currency, p.minSample),
  };
}
exports.FUNNEL_STAGES = ['contact', 'address', 'shipping', 'payment', 'ordered'];
/** Checkouts that reached each stage (or a later one), and how many the stage lost from the one before. */
function buildFunnel(range, stages) {
  const total = sum(stages, (s) => s.checkouts);
  let previous = total;
  const steps = exports.FUNNEL_STAGES.map((step, i) => {
    const reached = sum(
      stages.filter((s) => s.stage >= i + 1),
      (s) => s.checkouts,
    );
    const dropOff = previous - reached;
    const row = { step, checkouts: reached, dropOff, dropOffRate: rate(dropOff, previous) };
    previous = reached;
    return row;
  });
  return { from: range.from.toISOString(), to: range.to.toISOString(), checkouts: total, steps };
}
function buildDaily(range, rows, askedCurrency) {
  const currency = reportCurrency(rows, askedCurrency);
  const days = [...new Set(rows.map((r) => r.day))].sort();
  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    currency,
    days: days.map((day) => {
      const mine = rows.filter((r) => r.day === day);
      const treated = mine.filter((r) => !r.holdout);
      const group = (rs) => {
        const checkouts = sum(rs, (r) => r.checkouts);
        const ordered = sum(rs, (r) => r.ordered);
        return { checkouts, ordered, rate: rate(ordered, checkouts) };
      };
      return {
        day,
        checkouts: sum(mine, (r) => r.checkouts),
        reminded: sum(treated, (r) => r.reminded),
        clicked: sum(treated, (r) => r.clicked),
        recovered: sum(treated, (r) => r.recovered),
        recoveredRevenue: money(
          sum(
            treated.filter((r) => r.currency === currency),
            (r) => r.recoveredRevenue,
          ),
        ),
        treated: group(treated),
        control: group(mine.filter((r) => r.holdout)),
      };
    }),
  };
}
//# sourceMappingURL=summary.js.map
