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
