// The audit log, newest first, a page at a time. Values are set as textContent only.
const PAGE = 100;
let lastId = null;

async function load(append) {
  const error = document.getElementById('audit-error');
  error.hidden = true;
  const params = new URLSearchParams({ limit: String(PAGE) });
  const user = document.getElementById('user').value.trim();
  if (user) params.set('user', user);
  if (append && lastId != null) params.set('before', String(lastId));
  try {
    const entries = await cc.api('GET', '/api/v1/audit?' + params);
    const body = document.querySelector('#audit tbody');
    if (!append) body.replaceChildren();
    for (const e of entries) {
      const tr = document.createElement('tr');
      for (const v of [cc.time(e.at), e.actor, e.action, e.target, e.detail, e.sourceAddress]) cc.cell(tr, v);
      body.append(tr);
    }
    if (entries.length) lastId = entries[entries.length - 1].id;
    document.getElementById('audit-empty').hidden = body.children.length > 0;
    document.getElementById('older').hidden = entries.length < PAGE;
  } catch (e) {
    error.textContent = e.message;
    error.hidden = false;
  }
}

document.getElementById('filter').addEventListener('submit', event => {
  event.preventDefault();
  lastId = null;
  load(false);
});
document.getElementById('older').addEventListener('click', () => load(true));
load(false);
