// The campaign list (search by name, state and type filters, pages of 20 from the server, newest
// first, progress per shown row) and the form that creates a campaign (a draft) through the API,
// warning when the name is already taken.
const PAGE_SIZE = 20;
let pageNo = 0;
let shownQuery = 0;

function listQuery() {
  const params = new URLSearchParams({ page: String(pageNo), size: String(PAGE_SIZE) });
  const name = document.getElementById('search').value.trim();
  const state = document.getElementById('state-filter').value;
  const type = document.getElementById('type-filter').value;
  if (name) params.set('name', name);
  if (state) params.set('state', state);
  if (type) params.set('type', type);
  return '/api/v1/campaigns?' + params;
}

async function loadCampaigns() {
  const query = ++shownQuery;
  const error = document.getElementById('list-error');
  let found;
  try {
    found = await cc.page(listQuery());
  } catch (e) {
    error.textContent = e.message;
    error.hidden = false;
    return;
  }
  if (query !== shownQuery) return; // a newer search has been sent meanwhile
  error.hidden = true;
  const pages = Math.max(1, Math.ceil(found.total / PAGE_SIZE));
  if (pageNo > pages - 1) {
    pageNo = pages - 1;
    loadCampaigns();
    return;
  }
  const body = document.querySelector('#campaigns tbody');
  body.replaceChildren();
  for (const c of found.items) {
    const tr = document.createElement('tr');
    tr.dataset.campaign = c.campaignId;
    const link = document.createElement('a');
    link.href = '/campaigns/' + encodeURIComponent(c.campaignId);
    link.textContent = c.name;
    cc.cell(tr, link);
    cc.cell(tr, cc.label(c.type));
    cc.cell(tr, cc.label(c.state)).className = 'state ' + c.state;
    cc.cell(tr, cc.time(c.createdAt));
    const progress = cc.cell(tr, '');
    progress.className = 'progress';
    body.append(tr);
    showProgress(c.campaignId, progress);
  }
  document.getElementById('no-campaigns').hidden = found.total > 0;
  document.getElementById('page-info').textContent =
    cc.t('js.campaigns.page-info', pageNo + 1, pages) + ' · ' + cc.t('js.campaigns.count', cc.number(found.total));
  document.getElementById('prev-page').disabled = pageNo === 0;
  document.getElementById('next-page').disabled = pageNo >= pages - 1;
}

// Contacts done of all, for the rows on screen only.
async function showProgress(campaignId, td) {
  try {
    const p = await cc.api('GET', '/api/v1/campaigns/' + encodeURIComponent(campaignId) + '/progress');
    td.textContent = cc.t('js.campaigns.progress-row', cc.number(p.done), cc.number(p.contacts));
  } catch (e) {
    td.textContent = '';
  }
}

// Asks the server for campaigns whose name contains the typed one and warns on an equal name.
let nameCheck = 0;
async function warnDuplicate() {
  const check = ++nameCheck;
  const name = document.getElementById('name').value.trim();
  let taken = false;
  if (name !== '') {
    try {
      const found = await cc.page('/api/v1/campaigns?' + new URLSearchParams({ name, size: '200' }));
      taken = found.items.some(c => c.name.trim().toLowerCase() === name.toLowerCase());
    } catch (e) {
      taken = false;
    }
  }
  if (check !== nameCheck) return;
  const warning = document.getElementById('name-warning');
  warning.textContent = taken ? cc.t('js.campaigns.duplicate-name') : '';
  warning.hidden = !taken;
}

function debounced(action, ms) {
  let timer;
  return () => { clearTimeout(timer); timer = setTimeout(action, ms); };
}

const searchSoon = debounced(() => { pageNo = 0; loadCampaigns(); }, 250);
document.getElementById('search').addEventListener('input', searchSoon);
for (const id of ['state-filter', 'type-filter']) {
  document.getElementById(id).addEventListener('change', () => { pageNo = 0; loadCampaigns(); });
}
document.getElementById('list-filter').addEventListener('submit', event => event.preventDefault());
document.getElementById('prev-page').addEventListener('click', () => { pageNo--; loadCampaigns(); });
document.getElementById('next-page').addEventListener('click', () => { pageNo++; loadCampaigns(); });

const HOLIDAY = /^\d{4}-\d{2}-\d{2}$/;

// The form as the API's request body; empty fields are left out so the API's defaults apply.
function campaignBody(form) {
  const value = name => form.elements[name].value.trim();
  const number = name => (value(name) === '' ? null : Number(value(name)));
  const holidays = value('holidays') === '' ? [] : value('holidays').split(/[,;\s]+/).filter(h => h);
  const badHoliday = holidays.find(h => !HOLIDAY.test(h));
  if (badHoliday !== undefined) {
    throw new Error(cc.t('js.campaigns.bad-holiday', badHoliday));
  }
  let startsAt = null;
  if (value('startsAt') !== '') {
    // datetime-local has no zone: it is the ops user's local time.
    const when = new Date(value('startsAt'));
    if (Number.isNaN(when.getTime())) throw new Error(cc.t('js.campaigns.bad-start'));
    startsAt = when.toISOString();
  }
  return {
    name: value('name'),
    type: value('type'),
    language: value('language') || null,
    callWindow: value('callWindow') || null,
    holidays,
    maxConcurrent: number('maxConcurrent'),
    maxPerSecond: number('maxPerSecond'),
    maxAttempts: number('maxAttempts'),
    startsAt,
    variables: value('merchant') === '' ? {} : { merchant: value('merchant') },
    currency: value('currency') || 'CNY'
  };
}

const form = document.getElementById('create');
if (form) {
  document.getElementById('name').addEventListener('input', debounced(warnDuplicate, 250));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const error = document.getElementById('create-error');
    const button = document.getElementById('create-button');
    error.hidden = true;
    button.disabled = true;
    try {
      const created = await cc.api('POST', '/api/v1/campaigns', campaignBody(form));
      location.assign('/campaigns/' + encodeURIComponent(created.campaignId));
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
      button.disabled = false;
    }
  });
}

loadCampaigns();
