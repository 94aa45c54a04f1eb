// Shared by every page: messages in the page's language, dates and numbers in its format, API
// calls with the CSRF token, error text from problem details, and table cells. Everything the API
// returns is untrusted (names and reasons come from uploaded files): it is only ever set as
// textContent, never as HTML.
const cc = (() => {
  const meta = name => document.querySelector('meta[name="' + name + '"]')?.content;

  // The page renders the session's token (which also stores it in the XSRF-TOKEN cookie);
  // Spring Security expects it back in a header on every state-changing request.
  function csrfHeaders() {
    const token = meta('_csrf');
    return token ? { [meta('_csrf_header') || 'X-XSRF-TOKEN']: token } : {};
  }

  // Fetches JSON; rejects with an Error whose message is the problem's detail (RFC 9457), with
  // the HTTP status as .status and the whole problem (e.g. its list of problems) as .problem.
  async function api(method, path, body) {
    const headers = { Accept: 'application/json', ...(method === 'GET' ? {} : csrfHeaders()) };
    let payload;
    if (body instanceof FormData) {
      payload = body;
    } else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
    const type = res.headers.get('Content-Type') || '';
    const data = type.includes('json') ? await res.json() : null;
    if (!res.ok) {
      const message = (data && (data.detail || data.title)) || res.status + ' ' + res.statusText;
      const error = new Error(message);
      error.status = res.status;
      error.problem = data;
      throw error;
    }
    return data;
  }

  // One page of a list endpoint: its items, how many match on every page (X-Total-Count; capped
  // when counting stopped at a limit and more match, X-Total-Count-Capped) and, for lists paged by
  // keyset, where the next page starts (X-Next-Cursor; null on the last).
  async function page(path) {
    const res = await fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    const type = res.headers.get('Content-Type') || '';
    const data = type.includes('json') ? await res.json() : null;
    if (!res.ok) {
      const error = new Error((data && (data.detail || data.title)) || res.status + ' ' + res.statusText);
      error.status = res.status;
      error.problem = data;
      throw error;
    }
    const total = Number(res.headers.get('X-Total-Count'));
    return {
      items: data,
      total: Number.isFinite(total) ? total : data.length,
      capped: res.headers.get('X-Total-Count-Capped') === 'true',
      next: res.headers.get('X-Next-Cursor')
    };
  }

  // Posts JSON and returns the binary answer (audio), or rejects like api().
  async function blob(path, body) {
    const res = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: '*/*', ...csrfHeaders() },
      body: JSON.stringify(body),
      credentials: 'same-origin'
    });
    if (!res.ok) {
      const type = res.headers.get('Content-Type') || '';
      const data = type.includes('json') ? await res.json() : null;
      const error = new Error((data && (data.detail || data.title)) || res.status + ' ' + res.statusText);
      error.status = res.status;
      throw error;
    }
    return res.blob();
  }

  function cell(tr, value) {
    const td = document.createElement('td');
    if (value instanceof Node) td.append(value); else td.textContent = value == null ? '' : String(value);
    tr.append(td);
    return td;
  }

  // A ticket's custom field as a label and an input of its type (tickets/fields), for the ticket
  // page and the new-ticket form alike; requiredNote follows the label of a required field.
  function fieldInput(f, id, requiredNote) {
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = (lang.toLowerCase().startsWith('zh') ? f.labelZh : f.labelEn) + (f.required ? ' (' + requiredNote + ')' : '');
    let input;
    if (f.type === 'CHOICE') {
      input = document.createElement('select');
      const none = document.createElement('option');
      none.value = '';
      none.textContent = t('js.ticket.choose');
      input.append(none);
      for (const c of f.choices) {
        const o = document.createElement('option');
        o.value = c;
        o.textContent = c;
        input.append(o);
      }
    } else {
      input = document.createElement('input');
      // Numbers are typed as text so that 12.50 keeps its form; the server checks them.
      input.type = f.type === 'DATE' ? 'date' : 'text';
      if (f.type === 'NUMBER') input.inputMode = 'decimal';
      if (f.type === 'TEXT') input.maxLength = 1000;
    }
    input.id = id;
    input.dataset.key = f.key;
    return { label, input };
  }

  // The page's language (the <html lang> the server wrote) and its messages (layout.html).
  const lang = document.documentElement.lang || 'en';
  const messages = JSON.parse(meta('cc-messages') || '{}');

  // A message by key with {0}, {1}… filled in; a missing key shows as ??key?? (as in templates),
  // so a page walk in both languages finds it.
  function t(key, ...args) {
    const text = Object.hasOwn(messages, key) ? messages[key] : '??' + key + '??';
    return text.replace(/\{(\d+)\}/g, (whole, i) => (args[i] === undefined ? whole : String(args[i])));
  }

  function time(instant) {
    return instant ? new Date(instant).toLocaleString(lang) : '';
  }

  function clock(instant) {
    return new Date(instant ?? Date.now()).toLocaleTimeString(lang);
  }

  function number(n) {
    return n == null ? '' : Number(n).toLocaleString(lang);
  }

  // An enum value the API reports (outcome, label, state, type) in the page's language.
  function label(code) {
    if (code == null || code === '') return '';
    return t('enum.' + code);
  }

  // Follows a server-sent event stream while the page is open; onState hears 'live',
  // 'reconnecting', 'signed-out' and 'ended'. The browser reconnects a dropped stream by itself but
  // stops for good when an answer is not a stream: the session ended (the account was disabled or
  // its password reset: the server sends 'account-changed' and closes, as when its roles change; or
  // a restarted server no longer knows the session) or a proxy answered. Then the account is asked:
  // signed out, the page says so with a link to sign in again (and keeps what it shows, a call in
  // progress among it); otherwise a new stream after a pause that grows to 30 s. A stream whose
  // thing is over (a finished call) sends 'end': it is closed for good ('ended').
  // options.events maps the stream's own named events to handlers (the chat's 'message'…).
  // Returns { close() } to stop following.
  function live(path, onMessage, onState, options) {
    const say = state => { if (onState) onState(state); };
    const named = (options && options.events) || {};
    let pause = 1000;
    let source = null;
    let stopped = false;
    function open() {
      if (stopped) return;
      const current = new EventSource(path);
      source = current;
      current.onopen = () => { pause = 1000; say('live'); };
      if (onMessage) current.onmessage = onMessage;
      for (const [name, handle] of Object.entries(named)) current.addEventListener(name, handle);
      current.addEventListener('end', () => {
        stop();
        say('ended');
      });
      current.addEventListener('account-changed', () => {
        current.close();
        say('reconnecting');
        retry();
      });
      current.onerror = () => {
        if (stopped) return;
        say('reconnecting');
        if (current.readyState === EventSource.CLOSED) setTimeout(retry, pause);
      };
    }
    async function retry() {
      if (stopped) return;
      pause = Math.min(pause * 2, 30000);
      try {
        await api('GET', '/api/v1/me');
      } catch (e) {
        if (e.status === 401) {
          signedOut();
          say('signed-out');
          return;
        }
      }
      open();
    }
    function stop() {
      stopped = true;
      if (source) source.close();
    }
    open();
    return { close: stop };
  }

  // One notice at the top of the page, however many streams ended with the session.
  function signedOut() {
    if (document.getElementById('signed-out')) return;
    const notice = document.createElement('p');
    notice.id = 'signed-out';
    notice.className = 'alert error';
    notice.setAttribute('role', 'alert');
    notice.textContent = t('js.live.signed-out') + ' ';
    const link = document.createElement('a');
    link.href = '/login';
    link.textContent = t('js.live.sign-in');
    notice.append(link);
    (document.querySelector('main') || document.body).prepend(notice);
  }

  return { api, page, blob, cell, fieldInput, live, t, time, clock, number, label, lang };
})();
