// Robot calls, newest first, 25 to a page from the server, filtered by campaign, status, outcome,
// the days they were placed (in the browser's time zone) and the last digits of the number. Numbers
// stay masked. Text is set with textContent only: it comes from calls.
const PAGE_SIZE = 25;
let pageNo = 0;
let shownQuery = 0;
const campaignNames = new Map();

const value = id => document.getElementById(id)?.value.trim() ?? '';

// The start of a local day as an instant; `days` later for the end of a range.
function dayStart(date, days) {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y, m - 1, d + days).toISOString();
}

function listQuery() {
  const params = new URLSearchParams({ page: String(pageNo), size: String(PAGE_SIZE) });
  if (value('campaign-filter')) params.set('campaign', value('campaign-filter'));
  if (value('status-filter')) params.set('status', value('status-filter'));
  if (value('outcome-filter')) params.set('outcome', value('outcome-filter'));
  if (value('from-filter')) params.set('from', dayStart(value('from-filter'), 0));
  if (value('to-filter')) params.set('to', dayStart(value('to-filter'), 1));
  if (value('phone-filter')) params.set('phoneSuffix', value('phone-filter'));
  return '/api/v1/robot/calls?' + params;
}

function campaignOf(call) {
  const by = call.requestedBy || '';
  return by.startsWith('campaign:') ? by.substring('campaign:'.length) : null;
}

async function load() {
  const query = ++shownQuery;
  const error = document.getElementById('calls-error');
  let found;
  try {
    found = await cc.page(listQuery());
  } catch (e) {
    if (query !== shownQuery) return;
    error.textContent = e.message;
    error.hidden = false;
    return;
  }
  if (query !== shownQuery) return; // a newer query has been sent meanwhile
  error.hidden = true;
  const pages = Math.max(1, Math.ceil(found.total / PAGE_SIZE));
  if (pageNo > pages - 1) {
    pageNo = pages - 1;
    load();
    return;
  }
  const body = document.querySelector('#calls tbody');
  body.replaceChildren();
  for (const c of found.items) {
    const tr = document.createElement('tr');
    tr.dataset.attempt = c.attemptId;
    const campaignId = campaignOf(c);
    const link = document.createElement('a');
    link.href = '/robot/calls/' + encodeURIComponent(c.attemptId)
      + (campaignId ? '?campaign=' + encodeURIComponent(campaignId) : '');
    link.textContent = cc.time(c.createdAt);
    cc.cell(tr, link);
    cc.cell(tr, c.phone);
    if (campaignId) {
      const campaign = document.createElement('a');
      campaign.href = '/campaigns/' + encodeURIComponent(campaignId);
      campaign.textContent = campaignNames.get(campaignId) || campaignId;
      cc.cell(tr, campaign);
    } else {
      cc.cell(tr, cc.t(c.testCall ? 'js.robot-calls.test-call' : 'js.robot-calls.tried-by-hand'));
    }
    cc.cell(tr, c.scriptId + ' v' + c.scriptVersion);
    cc.cell(tr, c.dialOutcome ? cc.label(c.dialOutcome) : cc.label('call.' + c.status));
    cc.cell(tr, c.outcome ? cc.label(c.outcome.toLowerCase()) : '');
    body.append(tr);
  }
  document.getElementById('no-calls').hidden = found.total > 0;
  document.getElementById('page-info').textContent =
    cc.t('js.campaigns.page-info', pageNo + 1, pages) + ' · ' + cc.t('js.robot-calls.count', cc.number(found.total));
  document.getElementById('prev-page').disabled = pageNo === 0;
  document.getElementById('next-page').disabled = pageNo >= pages - 1;
}

// The campaign filter offers the newest 200 campaigns by name; ?campaign= preselects one.
async function loadCampaigns() {
  const select = document.getElementById('campaign-filter');
  try {
    const found = await cc.page('/api/v1/campaigns?size=200');
    for (const c of found.items) {
      campaignNames.set(c.campaignId, c.name);
      const option = document.createElement('option');
      option.value = c.campaignId;
      option.textContent = c.name;
      select.append(option);
    }
  } catch (e) {
    // The list still works without names: campaigns show by id.
  }
  const wanted = new URLSearchParams(location.search).get('campaign');
  if (wanted && [...select.options].some(o => o.value === wanted)) select.value = wanted;
}

function reload() { pageNo = 0; load(); }
let typing;
for (const id of ['campaign-filter', 'status-filter', 'outcome-filter', 'from-filter', 'to-filter']) {
  document.getElementById(id).addEventListener('change', reload);
}
document.getElementById('phone-filter')?.addEventListener('input', () => {
  clearTimeout(typing);
  typing = setTimeout(reload, 250);
});
document.getElementById('calls-filter').addEventListener('submit', event => event.preventDefault());
document.getElementById('prev-page').addEventListener('click', () => { pageNo--; load(); });
document.getElementById('next-page').addEventListener('click', () => { pageNo++; load(); });
loadCampaigns().then(load);
