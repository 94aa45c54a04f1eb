// One campaign: settings, start/pause/resume/stop, its prompts (prompts.js), contact upload with
// its row errors, live progress (pushed by the server), the funnel and the results table. Names,
// reasons and labels come from uploaded files and calls: textContent only (see console.js).
const root = document.getElementById('campaign');
const campaignId = root.dataset.campaign;
const canEdit = root.dataset.canEdit === 'true';
const base = '/api/v1/campaigns/' + encodeURIComponent(campaignId);
const FINAL = ['COMPLETED', 'STOPPED'];

let state = null;
let lastProgressKey = null;
let lastFunnel = null;
const seenLabels = new Set();

function settingRow(body, name, value) {
  const tr = document.createElement('tr');
  const th = document.createElement('th'); th.textContent = name;
  tr.append(th);
  cc.cell(tr, value);
  body.append(tr);
  return tr;
}

function renderSettings(c) {
  document.getElementById('campaign-name').textContent = c.name;
  document.title = c.name + ' · ' + cc.t('js.app.name');
  const body = document.querySelector('#settings tbody');
  body.replaceChildren();
  settingRow(body, cc.t('js.campaign.name'), c.name);
  settingRow(body, cc.t('js.campaign.type'), cc.label(c.type));
  settingRow(body, cc.t('js.campaign.state'), cc.label(c.state)).id = 'settings-state';
  settingRow(body, cc.t('js.campaign.script'), c.scriptId + ' v' + c.scriptVersion);
  const language = settingRow(body, cc.t('js.campaign.language'), c.language ? cc.label('language.' + c.language) : '');
  if (c.language) showWhetherTheRobotListens(language.querySelector('td'), c.language);
  settingRow(body, cc.t('js.campaign.call-window'), c.callWindow);
  settingRow(body, cc.t('js.campaign.holidays'), (c.holidays || []).join(', '));
  settingRow(body, cc.t('js.campaign.max-concurrent'), cc.number(c.maxConcurrent));
  settingRow(body, cc.t('js.campaign.max-per-second'), cc.number(c.maxPerSecond));
  settingRow(body, cc.t('js.campaign.max-attempts'), cc.number(c.maxAttempts));
  settingRow(body, cc.t('js.campaign.starts-at'), c.startsAt ? cc.time(c.startsAt) : cc.t('js.campaign.by-hand'));
  settingRow(body, cc.t('js.campaign.merchant'), (c.variables || {}).merchant);
  settingRow(body, cc.t('js.campaign.currency'), c.currency);
  settingRow(body, cc.t('js.campaign.created'), (c.createdBy || '') + ' · ' + cc.time(c.createdAt));
  showState(c.state);
  fillSettingsForm(c);
}

// A language the robot speaks but has no recognition model for takes answers by keys only:
// ops must know before they write prompts that ask callees to say something.
let speechLanguages = null;
async function showWhetherTheRobotListens(cell, language) {
  try {
    speechLanguages = speechLanguages || await cc.api('GET', '/api/v1/speech/languages');
  } catch (e) {
    return;
  }
  if (speechLanguages.listens.includes(language)) return;
  const note = document.createElement('p');
  note.className = 'note';
  note.id = 'keys-only';
  note.textContent = cc.t('js.campaign.keys-only');
  cell.append(note);
}

// Which actions the state allows (CampaignService decides; a refused one shows its 409).
function showState(next) {
  state = next;
  document.getElementById('state').textContent = cc.label(next);
  document.getElementById('state').className = 'state ' + next;
  const cell = document.querySelector('#settings-state td');
  if (cell) cell.textContent = cc.label(next);
  prompts.setState(next);
  if (!canEdit) return;
  const allowed = {
    start: ['DRAFT', 'SCHEDULED'],
    pause: ['RUNNING', 'SCHEDULED'],
    resume: ['PAUSED'],
    stop: ['DRAFT', 'SCHEDULED', 'RUNNING', 'PAUSED']
  };
  for (const [action, states] of Object.entries(allowed)) {
    document.getElementById(action).disabled = !states.includes(next);
  }
  const closed = FINAL.includes(next);
  document.getElementById('file').disabled = closed;
  document.getElementById('upload-button').disabled = closed;
  explainStart();
  updateSettingsForm();
}

// The settings form: the same validation as the API (it answers 400 with the reason, shown here).
// While the campaign runs only the limits may change; after its end nothing may.
function fillSettingsForm(c) {
  const details = document.getElementById('edit-settings');
  if (!details) return;
  const form = document.getElementById('settings-form');
  if (!form.dataset.dirty) {
    form.elements.callWindow.value = c.callWindow || '';
    form.elements.holidays.value = (c.holidays || []).join(', ');
    form.elements.maxConcurrent.value = c.maxConcurrent;
    form.elements.maxPerSecond.value = c.maxPerSecond;
    form.elements.maxAttempts.value = c.maxAttempts;
  }
  updateSettingsForm();
}

function updateSettingsForm() {
  const details = document.getElementById('edit-settings');
  if (!details) return;
  details.hidden = FINAL.includes(state);
  const running = state === 'RUNNING';
  for (const input of document.querySelectorAll('#settings-form [data-when-stopped]')) {
    input.disabled = running;
  }
  document.getElementById('edit-note').textContent = running ? cc.t('js.campaign.edit-running') : '';
}

async function saveSettings(event) {
  event.preventDefault();
  const form = event.target;
  const error = document.getElementById('settings-error');
  const status = document.getElementById('settings-status');
  error.hidden = true;
  status.textContent = '';
  const value = name => form.elements[name].value.trim();
  const number = name => (value(name) === '' ? null : Number(value(name)));
  const changes = {
    maxConcurrent: number('maxConcurrent'),
    maxPerSecond: number('maxPerSecond')
  };
  if (state !== 'RUNNING') {
    const holidays = value('holidays') === '' ? [] : value('holidays').split(/[,;\s]+/).filter(h => h);
    const bad = holidays.find(h => !/^\d{4}-\d{2}-\d{2}$/.test(h));
    if (bad !== undefined) {
      error.textContent = cc.t('js.campaigns.bad-holiday', bad);
      error.hidden = false;
      return;
    }
    Object.assign(changes, {
      callWindow: value('callWindow') || null,
      holidays,
      maxAttempts: number('maxAttempts')
    });
  }
  try {
    const changed = await cc.api('PATCH', base, changes);
    delete form.dataset.dirty;
    renderSettings(changed);
    status.textContent = cc.t('js.campaign.settings-saved');
  } catch (e) {
    error.textContent = e.message;
    error.hidden = false;
  }
}

// Start is offered only with somebody to call; the reason says why it is not.
let callable = null;
function explainStart() {
  if (!canEdit) return;
  const start = document.getElementById('start');
  const reason = document.getElementById('start-reason');
  const startable = ['DRAFT', 'SCHEDULED'].includes(state);
  const nobody = startable && callable === 0;
  start.disabled = !startable || nobody;
  reason.textContent = nobody ? cc.t('js.campaign.start-nothing') : '';
  reason.hidden = !nobody;
}

async function act(action) {
  const error = document.getElementById('action-error');
  error.hidden = true;
  if (action === 'stop' && !confirm(cc.t('js.campaign.confirm-stop'))) {
    return;
  }
  try {
    renderSettings(await cc.api('POST', base + '/' + action));
    poll(true);
  } catch (e) {
    error.textContent = e.message;
    error.hidden = false;
  }
}

function renderImport(report) {
  document.getElementById('import').hidden = false;
  const body = document.querySelector('#import-report tbody');
  body.replaceChildren();
  settingRow(body, cc.t('js.import.file'), report.fileName);
  settingRow(body, cc.t('js.import.charset'), report.charset);
  settingRow(body, cc.t('js.import.rows'), cc.number(report.rows));
  settingRow(body, cc.t('js.import.added'), cc.number(report.added));
  settingRow(body, cc.t('js.import.duplicates'), cc.number(report.duplicates));
  settingRow(body, cc.t('js.import.rejected'), cc.number(report.rejected));
  settingRow(body, cc.t('js.import.uploaded'), cc.time(report.createdAt));
  const fileError = document.getElementById('import-error');
  fileError.textContent = report.error ? cc.t('js.import.refused', report.error) : '';
  fileError.hidden = !report.error;
  const errors = report.errors || [];
  const rows = document.querySelector('#row-errors tbody');
  rows.replaceChildren();
  for (const e of errors) {
    const tr = document.createElement('tr');
    tr.dataset.row = e.row;
    cc.cell(tr, e.row);
    cc.cell(tr, e.reason);
    rows.append(tr);
  }
  const title = document.getElementById('row-errors-title');
  title.textContent = report.rejected > errors.length
    ? cc.t('js.import.rejected-rows-first', errors.length) : cc.t('js.import.rejected-rows');
  title.hidden = errors.length === 0;
  document.getElementById('row-errors').hidden = errors.length === 0;
}

async function upload(event) {
  event.preventDefault();
  const input = document.getElementById('file');
  const error = document.getElementById('upload-error');
  const button = document.getElementById('upload-button');
  error.hidden = true;
  if (input.files.length === 0) {
    error.textContent = cc.t('js.contacts.choose-file');
    error.hidden = false;
    return;
  }
  const form = new FormData();
  form.append('file', input.files[0]);
  button.disabled = true;
  button.textContent = cc.t('js.contacts.uploading');
  try {
    renderImport(await cc.api('POST', base + '/contacts', form));
    input.value = '';
    poll(true);
  } catch (e) {
    const refused = e.problem && e.problem.type === 'urn:cc:problem:contact-file-rejected';
    error.textContent = refused ? cc.t('js.import.refused', e.message) : e.message;
    error.hidden = false;
  } finally {
    button.textContent = cc.t('js.contacts.upload');
    button.disabled = FINAL.includes(state);
  }
}

// A running campaign with nobody to call right now says why and when calls resume, in the zone of
// the callee whose time comes first: call windows are in the callees' local time.
function explainWaiting(p) {
  const note = document.getElementById('waiting-note');
  const idle = p.state === 'RUNNING' && p.calling === 0 && p.due === 0 && !!p.nextCallAt;
  note.hidden = !idle;
  if (!idle) return;
  const at = new Date(p.nextCallAt);
  const local = new Intl.DateTimeFormat(cc.lang, {
    timeZone: p.nextCallZone, weekday: 'short', hour: '2-digit', minute: '2-digit'
  }).format(at);
  const minutes = Math.max(0, Math.round((at.getTime() - Date.now()) / 60000));
  const wait = minutes >= 60
    ? cc.t('js.progress.in-hours', Math.floor(minutes / 60), minutes % 60)
    : cc.t('js.progress.in-minutes', minutes);
  const onlyRetries = p.waitingForRetry > 0 && p.pending === p.waitingForRetry;
  note.textContent = cc.t(onlyRetries ? 'js.progress.waiting-retries' : 'js.progress.waiting-window',
    local, p.nextCallZone, wait);
}

function setCount(id, value) {
  document.getElementById(id).textContent = cc.number(value);
}

function renderProgress(p) {
  const before = callable;
  callable = p.pending + p.calling;
  if (before !== callable) explainStart();
  setCount('count-contacts', p.contacts);
  setCount('count-pending', p.pending);
  // "calling" counts every attempt in flight; those answered are talking, the rest still ring.
  setCount('count-dialing', Math.max(0, p.calling - p.talking));
  setCount('count-talking', p.talking);
  setCount('count-done', p.done);
  setCount('count-cancelled', p.cancelled);
  setCount('count-order-events', p.fromOrderEvents);
  document.getElementById('updated').textContent = cc.clock();
  if (p.state !== state) showState(p.state);
  explainWaiting(p);
  // Tables and bars are rebuilt only when they change, so nothing flickers under the reader.
  const shown = JSON.stringify([p.contacts, p.attempts, p.answered, p.byOutcome]);
  if (shown === lastFunnel) return;
  lastFunnel = shown;
  const byOutcome = document.querySelector('#by-outcome tbody');
  byOutcome.replaceChildren();
  for (const [code, n] of Object.entries(p.byOutcome || {})) {
    const tr = document.createElement('tr');
    tr.dataset.label = code;
    cc.cell(tr, cc.label(code));
    cc.cell(tr, n).className = 'count';
    byOutcome.append(tr);
  }
  renderFunnel(p);
  updateLabelFilter(Object.keys(p.byOutcome || {}));
}

// Contacts → attempts → answered → each label, as bars scaled to the largest stage (attempts
// can outnumber contacts: retries).
function renderFunnel(p) {
  const stages = [
    ['contacts', cc.t('js.funnel.contacts'), p.contacts],
    ['attempts', cc.t('js.funnel.attempts'), p.attempts],
    ['answered', cc.t('js.funnel.answered'), p.answered],
    ...Object.entries(p.byOutcome || {}).map(([code, n]) => ['label', cc.label(code), n, code])
  ];
  const max = Math.max(1, ...stages.map(s => s[2]));
  const funnel = document.getElementById('funnel');
  funnel.replaceChildren();
  for (const [stage, name, n, code] of stages) {
    const row = document.createElement('div');
    row.className = 'stage ' + stage;
    row.dataset.stage = code === undefined ? stage : 'label:' + code;
    const label = document.createElement('span'); label.className = 'name'; label.textContent = name;
    const bar = document.createElement('span'); bar.className = 'bar';
    const fill = document.createElement('span'); fill.className = 'fill';
    fill.style.width = (100 * n / max).toFixed(1) + '%';
    bar.append(fill);
    const count = document.createElement('b'); count.className = 'count'; count.textContent = String(n);
    row.append(label, bar, count);
    funnel.append(row);
  }
  // The same stages as a horizontal bar chart (the list under it carries the numbers as text).
  const counts = [{ label: cc.t('js.funnel.count'), data: stages.map(s => s[2]) }];
  ccCharts.show('funnel-chart', 'bar', stages.map(s => s[1]), counts, {
    indexAxis: 'y',
    plugins: { legend: { display: false } },
    scales: { x: { beginAtZero: true, ticks: { precision: 0 } } }
  });
}

// The label filter offers every label seen in this campaign (labels never disappear).
function updateLabelFilter(labels) {
  const select = document.getElementById('filter-outcome');
  let added = false;
  for (const code of labels) {
    if (!seenLabels.has(code)) { seenLabels.add(code); added = true; }
  }
  if (!added) return;
  const selected = select.value;
  const any = select.options[0];
  select.replaceChildren(any);
  for (const code of [...seenLabels].sort()) {
    const option = document.createElement('option');
    option.value = code;
    option.textContent = cc.label(code);
    select.append(option);
  }
  select.value = selected;
}

// Attempts store the robot's outcome as its enum name (AGREED) while progress reports labels in
// lower case (agreed); the page shows the lower-case label and filters with the stored form.
function labelCode(outcome) {
  return outcome == null ? null : outcome.toLowerCase();
}

let resultsRequest = 0;
async function loadResults() {
  const request = ++resultsRequest;
  const params = new URLSearchParams({ limit: '200' });
  const outcome = document.getElementById('filter-outcome').value;
  const dial = document.getElementById('filter-dial').value;
  if (outcome) params.set('outcome', outcome.toUpperCase());
  if (dial) params.set('dialOutcome', dial);
  const attempts = await cc.api('GET', base + '/attempts?' + params);
  if (request !== resultsRequest) return; // a newer filter or poll answered first
  const body = document.querySelector('#results tbody');
  body.replaceChildren();
  for (const a of attempts) {
    const tr = document.createElement('tr');
    tr.dataset.attempt = a.attemptId;
    const link = document.createElement('a');
    link.href = '/robot/calls/' + encodeURIComponent(a.attemptId) + '?campaign=' + encodeURIComponent(campaignId);
    link.textContent = cc.time(a.createdAt);
    cc.cell(tr, link);
    cc.cell(tr, a.phone);
    cc.cell(tr, a.name);
    cc.cell(tr, a.attemptNo);
    cc.cell(tr, a.dialOutcome ? cc.label(a.dialOutcome) : (a.state === 'DIALING' ? cc.t('js.results.dialing') : ''));
    cc.cell(tr, cc.label(labelCode(a.outcome))).className = 'outcome';
    cc.cell(tr, cc.time(a.callbackAt));
    cc.cell(tr, cc.time(a.finishedAt));
    body.append(tr);
  }
  const filters = [outcome && cc.label(outcome), dial && cc.label(dial)].filter(f => f);
  const summary = document.getElementById('results-summary');
  summary.textContent = cc.t('js.results.shown', cc.number(attempts.length)) + (filters.length ? ' · ' + filters.join(' · ') : '');
  summary.dataset.count = String(attempts.length);
  document.getElementById('no-results').hidden = attempts.length > 0;
}

let events = null;
// The counters as the server pushes them (server-sent events at every change, see LiveUpdates);
// the results table is reloaded only when something it shows changed.
async function showProgress(p, now) {
  renderProgress(p);
  const key = [p.attempts, p.calling, p.talking, p.done, p.cancelled, JSON.stringify(p.byDialOutcome)].join('|');
  if (now === true || key !== lastProgressKey) {
    lastProgressKey = key;
    await loadResults();
  }
}

function follow() {
  if (events !== null) return;
  const updated = document.getElementById('updated');
  // cc.live reconnects (with a growing pause) and says when the session ended.
  events = cc.live(base + '/progress/stream', event => showProgress(JSON.parse(event.data)), s => {
    if (s === 'live') updated.textContent = cc.clock();
    else if (s === 'reconnecting') updated.textContent = cc.t('js.progress.reconnecting');
    else if (s === 'signed-out') updated.textContent = cc.t('js.live.signed-out');
    // A finished campaign has nothing left to change once its last call is in.
    else if (s === 'ended') events = null;
  });
}

// Right after an action or an upload: show its effect at once rather than on the next push.
async function poll(now) {
  try {
    await showProgress(await cc.api('GET', base + '/progress'), now);
  } catch (e) {
    document.getElementById('updated').textContent = cc.t('js.progress.failed', e.message);
  }
  if (!FINAL.includes(state)) follow();
}

async function init() {
  document.getElementById('export').href = base + '/attempts.csv';
  const full = document.getElementById('export-full');
  if (full) full.href = base + '/attempts.csv?numbers=full';
  document.getElementById('filter-outcome').addEventListener('change', loadResults);
  document.getElementById('filter-dial').addEventListener('change', loadResults);
  let campaign;
  try {
    campaign = await cc.api('GET', base);
  } catch (e) {
    const notFound = document.getElementById('not-found');
    if (e.status !== 404) notFound.textContent = e.message;
    notFound.hidden = false;
    return;
  }
  prompts.init({ canEdit, onPinned: renderSettings });
  renderSettings(campaign);
  prompts.load(campaign);
  if (canEdit) {
    for (const button of document.querySelectorAll('button[data-action]')) {
      button.addEventListener('click', () => act(button.dataset.action));
    }
    document.getElementById('upload').addEventListener('submit', upload);
    const settingsForm = document.getElementById('settings-form');
    settingsForm.addEventListener('submit', saveSettings);
    settingsForm.addEventListener('input', () => { settingsForm.dataset.dirty = 'true'; });
  }
  const imports = await cc.api('GET', base + '/imports');
  if (imports.length > 0) renderImport(imports[0]);
  poll(true);
}
init();
