// The tickets page: saved views with their counts (the agent's own, then the team's shared ones),
// a filter, and the matching tickets, most urgent first, page by page ("show more" continues after
// the last ticket shown: keyset paging); a supervisor also sees their groups' tickets. Agents open
// tickets by hand with the category's custom fields, or let the text suggest the category. Text is
// set with textContent only: subjects come from customers, view names and field labels from users.
const failure = document.getElementById('failure');
const active = ['NEW', 'OPEN', 'PENDING_CUSTOMER', 'PENDING_THIRD_PARTY'];
const mineFilter = { statuses: active, mine: true };
const myGroupsFilter = { statuses: active, myGroups: true };
const myGroupsBox = document.getElementById('f-my-groups');
const more = document.getElementById('more');
// The list shown: its filter and where its next page starts.
let shown = { filter: mineFilter, next: null };

function fail(e) {
  failure.textContent = e.message;
  failure.hidden = false;
}

function readForm() {
  const value = id => document.getElementById(id).value.trim() || null;
  return {
    statuses: [...document.getElementById('f-status').selectedOptions].map(o => o.value),
    group: value('f-group'),
    mine: document.getElementById('f-mine').checked,
    myGroups: !!myGroupsBox && myGroupsBox.checked,
    priority: value('f-priority'),
    category: value('f-category'),
    tag: value('f-tag'),
    sla: value('f-sla'),
    text: value('f-text'),
    fieldKey: value('f-field'),
    fieldValue: value('f-value')
  };
}

function fillForm(f) {
  const set = (id, v) => { document.getElementById(id).value = v || ''; };
  for (const o of document.getElementById('f-status').options) o.selected = (f.statuses || []).includes(o.value);
  set('f-group', f.group);
  document.getElementById('f-mine').checked = !!f.mine;
  if (myGroupsBox) myGroupsBox.checked = !!f.myGroups;
  set('f-priority', f.priority);
  set('f-category', f.category);
  set('f-tag', f.tag);
  set('f-sla', f.sla);
  set('f-text', f.text);
  set('f-field', f.fieldKey);
  set('f-value', f.fieldValue);
}

function query(f) {
  const p = new URLSearchParams();
  for (const s of f.statuses || []) p.append('status', s);
  if (f.mine) p.set('mine', 'true');
  if (f.myGroups) p.set('myGroups', 'true');
  for (const [name, key] of [['group', 'group'], ['priority', 'priority'], ['category', 'category'],
    ['tag', 'tag'], ['sla', 'sla'], ['q', 'text'], ['field', 'fieldKey'], ['value', 'fieldValue']]) {
    if (f[key]) p.set(name, f[key]);
  }
  p.set('limit', '50');
  return p.toString();
}

async function show(f) {
  try {
    const { items, total, capped, next } = await cc.page('/api/v1/tickets/search?' + query(f));
    document.querySelector('#tickets tbody').replaceChildren();
    append(items);
    shown = { filter: f, next };
    more.hidden = !next;
    // Counting stops at cc.tickets.list-count-limit: "10,000+ tickets" beyond it.
    document.getElementById('total').textContent =
      cc.t('js.tickets.count', cc.number(total) + (capped ? '+' : ''));
    document.getElementById('no-tickets').hidden = items.length > 0;
    failure.hidden = true;
  } catch (e) {
    fail(e);
  }
}

// The next page of the list shown, after its last ticket.
async function showMore() {
  if (!shown.next) return;
  try {
    const path = '/api/v1/tickets/search?' + query(shown.filter) + '&cursor=' + encodeURIComponent(shown.next);
    const { items, next } = await cc.page(path);
    append(items);
    shown = { filter: shown.filter, next };
    more.hidden = !next;
    failure.hidden = true;
  } catch (e) {
    fail(e);
  }
}

function append(items) {
  const body = document.querySelector('#tickets tbody');
  for (const t of items) {
    const tr = document.createElement('tr');
    tr.dataset.ticket = t.ticketId;
    const link = document.createElement('a');
    link.href = '/agent/tickets/' + encodeURIComponent(t.ticketId);
    link.textContent = t.subject;
    cc.cell(tr, link);
    cc.cell(tr, cc.label('ticket.' + t.status));
    cc.cell(tr, cc.label('priority.' + t.priority));
    cc.cell(tr, cc.label('category.' + t.category));
    cc.cell(tr, cc.time(t.slaDueAt));
    cc.cell(tr, cc.time(t.updatedAt));
    body.append(tr);
  }
}

async function loadViews() {
  try {
    const views = await cc.api('GET', '/api/v1/tickets/views');
    const list = document.getElementById('views');
    list.querySelectorAll('li.saved').forEach(li => li.remove());
    for (const v of views) {
      const li = document.createElement('li');
      li.className = 'saved';
      li.dataset.view = v.viewId;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'view';
      button.textContent = v.name + ' (' + cc.number(v.count) + (v.countCapped ? '+' : '') + ')';
      button.addEventListener('click', () => { fillForm(v.filter); show(v.filter); });
      li.append(button);
      if (v.shared) li.append(' · ' + cc.t('js.tickets.view.shared', v.owner));
      if (v.own) {
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'delete';
        remove.textContent = cc.t('js.tickets.view.delete');
        remove.addEventListener('click', async () => {
          try {
            await cc.api('DELETE', '/api/v1/tickets/views/' + encodeURIComponent(v.viewId));
            await loadViews();
          } catch (e) {
            fail(e);
          }
        });
        li.append(' ', remove);
      }
      list.append(li);
    }
  } catch (e) {
    fail(e);
  }
}

// The category's custom fields as inputs of their type, labelled in the page's language.
async function renderNewFields() {
  const category = document.getElementById('new-category').value;
  const box = document.getElementById('new-fields');
  if (!category) {
    // The server suggests the category from the text; fields come with a chosen category.
    box.replaceChildren();
    document.getElementById('new-fields-box').hidden = true;
    return;
  }
  try {
    const defined = (await cc.api('GET', '/api/v1/tickets/fields?category=' + category))[category] || [];
    // An answer for a category no longer chosen (the agent switched meanwhile) is dropped.
    if (document.getElementById('new-category').value !== category) return;
    box.replaceChildren();
    for (const f of defined) {
      const { label, input } = cc.fieldInput(f, 'new-field-' + f.key, cc.t('js.tickets.new.required-to-solve'));
      box.append(label, input);
    }
    document.getElementById('new-fields-box').hidden = defined.length === 0;
  } catch (e) {
    fail(e);
  }
}

document.getElementById('new-category').addEventListener('change', renderNewFields);
document.getElementById('new-ticket-form').addEventListener('submit', async event => {
  event.preventDefault();
  const error = document.getElementById('new-ticket-error');
  const value = id => document.getElementById(id).value.trim() || null;
  const fields = {};
  for (const input of document.querySelectorAll('#new-fields [data-key]')) {
    if (input.value.trim()) fields[input.dataset.key] = input.value;
  }
  try {
    const opening = await cc.api('POST', '/api/v1/tickets', {
      subject: value('new-subject'),
      customerPhone: value('new-phone'),
      customerRef: value('new-ref'),
      category: value('new-category'),
      description: value('new-description'),
      channel: 'AGENT',
      fields
    });
    window.location.assign('/agent/tickets/' + encodeURIComponent(opening.ticket.ticketId));
  } catch (e) {
    error.textContent = e.message;
    error.hidden = false;
  }
});

more.addEventListener('click', showMore);
document.getElementById('view-mine').addEventListener('click', () => { fillForm(mineFilter); show(mineFilter); });
const myGroupsButton = document.getElementById('view-my-groups');
if (myGroupsButton) {
  myGroupsButton.addEventListener('click', () => { fillForm(myGroupsFilter); show(myGroupsFilter); });
}
document.getElementById('filter-form').addEventListener('submit', event => {
  event.preventDefault();
  show(readForm());
});
document.getElementById('view-form').addEventListener('submit', async event => {
  event.preventDefault();
  const name = document.getElementById('view-name');
  try {
    await cc.api('POST', '/api/v1/tickets/views', {
      name: name.value,
      shared: document.getElementById('view-shared').checked,
      filter: readForm()
    });
    name.value = '';
    failure.hidden = true;
    await loadViews();
  } catch (e) {
    fail(e);
  }
});

fillForm(mineFilter);
show(mineFilter);
loadViews();
renderNewFields();
