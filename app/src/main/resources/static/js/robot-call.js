// One robot call: the result, the recording and the turns as a timeline, followed live by
// server-sent events while the call runs. Transcripts are untrusted (what a callee said): only
// ever set as textContent.
const attemptId = document.getElementById('attempt').dataset.attempt;
const path = '/api/v1/robot/calls/' + encodeURIComponent(attemptId);

function row(table, name, value) {
  const tr = document.createElement('tr');
  const th = document.createElement('th'); th.scope = 'row'; th.textContent = name;
  const td = document.createElement('td'); td.textContent = value == null ? '' : String(value);
  tr.append(th, td); table.append(tr);
  return td;
}

function render(a) {
  const running = a.status !== 'FINISHED';
  document.getElementById('live').hidden = !running;
  const failure = document.getElementById('failure');
  // Why a call did not go through: the dialogue's failure, else how the dialing ended.
  const unanswered = !running && a.dialOutcome && a.dialOutcome !== 'ANSWERED';
  failure.textContent = a.failure
    ? cc.t('js.robot-call.failed-because', a.failure)
    : (unanswered ? cc.t('js.robot-call.not-answered', cc.label(a.dialOutcome)) : '');
  failure.hidden = failure.textContent === '';
  const test = document.getElementById('test-call');
  test.textContent = a.testCall ? cc.t('js.robot-call.test-call') : '';
  test.hidden = !a.testCall;
  const summary = document.querySelector('#summary tbody');
  summary.replaceChildren();
  row(summary, cc.t('js.robot-call.phone'), a.phone);
  row(summary, cc.t('js.robot-call.script'),
    a.scriptId + ' v' + a.scriptVersion + ' (' + cc.label('language.' + a.language) + ')');
  row(summary, cc.t('js.robot-call.status'), cc.label('call.' + a.status)).id = 'call-status';
  row(summary, cc.t('js.robot-call.dial-outcome'), cc.label(a.dialOutcome));
  row(summary, cc.t('js.robot-call.outcome'), a.outcome ? cc.label(a.outcome.toLowerCase()) : '');
  row(summary, cc.t('js.robot-call.callback-at'), cc.time(a.callbackAt));
  row(summary, cc.t('js.robot-call.started'), cc.time(a.createdAt));
  row(summary, cc.t('js.robot-call.ended'), cc.time(a.endedAt));
  const edited = document.getElementById('prompt-texts');
  edited.replaceChildren();
  for (const [path, texts] of Object.entries(a.promptTexts || {})) {
    for (const [language, text] of Object.entries(texts)) {
      const li = document.createElement('li');
      const where = document.createElement('b');
      where.textContent = path + ' (' + cc.label('language.' + language) + ')';
      const said = document.createElement('div');
      said.textContent = text;
      li.append(where, said);
      edited.append(li);
    }
  }
  document.getElementById('prompt-texts-section').hidden = edited.children.length === 0;
  const audio = document.getElementById('recording');
  const src = a.callId ? '/api/v1/calls/' + encodeURIComponent(a.callId) + '/recording' : null;
  if (src && !running && audio.getAttribute('src') !== src) {
    audio.src = src;
  }
  audio.hidden = !a.callId || running;
  document.getElementById('no-recording').hidden = Boolean(a.callId) || running;
  const turns = document.getElementById('turns');
  turns.replaceChildren();
  for (const t of a.turns) {
    const li = document.createElement('li');
    li.className = t.speaker === 'ROBOT' ? 'robot' : 'callee';
    const who = document.createElement('b');
    who.textContent = cc.t(t.speaker === 'ROBOT' ? 'js.robot-call.robot' : 'js.robot-call.callee')
      + ' · ' + cc.clock(t.at);
    const text = document.createElement('div');
    text.textContent = t.text || (t.dtmf ? cc.t('js.robot-call.pressed', t.dtmf) : cc.t('js.robot-call.silence'));
    li.append(who, text);
    if (t.label) {
      const label = document.createElement('span');
      label.className = 'label';
      label.textContent = cc.label('label.' + t.label) + ' ' + Math.round(t.confidence * 100) + '%';
      li.append(label);
    }
    turns.append(li);
  }
}

async function init() {
  let attempt;
  try {
    attempt = await cc.api('GET', path);
  } catch (e) {
    const failure = document.getElementById('failure');
    failure.textContent = e.status === 404 ? cc.t('js.robot-call.not-found') : e.message;
    failure.hidden = false;
    return;
  }
  render(attempt);
  if (attempt.status === 'FINISHED') return;
  // While the call runs the server pushes every change; 'end' comes once it is over.
  // cc.live reconnects (with a growing pause) and says when the session ended.
  cc.live(path + '/stream', event => render(JSON.parse(event.data)));
}
init();
