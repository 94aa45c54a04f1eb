// One conversation: the recording with its transcript (select a word to play from there; the word
// being played is highlighted), the rule hits on a timeline and in a table, and the review form.
// Text is set with textContent only: it comes from calls.
const id = document.getElementById('main').dataset.conversation;
const player = document.getElementById('player');
let words = [];
let wordButtons = [];
let current = -1;

function seconds(ms) {
  return cc.t('js.qa.seconds', (ms / 1000).toFixed(1));
}

function seek(ms) {
  player.currentTime = ms / 1000;
  player.play().catch(() => {});
}

function renderTranscript() {
  const box = document.getElementById('transcript');
  box.replaceChildren();
  wordButtons = words.map(w => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'qa-word';
    b.textContent = w.word;
    b.title = seconds(w.startMs);
    b.addEventListener('click', () => seek(w.startMs));
    box.append(b, ' ');
    return b;
  });
}

function highlight() {
  const ms = player.currentTime * 1000;
  const index = words.findIndex(w => ms >= w.startMs && ms < w.endMs);
  if (index === current) return;
  if (current >= 0) {
    wordButtons[current].classList.remove('current');
    wordButtons[current].removeAttribute('aria-current');
  }
  current = index;
  if (current >= 0) {
    wordButtons[current].classList.add('current');
    wordButtons[current].setAttribute('aria-current', 'true');
  }
}

function renderScore(review) {
  const s = review.summary;
  document.getElementById('auto-score').textContent = s.autoScore == null ? ''
    : cc.number(s.autoScore) + (s.autoFailed ? ' ' + cc.t('js.qa.auto-failed') : '');
  document.getElementById('final-score').textContent = s.finalScore == null ? ''
    : cc.number(s.finalScore) + (s.reviewedBy ? ' (' + s.reviewedBy + ')' : '');
  document.getElementById('state').textContent = cc.label('qa.' + s.state) + (s.failure ? ': ' + s.failure : '');
  const hits = review.score ? review.score.hits : [];
  const body = document.querySelector('#hits tbody');
  body.replaceChildren();
  const timeline = document.getElementById('timeline');
  timeline.replaceChildren();
  for (const h of hits) {
    const tr = document.createElement('tr');
    const at = document.createElement('button');
    at.type = 'button';
    at.textContent = seconds(h.startMs);
    at.addEventListener('click', () => seek(h.startMs));
    cc.cell(tr, at);
    cc.cell(tr, h.ruleName);
    cc.cell(tr, h.section);
    cc.cell(tr, h.passed ? cc.t('js.qa.passed') : (h.autoFail ? cc.t('js.qa.auto-failed') : cc.t('js.qa.failed')));
    cc.cell(tr, h.evidence);
    tr.className = h.passed ? 'qa-passed' : 'qa-failed';
    body.append(tr);
    if (!h.passed && review.durationMs > 0) {
      const mark = document.createElement('button');
      mark.type = 'button';
      mark.className = 'qa-mark';
      mark.style.left = Math.min(100, 100 * h.startMs / review.durationMs) + '%';
      mark.setAttribute('aria-label', h.ruleName + ' ' + seconds(h.startMs));
      mark.title = h.ruleName + ' ' + seconds(h.startMs);
      mark.addEventListener('click', () => seek(h.startMs));
      timeline.append(mark);
    }
  }
}

async function load() {
  try {
    const review = await cc.api('GET', '/api/v1/qa/conversations/' + encodeURIComponent(id));
    words = review.words || [];
    if (review.summary.channel === 'CHAT') {
      // A chat has no recording: its words are whole messages at the times they were sent.
      player.hidden = true;
      player.removeAttribute('src');
    }
    renderTranscript();
    renderScore(review);
    if (review.review) {
      document.getElementById('review-comment').value = review.review.comment || '';
    }
  } catch (e) {
    const error = document.getElementById('load-error');
    error.textContent = e.message;
    error.hidden = false;
  }
}

document.getElementById('review-form').addEventListener('submit', async event => {
  event.preventDefault();
  const status = document.getElementById('review-status');
  const value = document.getElementById('review-score').value;
  try {
    const review = await cc.api('POST', '/api/v1/qa/conversations/' + encodeURIComponent(id) + '/review', {
      score: value === '' ? null : Number(value),
      comment: document.getElementById('review-comment').value
    });
    renderScore(review);
    status.textContent = cc.t('js.qa.review-saved');
  } catch (e) {
    status.textContent = e.message;
  }
});
player.addEventListener('timeupdate', highlight);
player.addEventListener('seeked', highlight);
load();
