// The latest robot calls, newest first, filtered by status and outcome, 25 to a page (the newest 200, the most the API returns). Text is set
// with textContent only: it comes from calls.
const PAGE_SIZE = 25;
let calls = [];
let pageNo = 0;

function matching() {
  const status = document.getElementById('status-filter').value;
  const outcome = document.getElementById('outcome-filter').value;
  return calls.filter(c => (!status || c.status === status)
    && (!outcome || (c.outcome || '').toLowerCase() === outcome));
}

function render() {
  const shown = matching();
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  pageNo = Math.min(pageNo, pages - 1);
  const body = document.querySelector('#calls tbody');
  body.replaceChildren();
  for (const c of shown.slice(pageNo * PAGE_SIZE, (pageNo + 1) * PAGE_SIZE)) {
    const tr = document.createElement('tr');
    tr.dataset.attempt = c.attemptId;
    const link = document.createElement('a');
    link.href = '/robot/calls/' + encodeURIComponent(c.attemptId);
    link.textContent = cc.time(c.createdAt);
    cc.cell(tr, link);
    cc.cell(tr, c.phone);
    cc.cell(tr, c.scriptId + ' v' + c.scriptVersion);
    cc.cell(tr, c.dialOutcome ? cc.label(c.dialOutcome) : cc.label('call.' + c.status));
    cc.cell(tr, c.outcome ? cc.label(c.outcome.toLowerCase()) : '');
    body.append(tr);
  }
  document.getElementById('no-calls').hidden = shown.length > 0;
  document.getElementById('page-info').textContent = cc.t('js.campaigns.page-info', pageNo + 1, pages);
  document.getElementById('prev-page').disabled = pageNo === 0;
  document.getElementById('next-page').disabled = pageNo >= pages - 1;
}

async function load() {
  calls = await cc.api('GET', '/api/v1/robot/calls?limit=200');
  render();
}

for (const id of ['status-filter', 'outcome-filter']) {
  document.getElementById(id).addEventListener('change', () => { pageNo = 0; render(); });
}
document.getElementById('calls-filter').addEventListener('submit', event => event.preventDefault());
document.getElementById('prev-page').addEventListener('click', () => { pageNo--; render(); });
document.getElementById('next-page').addEventListener('click', () => { pageNo++; render(); });
load();
