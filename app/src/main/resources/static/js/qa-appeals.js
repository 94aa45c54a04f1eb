// QA staff decide agents' appeals: the open ones first (oldest first), each with its turnaround
// against the target (cc.qa.appeals.decision-target, read from the appeal report); open appeals
// past it are marked overdue. Text is set with textContent only.
let targetHours = 48;
let appeals = [];
let chosen = null;

function overdue(a) {
  return a.state === 'OPEN' && (new Date() - new Date(a.openedAt)) / 3600000 > targetHours;
}

function turnaround(a) {
  const end = a.decidedAt ? new Date(a.decidedAt) : new Date();
  const hours = Math.floor((end - new Date(a.openedAt)) / 3600000);
  return overdue(a) || (a.decidedAt && (end - new Date(a.openedAt)) / 3600000 > targetHours)
    ? cc.t('js.appeals.overdue', hours, cc.number(targetHours))
    : cc.t('js.appeals.hours', hours);
}

function render() {
  const body = document.querySelector('#appeals tbody');
  body.replaceChildren();
  for (const a of appeals) {
    const tr = document.createElement('tr');
    tr.dataset.appeal = a.id;
    if (overdue(a)) {
      tr.classList.add('overdue');
      tr.dataset.overdue = 'true';
    }
    const link = document.createElement('a');
    link.href = '/qa/reviews/' + encodeURIComponent(a.conversationId);
    link.textContent = cc.time(a.openedAt);
    cc.cell(tr, link);
    cc.cell(tr, a.appellant);
    cc.cell(tr, a.reason);
    cc.cell(tr, cc.number(a.scoreBefore));
    cc.cell(tr, a.finalScore == null ? '' : cc.number(a.finalScore));
    cc.cell(tr, cc.label('appeal.' + a.state) + (a.decidedBy ? ' (' + a.decidedBy + ')' : ''));
    cc.cell(tr, turnaround(a));
    if (a.state === 'OPEN') {
      const decide = document.createElement('button');
      decide.type = 'button';
      decide.className = 'decide';
      decide.textContent = document.querySelector('#appeals th:last-child').textContent;
      decide.addEventListener('click', () => choose(a));
      cc.cell(tr, decide);
    } else {
      cc.cell(tr, '');
    }
    body.append(tr);
  }
  document.getElementById('no-appeals').hidden = appeals.length > 0;
}

function choose(a) {
  chosen = a;
  const section = document.getElementById('decision');
  section.hidden = false;
  const link = document.getElementById('decision-conversation');
  link.href = '/qa/reviews/' + encodeURIComponent(a.conversationId);
  document.getElementById('decision-reason').textContent = a.appellant + ': ' + a.reason;
  document.getElementById('decision-score').value = a.scoreBefore;
  document.getElementById('decision-status').textContent = '';
  section.scrollIntoView();
  document.getElementById('decision-score').focus();
}

async function loadTarget() {
  // Only the target and the overdue count: the appeal report of the last day is enough for both.
  const report = await cc.api('GET', '/api/v1/qa/reports/appeals?from='
    + new Date(Date.now() - 86400000).toISOString());
  targetHours = report.targetHours;
  document.getElementById('appeal-target').textContent =
    cc.t('js.appeals.target', cc.number(targetHours), cc.number(report.overdueCount));
}

async function load() {
  const state = document.getElementById('appeal-state').value;
  try {
    await loadTarget();
    appeals = await cc.api('GET', '/api/v1/qa/appeals' + (state ? '?state=' + state : ''));
    render();
  } catch (e) {
    const error = document.getElementById('load-error');
    error.textContent = e.message;
    error.hidden = false;
  }
}

document.getElementById('decision-form').addEventListener('submit', async event => {
  event.preventDefault();
  const status = document.getElementById('decision-status');
  if (!chosen) {
    status.textContent = cc.t('js.appeals.choose');
    return;
  }
  const accepted = document.querySelector('input[name="accepted"]:checked').value === 'true';
  const score = document.getElementById('decision-score').value;
  try {
    await cc.api('POST', '/api/v1/qa/appeals/' + encodeURIComponent(chosen.id) + '/decision', {
      accepted,
      score: score === '' ? null : Number(score),
      comment: document.getElementById('decision-comment').value
    });
    status.textContent = cc.t('js.appeals.decided');
    chosen = null;
    await load();
  } catch (e) {
    status.textContent = e.message;
  }
});
document.getElementById('appeal-state').addEventListener('change', load);
document.getElementById('appeals-filter').addEventListener('submit', event => event.preventDefault());
load();
