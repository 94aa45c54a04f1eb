// The latest robot calls, newest first. Text is set with textContent only: it comes from calls.
async function load() {
  const calls = await cc.api('GET', '/api/v1/robot/calls?limit=100');
  const body = document.querySelector('#calls tbody');
  body.replaceChildren();
  for (const c of calls) {
    const tr = document.createElement('tr');
    const link = document.createElement('a');
    link.href = '/robot/calls/' + encodeURIComponent(c.attemptId);
    link.textContent = cc.time(c.createdAt);
    cc.cell(tr, link);
    cc.cell(tr, c.phone);
    cc.cell(tr, c.scriptId + ' v' + c.scriptVersion);
    cc.cell(tr, c.dialOutcome ? cc.label(c.dialOutcome) : cc.label('call.' + c.status));
    cc.cell(tr, c.outcome ? cc.label(c.outcome.toLowerCase()) : '');
    body.append(tr);
  }
  document.getElementById('no-calls').hidden = calls.length > 0;
}
load();
