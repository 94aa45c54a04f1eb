// The admins' custom fields per ticket category: one row per field (key, both labels, type,
// choices, required), saved together with PUT /api/v1/tickets/fields/{category}. The server checks
// the definitions and names every problem; the rows it names are marked. Values and labels are set
// as values and textContent only.
const categorySelect = document.getElementById('tf-category');
const rows = document.querySelector('#tf-fields tbody');
const error = document.getElementById('tf-error');
const status = document.getElementById('tf-status');
const TYPES = ['TEXT', 'NUMBER', 'DATE', 'CHOICE'];

function input(tag, name, value, label) {
  const element = document.createElement(tag);
  element.name = name;
  element.setAttribute('aria-label', label);
  if (tag !== 'select') element.value = value == null ? '' : value;
  return element;
}

function addRow(field) {
  const f = field || { key: '', labelEn: '', labelZh: '', type: 'TEXT', choices: [], required: false };
  const tr = document.createElement('tr');
  const n = rows.children.length + 1;
  const key = input('input', 'key', f.key, cc.t('js.ticket-fields.key', n));
  key.maxLength = 40;
  const en = input('input', 'labelEn', f.labelEn, cc.t('js.ticket-fields.label-en', n));
  en.maxLength = 100;
  const zh = input('input', 'labelZh', f.labelZh, cc.t('js.ticket-fields.label-zh', n));
  zh.maxLength = 100;
  zh.lang = 'zh';
  const type = input('select', 'type', null, cc.t('js.ticket-fields.type', n));
  for (const t of TYPES) {
    const o = document.createElement('option');
    o.value = t;
    o.textContent = cc.label('fieldtype.' + t);
    type.append(o);
  }
  type.value = f.type || 'TEXT';
  const choices = input('textarea', 'choices', (f.choices || []).join('\n'), cc.t('js.ticket-fields.choices', n));
  choices.rows = 2;
  const required = input('input', 'required', null, cc.t('js.ticket-fields.required', n));
  required.type = 'checkbox';
  required.checked = !!f.required;
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.className = 'delete';
  remove.textContent = cc.t('js.ticket-fields.remove');
  remove.setAttribute('aria-label', cc.t('js.ticket-fields.remove-n', n));
  remove.addEventListener('click', () => {
    tr.remove();
    document.getElementById('tf-none').hidden = rows.children.length > 0;
  });
  const syncChoices = () => { choices.disabled = type.value !== 'CHOICE'; };
  type.addEventListener('change', syncChoices);
  syncChoices();
  for (const element of [key, en, zh, type, choices, required, remove]) cc.cell(tr, element);
  rows.append(tr);
  document.getElementById('tf-none').hidden = true;
  return tr;
}

function readRows() {
  return [...rows.children].map(tr => {
    const get = name => tr.querySelector('[name="' + name + '"]');
    const type = get('type').value;
    return {
      key: get('key').value.trim(),
      labelEn: get('labelEn').value,
      labelZh: get('labelZh').value,
      type,
      choices: type === 'CHOICE' ? get('choices').value.split('\n').map(c => c.trim()).filter(c => c) : [],
      required: get('required').checked
    };
  });
}

// Problems name a definition's place: fields[2].labelZh, fields[0].choices.
function markProblems(problems) {
  for (const p of problems || []) {
    const m = /^fields\[(\d+)\](?:\.(\w+))?$/.exec(p.field || '');
    if (!m) continue;
    const tr = rows.children[Number(m[1])];
    const target = tr && tr.querySelector('[name="' + (m[2] || 'key') + '"]');
    if (target) target.setAttribute('aria-invalid', 'true');
  }
}

async function load() {
  const category = categorySelect.value;
  try {
    const fields = (await cc.api('GET', '/api/v1/tickets/fields?category=' + category))[category] || [];
    // An answer for a category no longer chosen (the admin switched meanwhile) is dropped.
    if (categorySelect.value !== category) return;
    rows.replaceChildren();
    fields.forEach(addRow);
    document.getElementById('tf-none').hidden = fields.length > 0;
    document.getElementById('tf-fields').dataset.loaded = category;
    error.hidden = true;
  } catch (e) {
    error.textContent = e.message;
    error.hidden = false;
  }
}

categorySelect.addEventListener('change', () => { status.hidden = true; load(); });
document.getElementById('tf-add').addEventListener('click', () => addRow().querySelector('[name="key"]').focus());
document.getElementById('tf-form').addEventListener('submit', async event => {
  event.preventDefault();
  rows.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
  try {
    const category = categorySelect.value;
    await cc.api('PUT', '/api/v1/tickets/fields/' + category, readRows());
    error.hidden = true;
    status.textContent = cc.t('js.ticket-fields.saved', cc.label('category.' + category));
    status.hidden = false;
    await load();
  } catch (e) {
    status.hidden = true;
    error.textContent = e.message;
    error.hidden = false;
    markProblems(e.problem && e.problem.problems);
  }
});
load();
