// One campaign: settings, start/pause/resume/stop, its prompts (prompts.js), contact upload with
// its row errors, live progress (polled every 2 s), the funnel and the results table. Names,
// reasons and labels come from uploaded files and calls: textContent only (see console.js).
const root = document.getElementById('campaign');
const campaignId = root.dataset.campaign;
const canEdit = root.dataset.canEdit === 'true';
const base = '/api/v1/campaigns/' + encodeURIComponent(campaignId);
const POLL_MS = 2000;
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
  document.title = c.name + ' · Campaign 外呼活动';
  const body = document.querySelector('#settings tbody');
  body.replaceChildren();
  settingRow(body, 'Name 名称', c.name);
  settingRow(body, 'Type 类型', cc.label(c.type));
  settingRow(body, 'State 状态', cc.label(c.state)).id = 'settings-state';
  settingRow(body, 'Script 话术', c.scriptId + ' v' + c.scriptVersion);
  settingRow(body, 'Language 语言', c.language);
  settingRow(body, 'Call window 呼叫时段', c.callWindow);
  settingRow(body, 'Holidays 节假日', (c.holidays || []).join(', '));
  settingRow(body, 'Max concurrent calls 最大并发', c.maxConcurrent);
  settingRow(body, 'Max calls per second 每秒最多呼叫', c.maxPerSecond);
  settingRow(body, 'Max attempts per contact 每个联系人最多拨打', c.maxAttempts);
  settingRow(body, 'Start time 开始时间', c.startsAt ? cc.time(c.startsAt) : 'by hand 手动');
  settingRow(body, 'Merchant 商家', (c.variables || {}).merchant);
  settingRow(body, 'Created 创建', (c.createdBy || '') + ' · ' + cc.time(c.createdAt));
  showState(c.state);
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
}

async function act(action) {
  const error = document.getElementById('action-error');
  error.hidden = true;
  if (action === 'stop' && !confirm('Stop this campaign for good? Contacts not yet called are cancelled.\n'
      + '确定停止该活动？未拨打的联系人将被取消。')) {
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
  settingRow(body, 'File 文件', report.fileName);
  settingRow(body, 'Charset 编码', report.charset);
  settingRow(body, 'Rows 行数', report.rows);
  settingRow(body, 'Added 新增', report.added);
  settingRow(body, 'Duplicates 重复', report.duplicates);
  settingRow(body, 'Rejected 拒绝', report.rejected);
  settingRow(body, 'Uploaded 上传时间', cc.time(report.createdAt));
  const fileError = document.getElementById('import-error');
  fileError.textContent = report.error ? 'The file was refused 文件被拒绝: ' + report.error : '';
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
  title.textContent = 'Rejected rows 被拒绝的行'
    + (report.rejected > errors.length ? ' (first ' + errors.length + ' 前 ' + errors.length + ' 行)' : '');
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
    error.textContent = 'Choose a CSV file first. 请先选择 CSV 文件。';
    error.hidden = false;
    return;
  }
  const form = new FormData();
  form.append('file', input.files[0]);
  button.disabled = true;
  button.textContent = 'Uploading… 上传中…';
  try {
    renderImport(await cc.api('POST', base + '/contacts', form));
    input.value = '';
    poll(true);
  } catch (e) {
    const refused = e.problem && e.problem.type === 'urn:cc:problem:contact-file-rejected';
    error.textContent = refused ? 'The file was refused 文件被拒绝: ' + e.message : e.message;
    error.hidden = false;
  } finally {
    button.textContent = 'Upload 上传';
    button.disabled = FINAL.includes(state);
  }
}

function setCount(id, value) {
  document.getElementById(id).textContent = String(value);
}

function renderProgress(p) {
  setCount('count-contacts', p.contacts);
  setCount('count-pending', p.pending);
  // "calling" counts every attempt in flight; those answered are talking, the rest still ring.
  setCount('count-dialing', Math.max(0, p.calling - p.talking));
  setCount('count-talking', p.talking);
  setCount('count-done', p.done);
  setCount('count-cancelled', p.cancelled);
  setCount('count-order-events', p.fromOrderEvents);
  document.getElementById('updated').textContent = new Date().toLocaleTimeString();
  if (p.state !== state) showState(p.state);
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
    ['contacts', 'Contacts 联系人', p.contacts],
    ['attempts', 'Attempts 拨打次数', p.attempts],
    ['answered', 'Answered 接通', p.answered],
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
    link.href = '/robot/calls/' + encodeURIComponent(a.attemptId);
    link.textContent = cc.time(a.createdAt);
    cc.cell(tr, link);
    cc.cell(tr, a.phone);
    cc.cell(tr, a.name);
    cc.cell(tr, a.attemptNo);
    cc.cell(tr, a.dialOutcome ? cc.label(a.dialOutcome) : (a.state === 'DIALING' ? 'dialing 拨号中' : ''));
    cc.cell(tr, cc.label(labelCode(a.outcome))).className = 'outcome';
    cc.cell(tr, cc.time(a.callbackAt));
    cc.cell(tr, cc.time(a.finishedAt));
    body.append(tr);
  }
  const filters = [outcome && cc.label(outcome), dial && cc.label(dial)].filter(f => f);
  const summary = document.getElementById('results-summary');
  summary.textContent = attempts.length + ' shown 条' + (filters.length ? ' · ' + filters.join(' · ') : '');
  summary.dataset.count = String(attempts.length);
  document.getElementById('no-results').hidden = attempts.length > 0;
}

let timer = null;
// Polls the counters; the results table is reloaded only when something it shows changed.
async function poll(now) {
  clearTimeout(timer);
  try {
    const p = await cc.api('GET', base + '/progress');
    renderProgress(p);
    const key = [p.attempts, p.calling, p.talking, p.done, p.cancelled, JSON.stringify(p.byDialOutcome)].join('|');
    if (now === true || key !== lastProgressKey) {
      lastProgressKey = key;
      await loadResults();
    }
    // A finished campaign has nothing left to change once its last call is in.
    if (FINAL.includes(p.state) && p.calling === 0) return;
  } catch (e) {
    document.getElementById('updated').textContent = 'failed 失败: ' + e.message;
  }
  timer = setTimeout(poll, POLL_MS);
}

async function init() {
  document.getElementById('export').href = base + '/attempts.csv';
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
  }
  const imports = await cc.api('GET', base + '/imports');
  if (imports.length > 0) renderImport(imports[0]);
  poll(true);
}
init();
