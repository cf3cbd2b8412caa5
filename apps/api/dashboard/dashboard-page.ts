// The dashboard as one server-rendered HTML page: figures, ECharts SVG charts (each with an
// accessible label and its table), the date range form, and the recent recoveries. No script.
import type { RecentRecovery } from '../../../storage/analytics-store';
import type { Daily, Funnel, Summary } from '../analytics/summary';
import { escapeHtml } from '../http/html-page';
import { categoryChart, funnelChart } from './charts';

export interface DashboardData {
  summary: Summary;
  funnel: Funnel;
  daily: Daily;
  recent: RecentRecovery[];
  /** The range as the form shows it (YYYY-MM-DD, `to` inclusive). */
  form: { from: string; to: string };
  temporalUiUrl: string;
  namespace: string;
  /** A bad range the page fell back from, in words. */
  rangeError?: string;
  signedIn: boolean;
}

const STYLE = `*{box-sizing:border-box}
body{font-family:system-ui,sans-serif;margin:0;color:#1f2937;background:#f5f6f8;line-height:1.45}
header{background:#fff;border-bottom:1px solid #e3e5ea;padding:.75rem 1rem}
.bar{max-width:1200px;margin:0 auto;display:flex;flex-wrap:wrap;gap:.75rem 1.5rem;align-items:end;justify-content:space-between}
h1{font-size:1.25rem;margin:0}
h2{font-size:1rem;margin:0 0 .5rem}
form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin:0}
label{display:flex;flex-direction:column;font-size:.8rem;color:#4b5563}
input,button{font:inherit;padding:.35rem .5rem;border:1px solid #c7cad1;border-radius:6px;background:#fff}
button{cursor:pointer;background:#3559c7;color:#fff;border-color:#3559c7}
button.plain{background:#fff;color:#3559c7}
main{max-width:1200px;margin:0 auto;padding:1rem;display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(min(100%,480px),1fr))}
section{background:#fff;border:1px solid #e3e5ea;border-radius:8px;padding:1rem;min-width:0}
.wide{grid-column:1/-1}
.kpis{display:grid;gap:.75rem;grid-template-columns:repeat(auto-fit,minmax(min(100%,160px),1fr))}
.kpi{border:1px solid #e3e5ea;border-radius:8px;padding:.6rem .75rem;background:#fafbfc}
.kpi b{display:block;font-size:1.35rem}
.kpi span{font-size:.8rem;color:#4b5563}
.chart svg{display:block;width:100%;height:auto}
.note{font-size:.875rem;color:#4b5563;margin:.5rem 0 0}
.error{color:#b91c1c}
.table{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.85rem}
th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #e3e5ea;white-space:nowrap}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
details{margin-top:.5rem}
summary{cursor:pointer;font-size:.85rem;color:#3559c7}
a{color:#3559c7}`;

const pct = (r: number) => `${(Math.round(r * 1000) / 10).toFixed(1)}%`;
const pp = (r: number) => `${r >= 0 ? '+' : '−'}${(Math.abs(Math.round(r * 1000)) / 10).toFixed(1)} pp`;

function money(amount: number | null, currency: string | null): string {
  if (amount === null || currency === null) return '—';
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}

type Cell = string | number;

/** A table; numbers right-aligned. Every cell is escaped here. */
function table(caption: string, head: string[], rows: Cell[][]): string {
  const th = head.map((h, i) => `<th scope="col"${i > 0 ? ' class="n"' : ''}>${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map(
      (r) =>
        `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${escapeHtml(String(c))}</th>` : `<td class="n">${escapeHtml(String(c))}</td>`)).join('')}</tr>`,
    )
    .join('\n');
  return `<div class="table"><table><caption class="note">${escapeHtml(caption)}</caption><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/** A chart with its accessible label (the figures in words) and the same figures as a table. */
function chartSection(id: string, title: string, label: string, svg: string, fallback: string, extra = ''): string {
  return `<section class="chart" id="${id}" aria-labelledby="${id}-h">
<h2 id="${id}-h">${escapeHtml(title)}</h2>
<div role="img" aria-label="${escapeHtml(label)}">${svg}</div>${extra}
<details><summary>Show the figures as a table</summary>${fallback}</details>
</section>`;
}

function kpis(s: Summary): string {
  const h = s.holdout;
  const lift = h.lift === null || h.liftCI === null ? 'not enough data yet' : pp(h.lift);
  const liftNote =
    h.liftCI === null
      ? 'lift over the holdout'
      : `lift over the holdout, 95% CI ${pp(h.liftCI[0])} to ${pp(h.liftCI[1])}`;
  const cards: Array<[string, string]> = [
    [String(s.checkouts), 'checkouts started'],
    [String(s.reminded), 'reminded'],
    [String(s.recovered), 'recovered after a reminder'],
    [pct(s.recoveryRate), 'recovery rate (treated)'],
    [money(s.recoveredRevenue, s.currency), 'recovered revenue'],
    [String(s.clickRecovered), 'ordered after a link click'],
    [lift, liftNote],
  ];
  const others = s.revenueByCurrency.filter((r) => r.currency !== s.currency && r.recoveredRevenue > 0);
  const note =
    others.length > 0
      ? `<p class="note">Also recovered: ${others.map((r) => escapeHtml(money(r.recoveredRevenue, r.currency))).join(', ')} (amounts are never added across currencies).</p>`
      : '';
  return `<section class="wide" aria-label="Key figures"><div class="kpis">${cards
    .map(([v, l]) => `<div class="kpi"><b>${escapeHtml(v)}</b><span>${escapeHtml(l)}</span></div>`)
    .join('')}</div>${note}</section>`;
}

function overTime(d: Daily): string {
  const days = d.days.map((x) => x.day);
  const svg = categoryChart(days, [
    { name: 'Reminded', values: d.days.map((x) => x.reminded) },
    { name: 'Recovered', values: d.days.map((x) => x.recovered) },
  ]);
  const label = `Recovery over time. ${d.days.map((x) => `${x.day}: ${x.recovered} recovered of ${x.reminded} reminded, ${x.checkouts} checkouts`).join('; ') || 'No checkouts in this range.'}`;
  const rows = d.days.map((x) => [x.day, x.checkouts, x.reminded, x.recovered, money(x.recoveredRevenue, d.currency)]);
  return chartSection(
    'over-time',
    'Recovery over time',
    label,
    svg,
    table('Per day the checkouts started (UTC)', ['Day', 'Checkouts', 'Reminded', 'Recovered', 'Revenue'], rows),
  );
}

function byStep(s: Summary): string {
  const names = s.byStep.map((r) => `Reminder ${r.step}`);
  const svg = categoryChart(names, [
    { name: 'Sent', values: s.byStep.map((r) => r.sent) },
    { name: 'Clicked', values: s.byStep.map((r) => r.clicked) },
    { name: 'Recovered', values: s.byStep.map((r) => r.recovered) },
  ]);
  const label = `Recovery by reminder step. ${s.byStep.map((r) => `Reminder ${r.step}: ${r.sent} sent, ${r.clicked} clicked, ${r.recovered} recovered`).join('; ') || 'No reminders sent.'}`;
  const rows = s.byStep.map((r) => [
    `Reminder ${r.step}`,
    r.sent,
    r.clicked,
    r.recovered,
    money(r.revenue, s.currency),
  ]);
  return chartSection(
    'by-step',
    'Recovery by step',
    label,
    svg,
    table('Credited to the last reminder before the order', ['Step', 'Sent', 'Clicked', 'Recovered', 'Revenue'], rows),
  );
}

function byChannel(s: Summary): string {
  const svg = categoryChart(
    s.byChannel.map((r) => r.channel),
    [
      { name: 'Sent', values: s.byChannel.map((r) => r.sent) },
      { name: 'Recovered', values: s.byChannel.map((r) => r.recovered) },
    ],
  );
  const label = `Recovery by channel. ${s.byChannel.map((r) => `${r.channel}: ${r.sent} sent, ${r.recovered} recovered`).join('; ') || 'No reminders sent.'}`;
  const rows = s.byChannel.map((r) => [r.channel, r.sent, r.clicked, r.recovered, money(r.revenue, s.currency)]);
  return chartSection(
    'by-channel',
    'Recovery by channel',
    label,
    svg,
    table(
      'The channel that delivered the credited reminder',
      ['Channel', 'Sent', 'Clicked', 'Recovered', 'Revenue'],
      rows,
    ),
  );
}

function byReason(s: Summary): string {
  const svg = categoryChart(
    s.byReason.map((r) => r.reason.replace(/_/g, ' ')),
    [
      { name: 'Checkouts', values: s.byReason.map((r) => r.checkouts) },
      { name: 'Recovered', values: s.byReason.map((r) => r.recovered) },
    ],
  );
  const label = `Recovery by abandonment reason. ${s.byReason.map((r) => `${r.reason.replace(/_/g, ' ')}: ${r.recovered} recovered of ${r.checkouts}`).join('; ') || 'No checkouts.'}`;
  const rows = s.byReason.map((r) => [r.reason.replace(/_/g, ' '), r.checkouts, r.recovered]);
  return chartSection(
    'by-reason',
    'Recovery by abandonment reason',
    label,
    svg,
    table('Treated checkouts', ['Reason', 'Checkouts', 'Recovered'], rows),
  );
}

function funnel(f: Funnel): string {
  const svg = funnelChart(f.steps.map((s) => ({ name: s.step, value: s.checkouts })));
  const label = `Checkout funnel of ${f.checkouts} checkouts. ${f.steps.map((s) => `${s.step}: ${s.checkouts}`).join('; ')}`;
  const rows = f.steps.map((s) => [s.step, s.checkouts, s.dropOff, pct(s.dropOffRate)]);
  return chartSection(
    'funnel',
    'Funnel',
    label,
    svg,
    table('Checkouts that reached each step or a later one', ['Step', 'Reached', 'Dropped', 'Drop-off'], rows),
  );
}

function holdout(s: Summary): string {
  const h = s.holdout;
  const svg = categoryChart(['Treated', 'Holdout'], [{ name: 'Ordered', values: [h.treated.rate, h.control.rate] }], {
    percent: true,
  });
  const verdict =
    h.lift === null || h.liftCI === null
      ? `Not enough data yet: each group needs at least ${h.minSample} checkouts.`
      : `Lift ${pp(h.lift)} (95% CI ${pp(h.liftCI[0])} to ${pp(h.liftCI[1])}, Newcombe): ${h.verdict}.` +
        (h.incrementalRevenue !== null ? ` Incremental revenue ${money(h.incrementalRevenue, s.currency)}.` : '');
  const label = `Holdout comparison. Treated: ${h.treated.ordered} of ${h.treated.checkouts} ordered (${pct(h.treated.rate)}). Holdout: ${h.control.ordered} of ${h.control.checkouts} ordered (${pct(h.control.rate)}). ${verdict}`;
  const rows = [
    ['Treated', h.treated.checkouts, h.treated.ordered, pct(h.treated.rate)],
    ['Holdout', h.control.checkouts, h.control.ordered, pct(h.control.rate)],
  ];
  return chartSection(
    'holdout',
    'Holdout comparison',
    label,
    svg,
    table('Every order of each group, before or after reminders', ['Group', 'Checkouts', 'Ordered', 'Rate'], rows),
    `<p class="note" id="verdict">${escapeHtml(verdict)}</p>`,
  );
}

function temporalLink(d: DashboardData, customerId: string): string {
  const query = encodeURIComponent(`CustomerId="${customerId}"`);
  return `${d.temporalUiUrl}/namespaces/${encodeURIComponent(d.namespace)}/workflows?query=${query}`;
}

function recent(d: DashboardData): string {
  const rows = d.recent
    .map(
      (r) => `<tr><th scope="row">${escapeHtml(r.orderedAt.replace('T', ' ').replace('Z', ''))}</th>
<td>${escapeHtml(r.checkoutId)}</td>
<td><a href="${escapeHtml(temporalLink(d, r.customerId))}">${escapeHtml(r.customerId)}</a></td>
<td class="n">${escapeHtml(money(r.revenue, r.currency))}</td><td class="n">${r.step}</td><td>${escapeHtml(r.channel)}</td>
<td>${r.clicked ? 'yes' : 'no'}</td></tr>`,
    )
    .join('\n');
  const body =
    d.recent.length === 0
      ? '<p class="note">No recoveries in this range yet.</p>'
      : `<div class="table"><table><thead><tr><th scope="col">Ordered (UTC)</th><th scope="col">Checkout</th><th scope="col">Customer (Temporal UI)</th><th scope="col" class="n">Revenue</th><th scope="col" class="n">Step</th><th scope="col">Channel</th><th scope="col">Link clicked</th></tr></thead><tbody>${rows}</tbody></table></div>`;
  return `<section class="wide" id="recent" aria-labelledby="recent-h"><h2 id="recent-h">Recent recoveries</h2>${body}</section>`;
}

export function dashboardPage(d: DashboardData): string {
  const s = d.summary;
  const signOut = d.signedIn
    ? '<form method="post" action="/dashboard/sign-out"><button class="plain" type="submit">Sign out</button></form>'
    : '';
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Checkout recovery dashboard</title>
<style>${STYLE}</style></head>
<body>
<header><div class="bar"><h1>Checkout recovery</h1>
<form method="get" action="/dashboard" aria-label="Date range">
<label>From<input type="date" name="from" value="${escapeHtml(d.form.from)}" required></label>
<label>To<input type="date" name="to" value="${escapeHtml(d.form.to)}" required></label>
<button type="submit">Show</button></form>${signOut}</div>
${d.rangeError ? `<p class="note error bar" role="alert">${escapeHtml(d.rangeError)}</p>` : ''}</header>
<main>
${kpis(s)}
${overTime(d.daily)}
${holdout(s)}
${byStep(s)}
${byChannel(s)}
${byReason(s)}
${funnel(d.funnel)}
${recent(d)}
<p class="note wide">Checkouts started from ${escapeHtml(d.form.from)} to ${escapeHtml(d.form.to)} (UTC). Recovered: ordered within ${escapeHtml(s.attributionWindow)} after a reminder, credited to the last one before the order; orders after a link click are counted beside, never added. Amounts in ${escapeHtml(s.currency ?? '—')}.</p>
</main>
</body>
</html>
`;
}

export function signInPage(error?: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Sign in: checkout recovery dashboard</title>
<style>${STYLE}
main{display:block;max-width:26rem;margin:3rem auto}</style></head>
<body><main><section>
<h1>Sign in</h1>
<p class="note">The dashboard needs the API key (API_KEY).</p>
${error ? `<p class="note error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/dashboard/sign-in">
<label>API key<input type="password" name="key" autocomplete="current-password" required></label>
<button type="submit">Sign in</button>
</form></section></main></body></html>
`;
}
