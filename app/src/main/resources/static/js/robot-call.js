// One robot call: the result, the recording and the turns as a timeline. Transcripts are
// untrusted (what a callee said): only ever set as textContent.
const attemptId = document.getElementById('attempt').dataset.attempt;

function row(table, name, value) {
  const tr = document.createElement('tr');
  const th = document.createElement('th'); th.textContent = name;
  const td = document.createElement('td'); td.textContent = value == null ? '' : String(value);
  tr.append(th, td); table.append(tr);
}

async function load() {
  const res = await fetch('/api/v1/robot/calls/' + encodeURIComponent(attemptId), { headers: { Accept: 'application/json' } });
  if (!res.ok) { document.querySelector('#summary tbody').textContent = 'Not found 未找到'; return; }
  const a = await res.json();
  const summary = document.querySelector('#summary tbody');
  summary.replaceChildren();
  row(summary, 'Phone 号码', a.phone);
  row(summary, 'Script 话术', a.scriptId + ' v' + a.scriptVersion + ' (' + a.language + ')');
  row(summary, 'Status 状态', a.status);
  row(summary, 'Dial outcome 拨号结果', a.dialOutcome);
  row(summary, 'Outcome 结果', a.outcome);
  row(summary, 'Call back at 回拨时间', a.callbackAt ? new Date(a.callbackAt).toLocaleString() : '');
  const audio = document.getElementById('recording');
  if (a.callId) {
    audio.src = '/api/v1/calls/' + encodeURIComponent(a.callId) + '/recording';
  } else {
    audio.hidden = true;
    document.getElementById('no-recording').hidden = false;
  }
  const turns = document.getElementById('turns');
  turns.replaceChildren();
  for (const t of a.turns) {
    const li = document.createElement('li');
    li.className = t.speaker === 'ROBOT' ? 'robot' : 'callee';
    const who = document.createElement('b');
    who.textContent = (t.speaker === 'ROBOT' ? 'Robot 机器人' : 'Callee 客户') + ' · ' + new Date(t.at).toLocaleTimeString();
    const text = document.createElement('div');
    text.textContent = t.text || (t.dtmf ? 'pressed ' + t.dtmf : '(silence 无应答)');
    li.append(who, text);
    if (t.label) {
      const label = document.createElement('span');
      label.className = 'label';
      label.textContent = t.label + ' ' + Math.round(t.confidence * 100) + '%';
      li.append(label);
    }
    turns.append(li);
  }
  if (a.status !== 'FINISHED') setTimeout(load, 2000);
}
load();
