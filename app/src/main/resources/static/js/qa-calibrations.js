// Calibration: a lead starts one on a scored conversation; each reviewer marks every item met or
// not and gives a score, without seeing the others' until they submitted; then the spread per item
// and the overall variance against the lead's reference show. Text is set with textContent only.
let current = null;

function render(list) {
  const body = document.querySelector('#calibrations tbody');
  body.replaceChildren();
  for (const c of list) {
    const tr = document.createElement('tr');
    tr.dataset.calibration = c.id;
    cc.cell(tr, cc.time(c.createdAt));
    cc.cell(tr, c.conversationId);
    cc.cell(tr, c.lead);
    cc.cell(tr, cc.number(c.submitted));
    const open = document.createElement('button');
    open.type = 'button';
    open.className = 'open-calibration';
    open.textContent = document.querySelector('#calibrations th:last-child').textContent;
    open.addEventListener('click', () => show(c.id));
    cc.cell(tr, open);
    body.append(tr);
  }
  document.getElementById('no-calibrations').hidden = list.length > 0;
}

async function loadList() {
  try {
    render(await cc.api('GET', '/api/v1/qa/calibrations'));
  } catch (e) {
    const error = document.getElementById('load-error');
    error.textContent = e.message;
    error.hidden = false;
  }
}

function yesNo(value) {
  return value == null ? '' : cc.t(value ? 'js.calibration.met' : 'js.calibration.not-met');
}

function showItems(c) {
  const items = document.getElementById('items');
  items.replaceChildren();
  for (const item of c.items) {
    const p = document.createElement('p');
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.className = 'item-met';
    box.dataset.rule = item.ruleId;
    box.checked = item.automaticallyMet;
    label.append(box, ' ' + item.ruleName + ' (' + item.section + ')');
    p.append(label);
    items.append(p);
  }
}

function showResult(c) {
  const r = c.result;
  document.getElementById('summary').textContent = cc.t(
    'js.calibration.summary',
    r.reference == null ? '–' : cc.number(r.reference),
    cc.number(r.reviewers),
    r.meanScore == null ? '–' : cc.number(r.meanScore),
    r.variance == null ? '–' : cc.number(r.variance),
    r.varianceAgainstReference == null ? '–' : cc.number(r.varianceAgainstReference),
    r.largestDifference == null ? '–' : cc.number(r.largestDifference));
  const spread = document.querySelector('#spread tbody');
  spread.replaceChildren();
  for (const s of r.items) {
    const tr = document.createElement('tr');
    tr.dataset.rule = s.ruleId;
    cc.cell(tr, s.ruleName);
    cc.cell(tr, yesNo(s.reference));
    cc.cell(tr, cc.number(s.met));
    cc.cell(tr, cc.number(s.notMet));
    cc.cell(tr, cc.number(s.againstReference));
    cc.cell(tr, (Math.round(s.agreement * 1000) / 10).toLocaleString(cc.lang) + ' %');
    spread.append(tr);
  }
  const scores = document.querySelector('#submissions tbody');
  scores.replaceChildren();
  for (const s of c.scores) {
    const tr = document.createElement('tr');
    cc.cell(tr, s.reviewer + (s.reviewer === c.lead ? ' ' + cc.t('js.calibration.lead') : ''));
    cc.cell(tr, cc.number(s.score));
    cc.cell(tr, s.comment);
    scores.append(tr);
  }
}

async function show(id) {
  const c = await cc.api('GET', '/api/v1/qa/calibrations/' + encodeURIComponent(id));
  current = c;
  document.getElementById('detail').hidden = false;
  document.getElementById('detail-conversation').href =
    '/qa/reviews/' + encodeURIComponent(c.conversationId);
  document.getElementById('detail-note').textContent = c.note || '';
  document.getElementById('score-status').textContent = '';
  document.getElementById('score-form').hidden = c.submittedByViewer;
  document.getElementById('result').hidden = !c.submittedByViewer;
  if (c.submittedByViewer) {
    showResult(c);
  } else {
    showItems(c);
    document.getElementById('calibration-score').value = '';
    document.getElementById('calibration-comment').value = '';
  }
  document.getElementById('detail').scrollIntoView();
}

document.getElementById('start-form').addEventListener('submit', async event => {
  event.preventDefault();
  const status = document.getElementById('start-status');
  try {
    const c = await cc.api('POST', '/api/v1/qa/calibrations', {
      conversationId: document.getElementById('start-conversation').value.trim(),
      note: document.getElementById('start-note').value
    });
    status.textContent = cc.t('js.calibration.started');
    await loadList();
    await show(c.id);
  } catch (e) {
    status.textContent = e.message;
  }
});

document.getElementById('score-form').addEventListener('submit', async event => {
  event.preventDefault();
  const status = document.getElementById('score-status');
  const items = {};
  for (const box of document.querySelectorAll('#items .item-met')) {
    items[box.dataset.rule] = box.checked;
  }
  const score = document.getElementById('calibration-score').value;
  try {
    await cc.api('POST', '/api/v1/qa/calibrations/' + encodeURIComponent(current.id) + '/scores', {
      score: score === '' ? null : Number(score),
      items,
      comment: document.getElementById('calibration-comment').value
    });
    await show(current.id);
    await loadList();
  } catch (e) {
    status.textContent = e.message;
  }
});

const requested = new URLSearchParams(location.search).get('conversation');
if (requested) document.getElementById('start-conversation').value = requested;
loadList();
