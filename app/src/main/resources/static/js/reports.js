// Supervisors' reports: the chosen interval's figures per queue and per agent and each agent's
// time by presence state and QA score, with a CSV link for each table that asks the server for the same interval. Values are set as textContent only.
const form = document.getElementById('report-filter');
const period = document.getElementById('period');
const custom = document.getElementById('custom-range');
const CHANNELS = {
  VOICE: cc.t('js.reports.channel.VOICE'),
  CHAT: cc.t('js.reports.channel.CHAT'),
  TICKET: cc.t('js.reports.channel.TICKET')
};

function params() {
  const p = new URLSearchParams({ period: period.value });
  if (period.value === 'custom') {
    p.set('from', document.getElementById('from').value);
    p.set('to', document.getElementById('to').value);
  }
  return p;
}

function seconds(value) {
  return value == null ? '—' : cc.number(Math.round(value * 10) / 10);
}

function percent(share) {
  return share == null ? '—' : cc.number(Math.round(share * 1000) / 10) + '%';
}

// Time in a state as h:mm:ss (a shift's hours read better than tens of thousands of seconds).
function duration(value) {
  const total = Math.round(value ?? 0);
  const pad = n => String(n).padStart(2, '0');
  return Math.floor(total / 3600) + ':' + pad(Math.floor(total / 60) % 60) + ':' + pad(total % 60);
}

// Each not-ready reason on its own line, longest first (as the API orders them).
function reasons(list) {
  const ul = document.createElement('ul');
  ul.className = 'reasons';
  for (const r of list) {
    const li = document.createElement('li');
    li.textContent = r.reason + ' ' + duration(r.seconds);
    ul.append(li);
  }
  return ul;
}

function fill(tableId, emptyId, rows, values) {
  const body = document.querySelector('#' + tableId + ' tbody');
  body.replaceChildren();
  for (const row of rows) {
    const tr = document.createElement('tr');
    for (const v of values(row)) cc.cell(tr, v);
    body.append(tr);
  }
  document.getElementById(emptyId).hidden = rows.length > 0;
}

async function load() {
  const error = document.getElementById('report-error');
  error.hidden = true;
  const query = params();
  try {
    const report = await cc.api('GET', '/api/v1/supervisor/reports?' + query);
    document.getElementById('report-range').textContent =
      cc.t('js.reports.range', report.from, report.to, report.zone);
    fill('report-queues', 'no-queue-figures', report.queues, q => [
      q.queue, CHANNELS[q.channel] ?? q.channel, cc.number(q.offered), cc.number(q.answered),
      cc.number(q.abandoned), percent(q.abandonRate), cc.number(q.callbacks),
      cc.number(q.transferredOut), cc.number(q.transferredIn),
      seconds(q.averageSpeedOfAnswerSeconds), seconds(q.averageHandleSeconds),
      percent(q.serviceLevel) + ' (' + cc.t('js.reports.within', q.serviceLevelThresholdSeconds) + ')',
      percent(q.serviceLevel2), seconds(q.longestWaitSeconds)
    ]);
    // Answered and abandoned per queue and channel as bars; the table under them has the numbers.
    const names = report.queues.map(q => q.queue + ' · ' + (CHANNELS[q.channel] ?? q.channel));
    ccCharts.show('queues-chart', 'bar', names, [
      { label: cc.t('js.reports.chart.answered'), data: report.queues.map(q => q.answered) },
      { label: cc.t('js.reports.chart.abandoned'), data: report.queues.map(q => q.abandoned) }
    ], { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } });
    fill('report-agents', 'no-agent-figures', report.agents, a => [
      a.agentId, CHANNELS[a.channel] ?? a.channel, cc.number(a.handled),
      cc.number(a.completed), seconds(a.handleSeconds), seconds(a.averageHandleSeconds),
      cc.number(a.transfersOut), cc.number(a.transfersIn)
    ]);
    fill('report-agent-time', 'no-agent-time', report.agentTimes, a => [
      a.agentId, duration(a.loggedInSeconds), duration(a.readySeconds),
      duration(a.onContactSeconds), duration(a.afterCallWorkSeconds), duration(a.notReadySeconds),
      reasons(a.notReadyByReason), percent(a.occupancy), cc.number(a.qaConversations),
      a.qaMeanScore == null ? '—' : cc.number(a.qaMeanScore)
    ]);
    queueChoices(report.queues);
    await loadHourly(report.to);
    document.getElementById('agent-time-csv').href =
      '/api/v1/supervisor/reports/agent-time.csv?' + query;
    document.getElementById('queues-csv').href = '/api/v1/supervisor/reports/queues.csv?' + query;
    document.getElementById('agents-csv').href = '/api/v1/supervisor/reports/agents.csv?' + query;
  } catch (e) {
    error.textContent = e.message;
    error.hidden = false;
  }
}

// The hourly chart's queue choices: every queue in the report, keeping the one chosen.
function queueChoices(queues) {
  const select = document.getElementById('hourly-queue');
  const chosen = select.value;
  const names = [...new Set(queues.map(q => q.queue))].sort();
  for (const option of [...select.options].slice(1)) option.remove();
  for (const name of names) {
    const option = document.createElement('option');
    option.value = name;
    option.textContent = name;
    select.append(option);
  }
  select.value = names.includes(chosen) ? chosen : '';
}

let hourlyDay = null;

// Offered, answered and abandoned per hour of the interval's last day in the report's zone, as
// lines; the table beside the chart has the same numbers.
async function loadHourly(day) {
  hourlyDay = day;
  const p = new URLSearchParams({ day });
  const queue = document.getElementById('hourly-queue').value;
  if (queue) p.set('queue', queue);
  const hourly = await cc.api('GET', '/api/v1/supervisor/reports/hourly?' + p);
  document.getElementById('hourly-day').textContent =
    cc.t('js.reports.hourly.day', hourly.day, hourly.zone);
  const body = document.querySelector('#report-hourly tbody');
  body.replaceChildren();
  for (const h of hourly.hours) {
    const tr = document.createElement('tr');
    for (const v of [h.hour, cc.number(h.offered), cc.number(h.answered), cc.number(h.abandoned)]) {
      cc.cell(tr, v);
    }
    body.append(tr);
  }
  ccCharts.show('hourly-chart', 'bar', hourly.hours.map(h => h.hour), [
    { label: cc.t('js.reports.chart.offered'), data: hourly.hours.map(h => h.offered) },
    { label: cc.t('js.reports.chart.answered'), data: hourly.hours.map(h => h.answered) },
    { label: cc.t('js.reports.chart.abandoned'), data: hourly.hours.map(h => h.abandoned) }
  ], { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } });
}

document.getElementById('hourly-queue').addEventListener('change', () => {
  if (hourlyDay) {
    loadHourly(hourlyDay).catch(e => {
      const error = document.getElementById('report-error');
      error.textContent = e.message;
      error.hidden = false;
    });
  }
});

period.addEventListener('change', () => {
  custom.hidden = period.value !== 'custom';
});
form.addEventListener('submit', event => {
  event.preventDefault();
  load();
});
load();
