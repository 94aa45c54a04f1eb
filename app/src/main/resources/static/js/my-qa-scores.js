// The signed-in agent's scored conversations; one opened shows its rule hits, each linked to its
// time in the recording, and lets the agent appeal a reviewed score. Text is set with textContent.
const player = document.getElementById('player');
let current = null;

function seconds(ms) {
  return cc.t('js.qa.seconds', (ms / 1000).toFixed(1));
}

function seek(ms) {
  if (player.hidden) return;
  player.currentTime = ms / 1000;
  player.play().catch(() => {});
}

function failure(e) {
  const error = document.getElementById('load-error');
  error.textContent = e.message;
  error.hidden = false;
}

async function open(id) {
  try {
    current = await cc.api('GET', '/api/v1/qa/my/conversations/' + encodeURIComponent(id));
  } catch (e) {
    failure(e);
    return;
  }
  const s = current.summary;
  document.getElementById('detail').hidden = false;
  const chat = s.channel === 'CHAT';
  player.hidden = chat;
  document.getElementById('no-recording').hidden = !chat;
  if (!chat) {
    player.src = '/api/v1/qa/my/conversations/' + encodeURIComponent(id) + '/recording';
  } else {
    player.removeAttribute('src');
  }
  const body = document.querySelector('#hits tbody');
  body.replaceChildren();
  for (const h of current.score ? current.score.hits : []) {
    const tr = document.createElement('tr');
    const at = document.createElement('button');
    at.type = 'button';
    at.className = 'seek';
    at.dataset.ms = h.startMs;
    at.textContent = seconds(h.startMs);
    at.addEventListener('click', () => seek(h.startMs));
    cc.cell(tr, at);
    cc.cell(tr, h.ruleName);
    cc.cell(tr, h.passed ? cc.t('js.qa.passed') : (h.autoFail ? cc.t('js.qa.auto-failed') : cc.t('js.qa.failed')));
    cc.cell(tr, h.evidence);
    tr.className = h.passed ? 'qa-passed' : 'qa-failed';
    body.append(tr);
  }
  const reviewed = current.review != null;
  document.querySelector('#appeal-form button').disabled = !reviewed;
  document.getElementById('appeal-status').textContent = reviewed ? '' : cc.t('js.scores.not-reviewed');
  document.getElementById('detail').scrollIntoView();
}

async function loadConversations() {
  const list = await cc.api('GET', '/api/v1/qa/my/conversations');
  const body = document.querySelector('#conversations tbody');
  body.replaceChildren();
  for (const c of list) {
    const tr = document.createElement('tr');
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'open-conversation';
    b.dataset.conversation = c.conversationId;
    b.textContent = cc.time(c.endedAt);
    b.addEventListener('click', () => open(c.conversationId));
    cc.cell(tr, b);
    cc.cell(tr, cc.label('qa.' + c.channel));
    cc.cell(tr, c.autoScore == null ? '' : cc.number(c.autoScore) + (c.autoFailed ? ' ' + cc.t('js.qa.auto-failed') : ''));
    cc.cell(tr, c.finalScore == null ? '' : cc.number(c.finalScore));
    cc.cell(tr, c.reviewedBy || '');
    body.append(tr);
  }
  document.getElementById('no-conversations').hidden = list.length > 0;
}

async function loadAppeals() {
  const list = await cc.api('GET', '/api/v1/qa/my/appeals');
  const body = document.querySelector('#my-appeals tbody');
  body.replaceChildren();
  for (const a of list) {
    const tr = document.createElement('tr');
    cc.cell(tr, cc.time(a.openedAt));
    cc.cell(tr, a.reason);
    cc.cell(tr, cc.label('appeal.' + a.state));
    cc.cell(tr, cc.number(a.scoreBefore));
    cc.cell(tr, a.finalScore == null ? '' : cc.number(a.finalScore));
    body.append(tr);
  }
  document.getElementById('no-appeals').hidden = list.length > 0;
}

document.getElementById('appeal-form').addEventListener('submit', async event => {
  event.preventDefault();
  const status = document.getElementById('appeal-status');
  if (!current) return;
  try {
    await cc.api('POST', '/api/v1/qa/conversations/' + encodeURIComponent(current.summary.conversationId) + '/appeals', {
      reason: document.getElementById('appeal-reason').value
    });
    status.textContent = cc.t('js.scores.appealed');
    document.getElementById('appeal-reason').value = '';
    await loadAppeals();
  } catch (e) {
    status.textContent = e.message;
  }
});

Promise.all([loadConversations(), loadAppeals()]).catch(failure);
