// The campaign list (search, state filter, pages of 20, progress per shown row) and the form that
// creates a campaign (a draft) through the API, warning when the name is already taken.
const PAGE_SIZE = 20;
let all = [];
let pageNo = 0;

async function loadCampaigns() {
  all = await cc.api('GET', '/api/v1/campaigns');
  render();
}

function matching() {
  const query = document.getElementById('search').value.trim().toLowerCase();
  const state = document.getElementById('state-filter').value;
  return all.filter(c => (!query || c.name.toLowerCase().includes(query)) && (!state || c.state === state));
}

function render() {
  const shown = matching();
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  pageNo = Math.min(pageNo, pages - 1);
  const body = document.querySelector('#campaigns tbody');
  body.replaceChildren();
  for (const c of shown.slice(pageNo * PAGE_SIZE, (pageNo + 1) * PAGE_SIZE)) {
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
  document.getElementById('no-campaigns').hidden = shown.length > 0;
  document.getElementById('page-info').textContent = cc.t('js.campaigns.page-info', pageNo + 1, pages);
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

function warnDuplicate() {
  const name = document.getElementById('name').value.trim().toLowerCase();
  const warning = document.getElementById('name-warning');
  const taken = name !== '' && all.some(c => c.name.trim().toLowerCase() === name);
  warning.textContent = taken ? cc.t('js.campaigns.duplicate-name') : '';
  warning.hidden = !taken;
}

document.getElementById('search').addEventListener('input', () => { pageNo = 0; render(); });
document.getElementById('state-filter').addEventListener('change', () => { pageNo = 0; render(); });
document.getElementById('list-filter').addEventListener('submit', event => event.preventDefault());
document.getElementById('prev-page').addEventListener('click', () => { pageNo--; render(); });
document.getElementById('next-page').addEventListener('click', () => { pageNo++; render(); });

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
    variables: value('merchant') === '' ? {} : { merchant: value('merchant') }
  };
}

const form = document.getElementById('create');
if (form) {
  document.getElementById('name').addEventListener('input', warnDuplicate);
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
