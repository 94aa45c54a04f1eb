// Change one's own password. The server checks the rules and says what is wrong.
document.getElementById('change').addEventListener('submit', async event => {
  event.preventDefault();
  const error = document.getElementById('change-error');
  const done = document.getElementById('changed');
  error.hidden = true;
  done.hidden = true;
  const current = document.getElementById('current').value;
  const fresh = document.getElementById('new').value;
  if (fresh !== document.getElementById('confirm').value) {
    error.textContent = document.getElementById('mismatch').textContent;
    error.hidden = false;
    return;
  }
  try {
    await cc.api('POST', '/api/v1/me/password', { currentPassword: current, newPassword: fresh });
    event.target.reset();
    done.hidden = false;
    const required = document.getElementById('required');
    if (required) required.hidden = true;
  } catch (e) {
    error.textContent = e.message;
    error.hidden = false;
  }
});

// Personal access tokens: the secret is shown once, right after it is created.
async function loadTokens() {
  const tokens = await cc.api('GET', '/api/v1/me/tokens');
  const body = document.querySelector('#tokens tbody');
  body.replaceChildren();
  for (const t of tokens) {
    const tr = document.createElement('tr');
    cc.cell(tr, t.name);
    cc.cell(tr, cc.time(t.createdAt));
    cc.cell(tr, cc.time(t.expiresAt));
    cc.cell(tr, cc.time(t.lastUsedAt));
    const revoke = document.createElement('button');
    revoke.type = 'button';
    revoke.textContent = document.querySelector('[data-msg="revoke"]').textContent;
    revoke.addEventListener('click', async () => {
      await cc.api('DELETE', '/api/v1/me/tokens/' + encodeURIComponent(t.id));
      await loadTokens();
    });
    cc.cell(tr, revoke);
    body.append(tr);
  }
  document.getElementById('no-tokens').hidden = tokens.length > 0;
}

document.getElementById('create-token').addEventListener('submit', async event => {
  event.preventDefault();
  const error = document.getElementById('token-error');
  error.hidden = true;
  const days = document.getElementById('token-days').value;
  try {
    const created = await cc.api('POST', '/api/v1/me/tokens', {
      name: document.getElementById('token-name').value.trim(),
      expiresInDays: days ? Number(days) : null });
    const shown = document.getElementById('new-token');
    shown.querySelector('code').textContent = created.token;
    shown.hidden = false;
    event.target.reset();
    await loadTokens();
  } catch (e) {
    error.textContent = e.message;
    error.hidden = false;
  }
});

loadTokens().catch(() => {});
