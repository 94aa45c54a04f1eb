// The supervisor's wallboard: the board from /api/v1/supervisor/wallboard, then every change
// pushed as a server-sent event. Times in state and waits count up on the page between pushes,
// from the server's instants corrected by the offset between the server's clock and this one.
(() => {
  const base = '/api/v1/supervisor/wallboard';
  let board = null;
  let skew = 0; // server time minus this browser's time, in ms

  function since(instant) {
    if (!instant) return null;
    return Math.max(0, Math.floor((Date.now() + skew - new Date(instant).getTime()) / 1000));
  }

  function duration(seconds) {
    if (seconds == null) return '—';
    const m = Math.floor(seconds / 60);
    const s = seconds % 60;
    return m > 0 ? cc.t('js.wallboard.minutes', m, String(s).padStart(2, '0'))
                 : cc.t('js.wallboard.seconds', s);
  }

  function percent(value) {
    return value == null ? '—' : cc.number(value) + ' %';
  }

  function rows(id, items, fill) {
    const body = document.querySelector('#' + id + ' tbody');
    const fresh = items.map(item => {
      const tr = document.createElement('tr');
      fill(tr, item);
      return tr;
    });
    body.replaceChildren(...fresh);
  }

  // A cell that counts up from an instant; tick() keeps it current between pushes.
  function counter(td, instant) {
    if (instant) td.dataset.since = instant;
    td.textContent = duration(since(instant));
    return td;
  }

  function tick() {
    document.querySelectorAll('td[data-since]').forEach(td => {
      td.textContent = duration(since(td.dataset.since));
    });
  }

  function render() {
    if (!board) return;
    rows('queues', board.queues, (tr, q) => {
      tr.dataset.queue = q.queue;
      cc.cell(tr, q.queue);
      cc.cell(tr, cc.number(q.waiting)).className = 'waiting';
      counter(cc.cell(tr, ''), q.waiting > 0 ? q.oldestWaiting : null).classList.add('longest');
      cc.cell(tr, percent(q.serviceLevel)).className = 'sl';
      cc.cell(tr, percent(q.serviceLevel2)).className = 'sl2';
      cc.cell(tr, cc.number(q.answered)).className = 'answered';
      cc.cell(tr, cc.number(q.abandoned)).className = 'abandoned';
    });
    rows('agents', board.agents, (tr, a) => {
      tr.dataset.agent = a.agentId;
      tr.dataset.state = a.state;
      cc.cell(tr, a.agentId);
      const state = cc.label('presence.' + a.state) + (a.reason ? ' (' + a.reason + ')' : '');
      cc.cell(tr, state).className = 'state';
      counter(cc.cell(tr, ''), a.since).classList.add('in-state');
    });
    document.getElementById('no-agents').hidden = board.agents.length > 0;
    rows('calls', board.calls, (tr, c) => {
      tr.dataset.contact = c.contactId;
      tr.dataset.agent = c.agentId;
      cc.cell(tr, c.agentId);
      cc.cell(tr, c.customer || cc.t('js.wallboard.unknown-customer'));
      cc.cell(tr, c.queue);
      counter(cc.cell(tr, ''), c.answeredAt).classList.add('talking');
      const buttons = document.getElementById('monitor-buttons');
      if (buttons) {
        const td = cc.cell(tr, buttons.content.cloneNode(true));
        td.querySelectorAll('button[data-mode]').forEach(b => {
          b.addEventListener('click', () => monitor(c, b.dataset.mode, b.textContent));
        });
      }
    });
    document.getElementById('no-calls').hidden = board.calls.length > 0;
  }

  // Calls waiting per queue over the last minutes: a sample at every push and every 15 s between
  // pushes (a push comes only on a change), kept in this page for 10 minutes and drawn as a line
  // per queue; the table under the chart lists the same samples as text, newest first.
  const HISTORY_MS = 10 * 60 * 1000;
  const SAMPLE_MS = 15 * 1000;
  const history = []; // { at: server time in ms, waiting: { queue: calls waiting } }
  const MAX_SAMPLES = 400;

  function sameCounts(a, b) {
    const keys = Object.keys(b);
    return keys.length === Object.keys(a).length && keys.every(k => a[k] === b[k]);
  }

  function sample() {
    if (!board) return;
    const at = Date.now() + skew;
    const waiting = Object.fromEntries(board.queues.map(q => [q.queue, q.waiting]));
    // A push that changed something else (an agent's state) adds no point; every change of a
    // queue's count does, however short it lasted.
    const last = history[history.length - 1];
    if (last && at - last.at < SAMPLE_MS - 1000 && sameCounts(last.waiting, waiting)) return;
    history.push({ at, waiting });
    while (history[0].at < at - HISTORY_MS || history.length > MAX_SAMPLES) history.shift();
    drawHistory();
  }

  function drawHistory() {
    const queues = board.queues.map(q => q.queue);
    const times = history.map(h => cc.clock(h.at - skew));
    const lines = queues.map(queue => ({
      label: queue,
      data: history.map(h => h.waiting[queue] ?? null),
      stepped: 'after',
      pointRadius: 2
    }));
    ccCharts.show('waiting-chart', 'line', times, lines, {
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { ticks: { maxTicksLimit: 5, maxRotation: 0 } },
        y: {
          beginAtZero: true,
          ticks: { precision: 0 },
          title: { display: true, text: cc.t('js.wallboard.chart.waiting') }
        }
      }
    });
    const head = document.querySelector('#waiting-history thead tr');
    const time = head.firstElementChild;
    head.replaceChildren(time, ...queues.map(queue => {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = queue;
      return th;
    }));
    rows('waiting-history', history.slice().reverse(), (tr, h) => {
      cc.cell(tr, cc.clock(h.at - skew));
      for (const queue of queues) cc.cell(tr, cc.number(h.waiting[queue]));
    });
  }

  // Listen, whisper or barge: the server rings the supervisor's own phone into the call, or this
  // page's softphone when it is switched on and connected (it answers by itself).
  async function monitor(call, mode, label) {
    const result = document.getElementById('monitor-result');
    const phone = window.ccSupervisorPhone;
    const browser = !!(phone && phone.ready());
    try {
      if (browser) {
        phone.leave();
        phone.expect();
      }
      await cc.api('POST', '/api/v1/supervisor/calls/' + encodeURIComponent(call.contactId) + '/monitor',
        { mode, device: browser ? 'BROWSER' : 'PHONE' });
      result.textContent = cc.t(browser ? 'js.wallboard.monitor-joining' : 'js.wallboard.monitor-ringing',
        label, call.agentId);
    } catch (e) {
      result.textContent = cc.t('js.wallboard.monitor-failed', e.message);
    }
  }

  function follow() {
    cc.live(base + '/stream', event => {
      board = JSON.parse(event.data);
      document.getElementById('updated').textContent = cc.clock();
      render();
      sample();
    }, state => {
      if (state === 'reconnecting') {
        document.getElementById('updated').textContent = cc.t('js.progress.reconnecting');
      } else if (state === 'signed-out') {
        document.getElementById('updated').textContent = cc.t('js.live.signed-out');
      }
    });
  }

  async function start() {
    try {
      const first = await cc.api('GET', base);
      skew = new Date(first.at).getTime() - Date.now();
      board = first;
      document.getElementById('updated').textContent = cc.clock();
      render();
      sample();
    } catch (e) {
      document.getElementById('updated').textContent = cc.t('js.progress.failed', e.message);
    }
    follow();
    // Counting up between pushes (a push comes only when something changed).
    setInterval(tick, 1000);
    setInterval(sample, SAMPLE_MS);
  }

  start();
})();
