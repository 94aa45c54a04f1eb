/*
 * Contact center chat widget. One tag on any page:
 *   <script src="https://<server>/chat/widget.js" data-site="<site id>" async></script>
 * Optional: data-lang="zh|en" (else the page's <html lang>), data-identity="<token the shop
 * signed>" for a signed-in customer. Everything lives in a shadow root, so the page's CSS neither
 * styles nor breaks it. Messages are shown with textContent only: whatever anyone types stays text.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) {
    return;
  }
  var base = new URL(script.src).origin;
  var site = script.getAttribute('data-site') || '';
  var identity = script.getAttribute('data-identity') || '';
  var pageLang = (script.getAttribute('data-lang') || document.documentElement.lang ||
      navigator.language || 'en').toLowerCase();
  var lang = pageLang.indexOf('zh') === 0 ? 'zh' : 'en';
  var T = {
    en: {
      open: 'Chat with us', title: 'Customer service', close: 'Close chat',
      placeholder: 'Type your question…', send: 'Send', log: 'Conversation',
      reconnecting: 'Reconnecting…', failed: 'Not sent: ', rate: 'How was this chat?',
      comment: 'Comment (optional)', submit: 'Submit rating', thanks: 'Thank you for your rating!',
      you: 'You', bot: 'Assistant', agent: 'Agent', system: 'Notice', end: 'End chat',
      image: 'Send a picture', picture: 'Picture'
    },
    zh: {
      open: '在线客服', title: '在线客服', close: '关闭对话',
      placeholder: '请输入您的问题…', send: '发送', log: '对话记录',
      reconnecting: '正在重新连接…', failed: '发送失败：', rate: '请为本次服务打分',
      comment: '意见（选填）', submit: '提交评分', thanks: '感谢您的评价！',
      you: '我', bot: '智能客服', agent: '客服', system: '提示', end: '结束对话',
      image: '发送图片', picture: '图片'
    }
  }[lang];

  var CSS = [
    ':host{all:initial}',
    '*{box-sizing:border-box;font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif}',
    '.launcher{position:fixed;right:16px;bottom:16px;z-index:2147483000;border:0;border-radius:24px;',
    'padding:12px 18px;background:#1f5fbf;color:#fff;font-size:15px;cursor:pointer}',
    '.launcher:focus-visible,button:focus-visible,textarea:focus-visible,input:focus-visible{outline:3px solid #f5a623;outline-offset:2px}',
    '.panel{position:fixed;right:8px;bottom:8px;z-index:2147483001;width:min(380px,calc(100vw - 16px));',
    'height:min(560px,calc(100vh - 16px));display:flex;flex-direction:column;background:#fff;color:#1b1b1b;',
    'border:1px solid #c8ccd2;border-radius:12px;box-shadow:0 8px 28px rgba(0,0,0,.2);overflow:hidden}',
    '.panel[hidden]{display:none}',
    'header{display:flex;align-items:center;justify-content:space-between;padding:10px 12px;background:#1f5fbf;color:#fff}',
    'header h2{margin:0;font-size:16px}',
    'header button{background:transparent;color:#fff;border:0;font-size:14px;cursor:pointer;padding:6px}',
    '.log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:8px;background:#f6f7f9}',
    '.msg{max-width:85%;padding:8px 10px;border-radius:10px;white-space:pre-wrap;overflow-wrap:anywhere;font-size:14px;line-height:1.4}',
    '.msg .who{display:block;font-size:11px;color:#5a6270;margin-bottom:2px}',
    '.visitor{align-self:flex-end;background:#dbe8ff}',
    '.bot,.agent{align-self:flex-start;background:#fff;border:1px solid #dde1e6}',
    '.system{align-self:center;background:transparent;color:#5a6270;font-size:12px;text-align:center}',
    '.status{font-size:12px;color:#8a4b00;padding:0 12px;min-height:16px}',
    '.queue{font-size:13px;color:#1b1b1b;background:#fff6e0;padding:6px 12px;border-top:1px solid #f0d9a8}',
    '.queue[hidden]{display:none}',
    'form{display:flex;gap:6px;padding:8px;border-top:1px solid #e3e6ea}',
    'textarea{flex:1;resize:none;height:44px;padding:8px;font-size:14px;border:1px solid #b9bec6;border-radius:8px}',
    '.msg img{display:block;max-width:100%;max-height:240px;border-radius:6px}',
    'button.attach{border:1px solid #b9bec6;border-radius:8px;background:#fff;color:#1b1b1b;padding:0 10px;font-size:18px;cursor:pointer}',
    'button.send{border:0;border-radius:8px;background:#1f5fbf;color:#fff;padding:0 14px;font-size:14px;cursor:pointer}',
    '.rating{padding:8px 12px;border-top:1px solid #e3e6ea}',
    '.rating fieldset{border:0;margin:0;padding:0;display:flex;gap:6px;align-items:center;flex-wrap:wrap}',
    '.rating legend{font-size:14px;margin-bottom:6px}',
    '.rating label{font-size:14px}',
    '.rating input[type=text]{width:100%;margin-top:6px;padding:6px;font-size:14px}',
    '.rating button{margin-top:6px;border:0;border-radius:8px;background:#1f5fbf;color:#fff;padding:8px 12px}',
    '.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}'
  ].join('');

  var host = document.createElement('div');
  host.setAttribute('data-cc-chat', '');
  var root = host.attachShadow({ mode: 'open' });
  // A constructed style sheet, not a <style> element: pages with a strict style-src still allow it.
  var sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  root.adoptedStyleSheets = [sheet];

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  var launcher = el('button', { class: 'launcher', type: 'button', 'aria-expanded': 'false',
    'aria-controls': 'cc-chat-panel' }, T.open);
  var panel = el('section', { class: 'panel', id: 'cc-chat-panel', role: 'dialog',
    'aria-label': T.title, hidden: '' });
  var header = el('header');
  header.appendChild(el('h2', {}, T.title));
  var endButton = el('button', { type: 'button' }, T.end);
  var closeButton = el('button', { type: 'button', 'aria-label': T.close }, '✕');
  var buttons = el('div');
  buttons.appendChild(endButton);
  buttons.appendChild(closeButton);
  header.appendChild(buttons);
  var log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': T.log,
    tabindex: '0' });
  var status = el('div', { class: 'status', role: 'status' });
  // While waiting for an agent: "you are number N in line, about M minutes", pushed by the server.
  var queueLine = el('div', { class: 'queue', role: 'status', 'aria-live': 'polite', hidden: '' });
  var form = el('form');
  var input = el('textarea', { 'aria-label': T.placeholder, placeholder: T.placeholder,
    maxlength: '2000' });
  var send = el('button', { class: 'send', type: 'submit' }, T.send);
  // Pictures: the server checks the type by content, limits the size and removes EXIF.
  var picker = el('input', { type: 'file', accept: 'image/png,image/jpeg,image/gif', class: 'sr',
    tabindex: '-1', 'aria-hidden': 'true' });
  var attach = el('button', { class: 'attach', type: 'button', 'aria-label': T.image,
    title: T.image }, '🖼');
  form.appendChild(picker);
  form.appendChild(attach);
  form.appendChild(input);
  form.appendChild(send);
  panel.appendChild(header);
  panel.appendChild(log);
  panel.appendChild(queueLine);
  panel.appendChild(status);
  panel.appendChild(form);
  root.appendChild(launcher);
  root.appendChild(panel);

  var storeKey = 'cc-chat:' + site;
  var saved = {};
  try { saved = JSON.parse(localStorage.getItem(storeKey) || '{}'); } catch (e) { saved = {}; }
  var state = { conversationId: null, token: saved.token || null, lastSeq: 0, socket: null,
    outbox: [], failures: 0, fallback: false, polling: false, opened: false };

  function persist() {
    try { localStorage.setItem(storeKey, JSON.stringify({ token: state.token })); } catch (e) { /* private mode */ }
  }

  function show(m) {
    if (m.seq <= state.lastSeq) {
      return; // already shown: replays and the fallback may repeat what the socket delivered
    }
    state.lastSeq = m.seq;
    var kind = m.sender;
    var div = el('div', { class: 'msg ' + kind, 'data-seq': String(m.seq) });
    var who = { visitor: T.you, bot: T.bot, agent: T.agent, system: T.system }[kind] || '';
    if (kind !== 'system') {
      div.appendChild(el('span', { class: 'who' }, kind === 'agent' && m.author ? T.agent + ' ' + m.author : who));
    }
    if (m.attachment) {
      div.appendChild(el('img', { src: base + '/chat/api/images/' + encodeURIComponent(m.attachment),
        alt: T.picture }));
    } else {
      div.appendChild(document.createTextNode(m.text));
    }
    log.appendChild(div);
    log.scrollTop = log.scrollHeight;
    if (kind === 'system' && m.clientMessageId === 'ended') {
      showRating();
    }
  }

  function api(path, method, body) {
    var headers = { 'Content-Type': 'application/json' };
    if (state.token) { headers['X-Chat-Token'] = state.token; }
    return fetch(base + path, { method: method || 'GET', headers: headers,
      body: body ? JSON.stringify(body) : undefined, credentials: 'omit' })
      .then(function (r) {
        return r.text().then(function (t) {
          var data = t ? JSON.parse(t) : {};
          if (!r.ok) { throw new Error(data.detail || String(r.status)); }
          return data;
        });
      });
  }

  function start() {
    if (state.opened) { return Promise.resolve(); }
    state.opened = true;
    return api('/chat/api/sessions', 'POST', { site: site, lang: lang, visitorToken: state.token,
      identity: identity || null })
      .then(function (s) {
        state.conversationId = s.conversationId;
        state.token = s.visitorToken;
        persist();
        connect();
      })
      .catch(function (e) { state.opened = false; status.textContent = T.failed + e.message; });
  }

  function connect() {
    if (state.fallback) { poll(); return; }
    var url = base.replace(/^http/, 'ws') + '/chat/ws?conversation=' +
      encodeURIComponent(state.conversationId) + '&token=' + encodeURIComponent(state.token) +
      '&after=' + state.lastSeq;
    var ws;
    try { ws = new WebSocket(url); } catch (e) { useFallback(); return; }
    var opened = false;
    state.socket = ws;
    ws.onopen = function () {
      opened = true;
      state.failures = 0;
      status.textContent = '';
      state.outbox.forEach(function (m) { ws.send(JSON.stringify(m)); });
    };
    ws.onmessage = function (event) {
      var f = JSON.parse(event.data);
      if (f.type === 'message') { show(f); }
      else if (f.type === 'ack') { acked(f.clientMessageId); }
      else if (f.type === 'error') { refused(f.clientMessageId, f.detail); }
      else if (f.type === 'queue') { showQueue(f); }
    };
    ws.onclose = function () {
      state.socket = null;
      if (!opened) { state.failures++; }
      if (state.failures >= 2) { useFallback(); return; }
      status.textContent = T.reconnecting;
      // Back off a little; a reconnect asks for everything after the last seq shown.
      setTimeout(connect, Math.min(10000, 500 * Math.pow(2, state.failures)));
    };
  }

  function showQueue(q) {
    if (q && q.position > 0) {
      queueLine.textContent = q.text;
      queueLine.hidden = false;
    } else {
      queueLine.textContent = '';
      queueLine.hidden = true;
    }
  }

  function useFallback() {
    state.fallback = true;
    status.textContent = '';
    state.outbox.forEach(postMessage);
    poll();
  }

  function poll() {
    if (state.polling) { return; }
    state.polling = true;
    api('/chat/api/conversations/' + encodeURIComponent(state.conversationId) +
        '/messages?after=' + state.lastSeq)
      .then(function (page) {
        state.polling = false;
        page.messages.forEach(show);
        showQueue(page.queue);
        poll();
      })
      .catch(function () {
        state.polling = false;
        status.textContent = T.reconnecting;
        setTimeout(poll, 3000);
      });
  }

  function acked(clientMessageId) {
    state.outbox = state.outbox.filter(function (m) { return m.clientMessageId !== clientMessageId; });
  }

  function refused(clientMessageId, detail) {
    acked(clientMessageId);
    status.textContent = T.failed + detail;
  }

  function postMessage(m) {
    api('/chat/api/conversations/' + encodeURIComponent(state.conversationId) + '/messages', 'POST',
      { clientMessageId: m.clientMessageId, text: m.text })
      .then(function () { acked(m.clientMessageId); })
      .catch(function (e) { refused(m.clientMessageId, e.message); });
  }

  function newId() {
    return 'w' + Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) { return; }
    input.value = '';
    status.textContent = '';
    // Kept until acknowledged and re-sent with the same id after a reconnect: stored once.
    var m = { type: 'message', clientMessageId: newId(), text: text };
    state.outbox.push(m);
    if (state.socket && state.socket.readyState === 1) { state.socket.send(JSON.stringify(m)); }
    else if (state.fallback) { postMessage(m); }
  });
  attach.addEventListener('click', function () { picker.click(); });
  picker.addEventListener('change', function () {
    var file = picker.files && picker.files[0];
    picker.value = '';
    if (!file || !state.conversationId) { return; }
    var body = new FormData();
    body.append('file', file);
    body.append('clientMessageId', newId());
    status.textContent = '';
    fetch(base + '/chat/api/conversations/' + encodeURIComponent(state.conversationId) + '/images', {
      method: 'POST', headers: { 'X-Chat-Token': state.token }, body: body, credentials: 'omit' })
      .then(function (r) {
        return r.text().then(function (t) {
          var data = t ? JSON.parse(t) : {};
          if (!r.ok) { throw new Error(data.detail || String(r.status)); }
          if (state.fallback) { poll(); }
        });
      })
      .catch(function (e) { status.textContent = T.failed + e.message; });
  });
  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  function openPanel() {
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    launcher.hidden = true;
    input.focus();
    start();
  }
  function closePanel() {
    panel.hidden = true;
    launcher.hidden = false;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }
  launcher.addEventListener('click', openPanel);
  closeButton.addEventListener('click', closePanel);
  panel.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') { closePanel(); }
  });
  endButton.addEventListener('click', function () {
    if (state.conversationId) {
      api('/chat/api/conversations/' + encodeURIComponent(state.conversationId) + '/end', 'POST');
    }
  });

  function showRating() {
    if (panel.querySelector('.rating')) { return; }
    var box = el('form', { class: 'rating' });
    var set = el('fieldset');
    set.appendChild(el('legend', {}, T.rate));
    for (var i = 1; i <= 5; i++) {
      var id = 'cc-rate-' + i;
      var radio = el('input', { type: 'radio', name: 'score', value: String(i), id: id });
      set.appendChild(radio);
      set.appendChild(el('label', { for: id }, String(i)));
    }
    box.appendChild(set);
    var comment = el('input', { type: 'text', 'aria-label': T.comment, placeholder: T.comment,
      maxlength: '2000' });
    box.appendChild(comment);
    box.appendChild(el('button', { type: 'submit' }, T.submit));
    box.addEventListener('submit', function (event) {
      event.preventDefault();
      var chosen = box.querySelector('input[name=score]:checked');
      if (!chosen) { return; }
      api('/chat/api/conversations/' + encodeURIComponent(state.conversationId) + '/rating', 'POST',
        { score: Number(chosen.value), comment: comment.value || null })
        .then(function () { box.replaceWith(el('p', { class: 'status', role: 'status' }, T.thanks)); })
        .catch(function (e) { status.textContent = T.failed + e.message; });
    });
    form.replaceWith(box);
  }

  (document.body || document.documentElement).appendChild(host);
  // A visitor already chatting (a stored token) sees the conversation again after navigating.
  if (state.token && script.getAttribute('data-open') === 'true') { openPanel(); }
})();
