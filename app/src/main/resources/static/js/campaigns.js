// The campaign list and the form that creates a campaign (a draft) through the API.
async function loadCampaigns() {
  const body = document.querySelector('#campaigns tbody');
  const campaigns = await cc.api('GET', '/api/v1/campaigns');
  body.replaceChildren();
  for (const c of campaigns) {
    const tr = document.createElement('tr');
    tr.dataset.campaign = c.campaignId;
    const link = document.createElement('a');
    link.href = '/campaigns/' + encodeURIComponent(c.campaignId);
    link.textContent = c.name;
    cc.cell(tr, link);
    cc.cell(tr, cc.label(c.type));
    cc.cell(tr, cc.label(c.state)).className = 'state ' + c.state;
    cc.cell(tr, cc.time(c.createdAt));
    body.append(tr);
  }
  document.getElementById('no-campaigns').hidden = campaigns.length > 0;
}

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
