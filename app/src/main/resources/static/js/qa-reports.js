// QA figures by agent or team over a range of days, calls, chats or both: scores, the weekly
// trend, each rule's hit rate and the appeal turnaround against its target; QA staff put agents in
// teams. Text is set with textContent only.
function day(offset) {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return d.toISOString().slice(0, 10);
}

function params() {
  const from = document.getElementById('report-from').value;
  const to = document.getElementById('report-to').value;
  const p = new URLSearchParams();
  // The days are UTC days; 'to' is inclusive on the page, exclusive in the API.
  if (from) p.set('from', from + 'T00:00:00Z');
  if (to) {
    const end = new Date(to + 'T00:00:00Z');
    end.setUTCDate(end.getUTCDate() + 1);
    p.set('to', end.toISOString());
  }
  for (const [name, id] of [['channel', 'report-channel'], ['team', 'report-team'], ['agent', 'report-agent']]) {
    const value = document.getElementById(id).value.trim();
    if (value) p.set(name, value);
  }
  return p;
}

function percent(rate) {
  return (Math.round(rate * 1000) / 10).toLocaleString(cc.lang) + ' %';
}

async function load() {
  const error = document.getElementById('load-error');
  error.hidden = true;
  const p = params();
  const by = document.getElementById('report-by').value;
  const grouped = new URLSearchParams(p);
  grouped.set('by', by);
  document.getElementById('export-csv').href = '/api/v1/qa/reports/scores.csv?' + grouped;
  document.getElementById('scores-key').textContent =
    document.querySelector('#report-by option[value="' + by + '"]').textContent;
  try {
    const [scores, weekly, rules] = await Promise.all([
      cc.api('GET', '/api/v1/qa/reports/scores?' + grouped),
      cc.api('GET', '/api/v1/qa/reports/weekly?' + p),
      cc.api('GET', '/api/v1/qa/reports/rules?' + p),
      loadAppeals(p)
    ]);
    const body = document.querySelector('#scores tbody');
    body.replaceChildren();
    for (const g of scores) {
      const tr = document.createElement('tr');
      tr.dataset.key = g.key;
      cc.cell(tr, g.key === '' ? cc.t('js.qa-reports.none-group') : g.key);
      cc.cell(tr, cc.number(g.conversations));
      cc.cell(tr, cc.number(g.reviewed));
      cc.cell(tr, cc.number(g.meanScore));
      cc.cell(tr, cc.number(g.autoFailed));
      cc.cell(tr, cc.number(g.appealsOpened));
      cc.cell(tr, cc.number(g.appealsUpheld));
      body.append(tr);
    }
    document.getElementById('no-scores').hidden = scores.length > 0;
    // The average score per agent or team as bars; the table under the chart has the numbers.
    ccCharts.show('scores-chart', 'bar',
      scores.map(g => g.key === '' ? cc.t('js.qa-reports.none-group') : g.key),
      [{ label: cc.t('js.qa-reports.chart.mean-score'), data: scores.map(g => g.meanScore) }],
      { scales: { y: { beginAtZero: true } } });
    const weeks = document.querySelector('#weekly tbody');
    weeks.replaceChildren();
    for (const w of weekly) {
      const tr = document.createElement('tr');
      cc.cell(tr, w.week);
      cc.cell(tr, cc.number(w.conversations));
      cc.cell(tr, cc.number(w.meanScore));
      cc.cell(tr, cc.number(w.autoFailed));
      cc.cell(tr, cc.number(w.reviewed));
      weeks.append(tr);
    }
    const hits = document.querySelector('#rule-hits tbody');
    hits.replaceChildren();
    for (const r of rules) {
      const tr = document.createElement('tr');
      cc.cell(tr, r.ruleName);
      cc.cell(tr, r.section);
      cc.cell(tr, cc.number(r.conversations));
      cc.cell(tr, cc.number(r.failedConversations));
      cc.cell(tr, percent(r.hitRate));
      hits.append(tr);
    }
  } catch (e) {
    error.textContent = e.message;
    error.hidden = false;
  }
}

// The appeal turnaround covers the range only (appeals are not narrowed by channel, agent or team).
async function loadAppeals(p) {
  const range = new URLSearchParams();
  for (const name of ['from', 'to']) {
    if (p.has(name)) range.set(name, p.get(name));
  }
  const report = await cc.api('GET', '/api/v1/qa/reports/appeals?' + range);
  const hours = h => h == null ? '' : cc.number(h);
  const share = s => s == null ? '' : percent(s);
  document.getElementById('appeals-summary').textContent = cc.t('js.qa-reports.appeals-summary',
    cc.number(report.targetHours), cc.number(report.filed), cc.number(report.decided));
  const body = document.querySelector('#appeal-turnaround tbody');
  body.replaceChildren();
  const rows = report.decided > 0
    ? [{ decider: null, decided: report.decided, medianHours: report.medianHours,
         p95Hours: report.p95Hours, withinTarget: report.withinTarget }, ...report.byDecider]
    : [];
  for (const r of rows) {
    const tr = document.createElement('tr');
    if (r.decider != null) tr.dataset.decider = r.decider;
    cc.cell(tr, r.decider == null ? cc.t('js.qa-reports.appeals-all') : r.decider);
    cc.cell(tr, cc.number(r.decided));
    cc.cell(tr, hours(r.medianHours));
    cc.cell(tr, hours(r.p95Hours));
    cc.cell(tr, share(r.withinTarget));
    body.append(tr);
  }
  document.getElementById('no-appeals').hidden = rows.length > 0;
  document.getElementById('overdue-count').textContent =
    cc.t('js.qa-reports.overdue-count', cc.number(report.overdueCount));
  const overdue = document.querySelector('#overdue-appeals tbody');
  overdue.replaceChildren();
  for (const a of report.overdue) {
    const tr = document.createElement('tr');
    tr.dataset.appeal = a.appealId;
    const link = document.createElement('a');
    link.href = '/qa/reviews/' + encodeURIComponent(a.conversationId);
    link.textContent = cc.time(a.openedAt);
    cc.cell(tr, link);
    cc.cell(tr, a.appellant);
    cc.cell(tr, cc.number(a.ageHours));
    overdue.append(tr);
  }
  document.getElementById('no-overdue').hidden = report.overdue.length > 0;
}

async function loadTeams() {
  const table = document.querySelector('#teams tbody');
  if (!table) return;
  const teams = await cc.api('GET', '/api/v1/qa/teams');
  table.replaceChildren();
  for (const m of teams) {
    const tr = document.createElement('tr');
    tr.dataset.agent = m.agent;
    cc.cell(tr, m.team);
    cc.cell(tr, m.agent);
    cc.cell(tr, m.since ? cc.time(m.since) : cc.t('js.qa-reports.team-always'));
    table.append(tr);
  }
}

async function loadSampling() {
  const table = document.querySelector('#sampling tbody');
  if (!table) return;
  const sampling = await cc.api('GET', '/api/v1/qa/sampling');
  document.getElementById('sampling-default').textContent =
    cc.t('js.qa-reports.sampling-default', percent(sampling.defaultShare));
  table.replaceChildren();
  for (const a of sampling.agents) {
    const tr = document.createElement('tr');
    tr.dataset.agent = a.agent;
    cc.cell(tr, a.agent);
    cc.cell(tr, percent(a.share));
    cc.cell(tr, a.changedBy);
    table.append(tr);
  }
}

document.getElementById('report-from').value = day(-27);
document.getElementById('report-to').value = day(0);
document.getElementById('report-filter').addEventListener('submit', event => {
  event.preventDefault();
  load();
});
const teamForm = document.getElementById('team-form');
if (teamForm) {
  teamForm.addEventListener('submit', async event => {
    event.preventDefault();
    const status = document.getElementById('team-status');
    const agent = document.getElementById('team-agent').value.trim();
    try {
      // The day is a UTC day, as the report's range.
      const from = document.getElementById('team-from').value;
      await cc.api('PUT', '/api/v1/qa/teams/members/' + encodeURIComponent(agent), {
        team: document.getElementById('team-name').value,
        from: from ? from + 'T00:00:00Z' : null
      });
      status.textContent = cc.t('js.qa-reports.team-saved', agent);
      await loadTeams();
      await load();
    } catch (e) {
      status.textContent = e.message;
    }
  });
  loadTeams().catch(e => {
    document.getElementById('team-status').textContent = e.message;
  });
}
const samplingForm = document.getElementById('sampling-form');
if (samplingForm) {
  samplingForm.addEventListener('submit', async event => {
    event.preventDefault();
    const status = document.getElementById('sampling-status');
    const agent = document.getElementById('sampling-agent').value.trim();
    const value = document.getElementById('sampling-share').value;
    try {
      await cc.api('PUT', '/api/v1/qa/sampling/agents/' + encodeURIComponent(agent), {
        share: value === '' ? null : Number(value) / 100
      });
      status.textContent = cc.t('js.qa-reports.sampling-saved', agent);
      await loadSampling();
    } catch (e) {
      status.textContent = e.message;
    }
  });
  loadSampling().catch(e => {
    document.getElementById('sampling-status').textContent = e.message;
  });
}
load();
