// The conversations QA knows, newest first; by default only those picked for review. Text is set
// with textContent only.
let conversations = [];

function render() {
  const body = document.querySelector('#conversations tbody');
  body.replaceChildren();
  for (const c of conversations) {
    const tr = document.createElement('tr');
    const link = document.createElement('a');
    link.href = '/qa/reviews/' + encodeURIComponent(c.conversationId);
    link.textContent = cc.time(c.endedAt);
    cc.cell(tr, link);
    cc.cell(tr, c.language);
    cc.cell(tr, cc.label('qa.' + c.state));
    cc.cell(tr, c.autoScore == null ? '' : cc.number(c.autoScore) + (c.autoFailed ? ' ' + cc.t('js.qa.auto-failed') : ''));
    cc.cell(tr, c.finalScore == null ? '' : cc.number(c.finalScore));
    cc.cell(tr, c.reviewedBy || '');
    body.append(tr);
  }
  document.getElementById('no-conversations').hidden = conversations.length > 0;
}

async function load() {
  const sampled = document.getElementById('sampled-only').checked;
  conversations = await cc.api('GET', '/api/v1/qa/conversations?limit=200&sampled=' + sampled);
  render();
}

document.getElementById('sampled-only').addEventListener('change', load);
document.getElementById('conversations-filter').addEventListener('submit', event => event.preventDefault());
load();
