// One ticket: facts, SLA clocks, custom fields, child tickets, history; the agent replies, notes,
// changes the status and the tags, fills in fields and opens child tickets for other departments;
// a supervisor also reassigns it. Every value is set with textContent only: subjects, messages,
// notes and field values come from customers and users.
const ticketId = document.getElementById('ticket').dataset.ticket;
const path = '/api/v1/tickets/' + encodeURIComponent(ticketId);
let fieldsShownFor = null;

function duration(iso) {
  // ISO-8601 durations as Jackson writes them (PT1H30M, PT4S): shown as h:mm:ss.
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(iso || '');
  if (!m) return iso || '';
  const secs = (+(m[1] || 0)) * 3600 + (+(m[2] || 0)) * 60 + Math.floor(+(m[3] || 0));
  const h = Math.floor(secs / 3600);
  const mm = String(Math.floor((secs % 3600) / 60)).padStart(2, '0');
  const ss = String(secs % 60).padStart(2, '0');
  return h + ':' + mm + ':' + ss;
}

function fact(body, key, value) {
  const tr = document.createElement('tr');
  const th = document.createElement('th');
  th.scope = 'row';
  th.textContent = cc.t(key);
  tr.append(th);
  cc.cell(tr, value);
  body.append(tr);
}

// The ticket's tags as a list of badges (a tag is one word of letters, digits, _ and -; set as
// text all the same), or "no tags". While the ticket is not closed each badge has a button that
// removes its tag.
function tagList(tags, editable) {
  const ul = document.createElement('ul');
  ul.id = 'tags';
  ul.className = 'tags';
  ul.setAttribute('aria-label', cc.t('js.ticket.tags'));
  for (const tag of tags || []) {
    const li = document.createElement('li');
    li.className = 'badge';
    li.dataset.tag = tag;
    li.append(tag);
    if (editable) {
      const remove = document.createElement('button');
      remove.type = 'button';
      // The × is drawn by the style sheet, so the badge's text stays the tag alone.
      remove.className = 'tag-remove';
      remove.setAttribute('aria-label', cc.t('js.ticket.tags.remove', tag));
      remove.title = cc.t('js.ticket.tags.remove', tag);
      remove.addEventListener('click', () => changeTags({ remove: [tag] }));
      li.append(remove);
    }
    ul.append(li);
  }
  if (!ul.childElementCount) {
    const none = document.createElement('li');
    none.className = 'none';
    none.textContent = cc.t('js.ticket.tags.none');
    ul.append(none);
  }
  return ul;
}

// Adds or removes tags; the server checks each (and words what is wrong in the page's language).
async function changeTags(body) {
  const error = document.getElementById('tags-error');
  try {
    await cc.api('PATCH', path + '/tags', body);
    error.hidden = true;
    await load();
    return true;
  } catch (e) {
    error.textContent = e.message;
    error.hidden = false;
    return false;
  }
}

function ticketLink(id, text) {
  const a = document.createElement('a');
  a.href = '/agent/tickets/' + encodeURIComponent(id);
  a.textContent = text;
  return a;
}

// The call the ticket came from: played in the page, or downloaded. Kept across reloads of the
// rest of the page so that a reply does not stop the agent listening.
let recordingShown = null;
function recording(src) {
  if (recordingShown && recordingShown.dataset.src === src) return recordingShown;
  const box = document.createElement('span');
  box.id = 'recording';
  box.dataset.src = src;
  const audio = document.createElement('audio');
  audio.controls = true;
  audio.preload = 'none';
  audio.src = src;
  audio.setAttribute('aria-label', cc.t('js.ticket.recording'));
  const link = document.createElement('a');
  link.id = 'recording-link';
  link.href = src;
  link.textContent = cc.t('js.ticket.recording.download');
  box.append(audio, ' ', link);
  recordingShown = box;
  return box;
}

function render(details) {
  const t = details.ticket;
  const facts = document.querySelector('#facts tbody');
  facts.replaceChildren();
  fact(facts, 'js.ticket.subject', t.subject);
  fact(facts, 'js.ticket.status', cc.label('ticket.' + t.status));
  fact(facts, 'js.ticket.priority', cc.label('priority.' + t.priority));
  fact(facts, 'js.ticket.category', cc.label('category.' + t.category));
  fact(facts, 'js.ticket.customer', t.customerPhone || t.customerRef || '');
  fact(facts, 'js.ticket.assignee', t.assignee || '');
  fact(facts, 'js.ticket.group', t.group);
  const tagsEditable = t.status !== 'CLOSED';
  fact(facts, 'js.ticket.tags', tagList(t.tags, tagsEditable));
  document.getElementById('tags-form').hidden = !tagsEditable;
  fact(facts, 'js.ticket.source', (t.sourceRefs || []).join(', '));
  if (t.parentId) fact(facts, 'js.ticket.parent', ticketLink(t.parentId, t.parentId));
  if (details.recording) fact(facts, 'js.ticket.recording', recording(details.recording));
  const sla = document.querySelector('#sla tbody');
  sla.replaceChildren();
  for (const c of details.sla) {
    const tr = document.createElement('tr');
    tr.dataset.metric = c.metric;
    tr.dataset.state = c.state;
    cc.cell(tr, cc.label('sla.' + c.metric));
    cc.cell(tr, cc.label('sla.' + c.state));
    cc.cell(tr, duration(c.elapsed));
    cc.cell(tr, duration(c.target));
    cc.cell(tr, cc.time(c.dueAt || c.breachedAt));
    sla.append(tr);
  }
  const children = document.querySelector('#children tbody');
  children.replaceChildren();
  for (const c of details.children) {
    const tr = document.createElement('tr');
    tr.dataset.ticket = c.ticketId;
    cc.cell(tr, ticketLink(c.ticketId, c.subject));
    cc.cell(tr, c.group);
    cc.cell(tr, c.assignee || '');
    cc.cell(tr, cc.label('ticket.' + c.status)).className = 'status';
    children.append(tr);
  }
  document.getElementById('no-children').hidden = details.children.length > 0;
  // A child ticket has no children of its own.
  document.getElementById('child-form').hidden = !!t.parentId;
  const history = document.getElementById('history');
  history.replaceChildren();
  for (const e of details.history) {
    const li = document.createElement('li');
    li.dataset.kind = e.kind;
    const head = document.createElement('strong');
    head.textContent = cc.label('entry.' + e.kind) + ' · ' + e.actor + ' · ' + cc.time(e.at);
    const text = document.createElement('p');
    text.textContent = e.body || '';
    li.append(head, text);
    history.append(li);
  }
}

// The category's custom fields as inputs of their type, labelled in the page's language. Built
// once per category so that what the agent is typing survives a reload of the rest of the page.
async function renderFields(t) {
  if (fieldsShownFor === t.category) return;
  const defined = (await cc.api('GET', '/api/v1/tickets/fields?category=' + t.category))[t.category] || [];
  const box = document.getElementById('field-inputs');
  box.replaceChildren();
  for (const f of defined) {
    const { label, input } = cc.fieldInput(f, 'field-' + f.key, cc.t('js.ticket.required'));
    const value = t.fields[f.key];
    input.value = value == null ? '' : String(value);
    box.append(label, input);
  }
  document.getElementById('fields-form').hidden = defined.length === 0;
  document.getElementById('no-fields').hidden = defined.length > 0;
  fieldsShownFor = t.category;
}

// Photos are links to downloads (the server sends them as attachments, never as pages).
function renderPhotos(photos) {
  const list = document.getElementById('photos');
  list.replaceChildren();
  for (const p of photos) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = path + '/attachments/' + encodeURIComponent(p.attachmentId);
    a.textContent = p.fileName;
    li.append(a, ' · ' + p.author + ' · ' + cc.time(p.at));
    list.append(li);
  }
  document.getElementById('no-photos').hidden = photos.length > 0;
}

async function load() {
  const failure = document.getElementById('failure');
  try {
    const details = await cc.api('GET', path);
    render(details);
    await renderFields(details.ticket);
    renderPhotos(await cc.api('GET', path + '/attachments'));
    failure.hidden = true;
  } catch (e) {
    failure.textContent = e.message;
    failure.hidden = false;
  }
}

async function act(method, suffix, body) {
  const failure = document.getElementById('failure');
  try {
    await cc.api(method, path + suffix, body);
    await load();
    return true;
  } catch (e) {
    failure.textContent = e.message;
    failure.hidden = false;
    return false;
  }
}

document.getElementById('write').addEventListener('submit', async event => {
  event.preventDefault();
  const text = document.getElementById('text');
  if (await act('POST', '/replies', { text: text.value })) text.value = '';
});
document.getElementById('send-note').addEventListener('click', async () => {
  const text = document.getElementById('text');
  if (await act('POST', '/notes', { text: text.value })) text.value = '';
});
// Supervisors and admins reassign: to a user, or back to the group's assignment.
const assignForm = document.getElementById('assign-form');
if (assignForm) {
  assignForm.addEventListener('submit', async event => {
    event.preventDefault();
    const assignee = document.getElementById('assignee');
    if (await act('POST', '/assignee', { assignee: assignee.value.trim() })) assignee.value = '';
  });
  document.getElementById('assign-group').addEventListener('click', () => act('POST', '/assignee', { assignee: null }));
}
document.getElementById('status-form').addEventListener('submit', event => {
  event.preventDefault();
  act('POST', '/status', { status: document.getElementById('status').value });
});
document.getElementById('photo-form').addEventListener('submit', async event => {
  event.preventDefault();
  const input = document.getElementById('photo');
  if (!input.files.length) return;
  const form = new FormData();
  form.append('file', input.files[0]);
  if (await act('POST', '/attachments', form)) input.value = '';
});
document.getElementById('fields-form').addEventListener('submit', async event => {
  event.preventDefault();
  const error = document.getElementById('fields-error');
  const saved = document.getElementById('fields-status');
  const values = {};
  for (const input of document.querySelectorAll('#field-inputs [data-key]')) values[input.dataset.key] = input.value;
  try {
    await cc.api('PUT', path + '/fields', { values });
    error.hidden = true;
    saved.textContent = cc.t('js.ticket.fields.saved');
    saved.hidden = false;
    await load();
  } catch (e) {
    saved.hidden = true;
    error.textContent = e.message;
    error.hidden = false;
  }
});
document.getElementById('tags-form').addEventListener('submit', async event => {
  event.preventDefault();
  const input = document.getElementById('tag-input');
  const add = input.value.split(/[\s,，、]+/).filter(tag => tag !== '');
  if (add.length && (await changeTags({ add }))) input.value = '';
});
document.getElementById('child-form').addEventListener('submit', async event => {
  event.preventDefault();
  const group = document.getElementById('child-group');
  const subject = document.getElementById('child-subject');
  const description = document.getElementById('child-description');
  const body = { group: group.value, subject: subject.value, description: description.value || null };
  if (await act('POST', '/children', body)) {
    group.value = '';
    subject.value = '';
    description.value = '';
  }
});
load();
