// QA staff list and edit the rules (rules are data, /api/v1/qa/rules): the form shows the fields
// of the chosen kind; a rule the server refuses shows the reason naming the field, and nothing is
// saved. Text is set with textContent only.
let rules = [];
let editing = null;
const $ = id => document.getElementById(id);

function showFields() {
  const kind = $('rule-kind').value;
  for (const p of document.querySelectorAll('#rule-form [data-for]')) {
    p.hidden = !p.dataset.for.split(' ').includes(kind);
  }
}

function number(id) {
  const v = $(id).value;
  return v === '' ? null : Number(v);
}

function body() {
  const kind = $('rule-kind').value;
  const shown = id => !$(id).closest('[data-for]')?.hidden;
  return {
    name: $('rule-name').value,
    kind,
    section: $('rule-section').value,
    weight: number('rule-weight'),
    autoFail: $('rule-auto-fail').checked,
    enabled: $('rule-enabled').checked,
    language: $('rule-language').value || null,
    speaker: $('rule-speaker').value || null,
    phrases: shown('rule-phrases') ? $('rule-phrases').value.split('\n').map(s => s.trim()).filter(s => s) : null,
    similarity: shown('rule-similarity') ? number('rule-similarity') : null,
    withinSeconds: shown('rule-within') ? number('rule-within') : null,
    limitSeconds: shown('rule-limit') ? number('rule-limit') : null,
    maxRate: shown('rule-max-rate') ? number('rule-max-rate') : null,
    combine: kind === 'COMBINED' ? $('rule-combine').value : null,
    parts: kind === 'COMBINED' ? [...$('rule-parts').selectedOptions].map(o => o.value) : null
  };
}

function fill(rule) {
  editing = rule;
  $('form-title').textContent = rule ? rule.name : document.querySelector('#new-rule').textContent;
  $('rule-name').value = rule ? rule.name : '';
  $('rule-kind').value = rule ? rule.kind : 'REQUIRED_PHRASE';
  $('rule-section').value = rule ? rule.section : '';
  $('rule-weight').value = rule ? rule.weight : 10;
  $('rule-auto-fail').checked = rule ? rule.autoFail : false;
  $('rule-enabled').checked = rule ? rule.enabled : true;
  $('rule-language').value = rule && rule.language ? rule.language : '';
  $('rule-speaker').value = rule && rule.speaker ? rule.speaker : '';
  $('rule-phrases').value = rule && rule.phrases ? rule.phrases.join('\n') : '';
  $('rule-similarity').value = rule ? rule.similarity : 0.8;
  $('rule-within').value = rule && rule.withinSeconds != null ? rule.withinSeconds : '';
  $('rule-limit').value = rule && rule.limitSeconds != null ? rule.limitSeconds : '';
  $('rule-max-rate').value = rule && rule.maxRate != null ? rule.maxRate : '';
  $('rule-combine').value = rule && rule.combine ? rule.combine : 'AND';
  const parts = $('rule-parts');
  parts.replaceChildren();
  for (const r of rules) {
    if (rule && r.id === rule.id) continue;
    if (r.kind === 'COMBINED') continue;
    const o = document.createElement('option');
    o.value = r.id;
    o.textContent = r.name;
    o.selected = !!(rule && rule.parts && rule.parts.includes(r.id));
    parts.append(o);
  }
  $('rule-error').hidden = true;
  showFields();
}

function render() {
  const tbody = document.querySelector('#rules tbody');
  tbody.replaceChildren();
  for (const r of rules) {
    const tr = document.createElement('tr');
    cc.cell(tr, r.name);
    cc.cell(tr, cc.label('qa-kind.' + r.kind));
    cc.cell(tr, r.section);
    cc.cell(tr, r.weight + (r.autoFail ? ' ' + cc.t('js.qa.auto-failed') : ''));
    cc.cell(tr, r.language || '');
    cc.cell(tr, r.enabled ? cc.t('js.rules.yes') : cc.t('js.rules.no'));
    const actions = document.createElement('span');
    const edit = document.createElement('button');
    edit.type = 'button';
    edit.className = 'edit-rule';
    edit.textContent = cc.t('js.rules.edit');
    edit.setAttribute('aria-label', r.name);
    edit.addEventListener('click', () => { fill(r); $('rule-name').focus(); });
    const del = document.createElement('button');
    del.type = 'button';
    del.className = 'delete-rule';
    del.textContent = cc.t('js.rules.delete');
    del.setAttribute('aria-label', r.name);
    del.addEventListener('click', () => remove(r));
    actions.append(edit, ' ', del);
    cc.cell(tr, actions);
    tbody.append(tr);
  }
  $('no-rules').hidden = rules.length > 0;
}

async function load() {
  try {
    rules = await cc.api('GET', '/api/v1/qa/rules');
    render();
    if (!editing) fill(null);
  } catch (e) {
    $('load-error').textContent = e.message;
    $('load-error').hidden = false;
  }
}

async function remove(rule) {
  if (!window.confirm(cc.t('js.rules.confirm-delete', rule.name))) return;
  try {
    await cc.api('DELETE', '/api/v1/qa/rules/' + encodeURIComponent(rule.id));
    $('rule-status').textContent = cc.t('js.rules.deleted');
    if (editing && editing.id === rule.id) editing = null;
    await load();
  } catch (e) {
    $('load-error').textContent = e.message;
    $('load-error').hidden = false;
  }
}

$('rule-form').addEventListener('submit', async event => {
  event.preventDefault();
  const error = $('rule-error');
  error.hidden = true;
  try {
    const saved = editing
      ? await cc.api('PUT', '/api/v1/qa/rules/' + encodeURIComponent(editing.id), body())
      : await cc.api('POST', '/api/v1/qa/rules', body());
    $('rule-status').textContent = cc.t('js.rules.saved');
    editing = saved;
    await load();
    fill(rules.find(r => r.id === saved.id) || null);
  } catch (e) {
    error.textContent = (e.problem && e.problem.title ? e.problem.title + ': ' : '') + e.message;
    error.hidden = false;
    error.focus?.();
  }
});
$('rule-kind').addEventListener('change', showFields);
$('new-rule').addEventListener('click', () => { fill(null); $('rule-name').focus(); });
$('rule-cancel').addEventListener('click', () => fill(null));
load();
