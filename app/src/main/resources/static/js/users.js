// Admin page for users: list, roles, disable/enable, password reset, delete, create. User names
// come from the API and are set as textContent only. Texts are rendered by the page (data-msg).
const msg = (key, arg) => {
  const text = document.querySelector('[data-msg="' + key + '"]')?.textContent || key;
  return arg === undefined ? text : text.replace('{0}', arg);
};
const ALL_ROLES = [...document.getElementById('all-roles').content.querySelectorAll('span')]
  .map(s => s.textContent);
const ALL_PERMISSIONS = [...document.getElementById('all-permissions').content.querySelectorAll('span')]
  .map(s => s.textContent);

function show(id, text) {
  const el = document.getElementById(id);
  el.textContent = text || '';
  el.hidden = !text;
}

function button(text, onClick, id) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  if (id) b.id = id;
  b.addEventListener('click', onClick);
  return b;
}

async function act(promise, done) {
  show('users-error', '');
  show('notice', '');
  try {
    const result = await promise;
    if (done) done(result);
    await load();
  } catch (e) {
    show('users-error', e.message);
  }
}

function row(user) {
  const tr = document.createElement('tr');
  tr.dataset.username = user.username;
  cc.cell(tr, user.username);

  const roles = document.createElement('div');
  roles.className = 'roles';
  for (const role of ALL_ROLES) {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.value = role;
    box.checked = user.roles.includes(role);
    label.append(box, ' ' + cc.label('role.' + role));
    roles.append(label);
  }
  roles.append(button(msg('saveRoles'), () => {
    const chosen = [...roles.querySelectorAll('input:checked')].map(b => b.value);
    act(cc.api('PUT', '/api/v1/users/' + encodeURIComponent(user.username) + '/roles', { roles: chosen }),
      () => show('notice', msg('saved')));
  }, 'save-roles-' + user.username));
  cc.cell(tr, roles);

  // Listen, whisper and barge on live calls: each granted on its own (they matter to supervisors).
  const permissions = document.createElement('div');
  permissions.className = 'roles';
  for (const permission of ALL_PERMISSIONS) {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.value = permission;
    box.checked = (user.permissions || []).includes(permission);
    label.append(box, ' ' + cc.label('permission.' + permission));
    permissions.append(label);
  }
  permissions.append(button(msg('savePermissions'), () => {
    const chosen = [...permissions.querySelectorAll('input:checked')].map(b => b.value);
    act(cc.api('PUT', '/api/v1/users/' + encodeURIComponent(user.username) + '/permissions', { permissions: chosen }),
      () => show('notice', msg('saved')));
  }, 'save-permissions-' + user.username));
  cc.cell(tr, permissions);

  const state = (user.enabled ? msg('enabled') : msg('disabled'))
    + (user.mustChangePassword ? ' · ' + msg('mustChange') : '');
  cc.cell(tr, state).className = user.enabled ? 'state RUNNING' : 'state STOPPED';

  const actions = document.createElement('div');
  actions.className = 'actions';
  const path = '/api/v1/users/' + encodeURIComponent(user.username);
  actions.append(user.enabled
    ? button(msg('disable'), () => act(cc.api('POST', path + '/disable')), 'disable-' + user.username)
    : button(msg('enable'), () => act(cc.api('POST', path + '/enable')), 'enable-' + user.username));
  actions.append(button(msg('reset'), () => {
    if (!confirm(msg('confirmReset', user.username))) return;
    act(cc.api('POST', path + '/password-reset'), result => {
      const p = document.getElementById('temporary');
      p.querySelector('span').textContent = msg('temporary', user.username);
      p.querySelector('code').textContent = result.temporaryPassword;
      p.hidden = false;
    });
  }, 'reset-' + user.username));
  actions.append(button(msg('delete'), () => {
    if (!confirm(msg('confirmDelete', user.username))) return;
    act(cc.api('DELETE', path));
  }, 'delete-' + user.username));
  cc.cell(tr, actions);
  return tr;
}

async function load() {
  try {
    const users = await cc.api('GET', '/api/v1/users');
    document.querySelector('#users tbody').replaceChildren(...users.map(row));
  } catch (e) {
    show('users-error', e.message);
  }
}

document.getElementById('create').addEventListener('submit', async event => {
  event.preventDefault();
  const form = event.target;
  show('create-error', '');
  const roles = [...form.querySelectorAll('input[name=roles]:checked')].map(b => b.value);
  try {
    await cc.api('POST', '/api/v1/users', {
      username: form.username.value.trim(), password: form.password.value, roles });
    form.reset();
    await load();
  } catch (e) {
    show('create-error', e.message);
  }
});

load();
