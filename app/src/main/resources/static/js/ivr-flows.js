// IVR flows for admins: versions (activate one), a version's prompts in English and Chinese side
// by side, and an editor that checks a flow (every problem with its place) or saves it as the next
// version. Values are set as textContent only.
const meta = name => document.querySelector('meta[name="' + name + '"]')?.content;

// Flow sources are YAML, sent as text; cc.api sends JSON only.
async function sendSource(path) {
  const token = meta('_csrf');
  const headers = { 'Content-Type': 'application/yaml', Accept: 'application/json' };
  if (token) headers[meta('_csrf_header') || 'X-XSRF-TOKEN'] = token;
  const res = await fetch(path, {
    method: 'POST',
    headers,
    body: document.getElementById('source').value,
    credentials: 'same-origin'
  });
  const data = (res.headers.get('Content-Type') || '').includes('json') ? await res.json() : null;
  return { ok: res.ok, status: res.status, data };
}

function showProblems(problems) {
  const list = document.getElementById('problems');
  list.replaceChildren();
  for (const p of problems || []) {
    const li = document.createElement('li');
    // A syntax problem's message names its line and column itself, in the reader's language.
    li.textContent = p.code === 'syntax' ? p.message : p.path + ': ' + p.message;
    list.append(li);
  }
}

async function showVersion(flowId, version) {
  const of = document.getElementById('prompts-of');
  of.textContent = cc.t('js.ivr.flows.showing', flowId, version);
  const body = document.querySelector('#prompts tbody');
  body.replaceChildren();
  try {
    const prompts = await cc.api('GET', '/api/v1/ivr/flows/' + encodeURIComponent(flowId) + '/versions/' + version + '/prompts');
    for (const p of prompts) {
      const tr = document.createElement('tr');
      cc.cell(tr, p.path);
      cc.cell(tr, p.en).lang = 'en';
      cc.cell(tr, p.zh).lang = 'zh';
      body.append(tr);
    }
    const res = await fetch('/api/v1/ivr/flows/' + encodeURIComponent(flowId) + '/versions/' + version, { credentials: 'same-origin' });
    document.getElementById('source').value = await res.text();
    showProblems([]);
    document.getElementById('editor-status').textContent = '';
  } catch (e) {
    of.textContent = e.message;
  }
}

async function load() {
  const error = document.getElementById('flows-error');
  error.hidden = true;
  try {
    const versions = await cc.api('GET', '/api/v1/ivr/flows');
    const body = document.querySelector('#flows tbody');
    body.replaceChildren();
    for (const v of versions) {
      const tr = document.createElement('tr');
      cc.cell(tr, v.flowId);
      cc.cell(tr, v.version);
      const state = document.createElement('span');
      state.className = 'badge';
      state.textContent = v.active ? cc.t('js.ivr.flows.active') : '';
      cc.cell(tr, v.active ? state : '');
      cc.cell(tr, v.savedBy || cc.t('js.ivr.flows.built-in'));
      cc.cell(tr, cc.time(v.savedAt));
      const actions = document.createElement('div');
      actions.className = 'actions';
      const show = document.createElement('button');
      show.type = 'button';
      show.textContent = cc.t('js.ivr.flows.show');
      show.addEventListener('click', () => showVersion(v.flowId, v.version));
      actions.append(show);
      if (!v.active) {
        const activate = document.createElement('button');
        activate.type = 'button';
        activate.textContent = cc.t('js.ivr.flows.activate');
        activate.addEventListener('click', async () => {
          try {
            await cc.api('POST', '/api/v1/ivr/flows/' + encodeURIComponent(v.flowId) + '/versions/' + v.version + '/activate');
            load();
          } catch (e) {
            error.textContent = e.message;
            error.hidden = false;
          }
        });
        actions.append(activate);
      }
      cc.cell(tr, actions);
      body.append(tr);
    }
    const active = versions.find(v => v.active) || versions[0];
    if (active && !document.getElementById('source').value) showVersion(active.flowId, active.version);
  } catch (e) {
    error.textContent = e.message;
    error.hidden = false;
  }
}

document.getElementById('validate').addEventListener('click', async () => {
  const status = document.getElementById('editor-status');
  const res = await sendSource('/api/v1/ivr/flows/validate');
  if (!res.ok) {
    status.textContent = (res.data && res.data.detail) || String(res.status);
    return;
  }
  status.textContent = res.data.valid ? cc.t('js.ivr.flows.valid') : cc.t('js.ivr.flows.problems', res.data.problems.length);
  showProblems(res.data.problems);
});

document.getElementById('save').addEventListener('click', async () => {
  const status = document.getElementById('editor-status');
  const res = await sendSource('/api/v1/ivr/flows');
  if (res.ok) {
    status.textContent = cc.t('js.ivr.flows.saved', res.data.flowId, res.data.version);
    showProblems([]);
    load();
  } else {
    status.textContent = (res.data && res.data.detail) || String(res.status);
    showProblems(res.data && res.data.problems);
  }
});

load();
