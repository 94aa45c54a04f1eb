// The workspace's chat panel (issue 13): chats the routing engine offers this agent ring here;
// the agent accepts one, reads the whole conversation (the bot's part too), replies and ends it.
// Offers come from the routing engine's status stream (/api/v1/agent/events); the conversations
// from the chat's agent API (/api/v1/chat/...). New messages, offers, chats taken and ended are
// pushed over the chat's own stream (/api/v1/chat/agent/events, ADR 0040) as they are stored; the
// page reads what it missed by seq when the stream (re)opens or skips a seq, and resyncs slowly in
// case a push was lost. Everything a visitor typed is set as textContent.
(() => {
  const $ = id => document.getElementById(id);
  const panel = $('chat-panel');
  if (!panel) return;
  const offersList = $('chat-offers');
  const openList = $('chat-open');
  const messages = $('chat-messages');
  let offers = [];
  let mine = [];
  let selected = null; // conversation id
  let lastSeq = 0;
  let loading = false;
  let loadAgain = false;
  let ringing = null;
  const unread = new Set(); // conversations with pushed messages the agent has not opened

  const conversationOf = contactId => contactId.replace(/^chat:/, '');

  function error(message) {
    $('chat-error').textContent = message || '';
    $('chat-error').hidden = !message;
  }

  // ------------------------------------------------------------------- offers
  function showOffers(status) {
    offers = (status.offers || []).filter(o => o.channel === 'CHAT');
    offersList.replaceChildren();
    offers.forEach(o => {
      const li = document.createElement('li');
      li.className = 'chat-offer ringing';
      li.dataset.conversation = conversationOf(o.id);
      const who = document.createElement('span');
      who.className = 'caller';
      who.textContent = o.customer || cc.t('js.desk.chat.visitor');
      const queue = document.createElement('span');
      queue.className = 'muted';
      queue.textContent = ' · ' + o.queue;
      const accept = document.createElement('button');
      accept.type = 'button';
      accept.className = 'primary chat-accept';
      accept.textContent = cc.t('js.desk.chat.accept');
      accept.addEventListener('click', () => take(o));
      const reject = document.createElement('button');
      reject.type = 'button';
      reject.className = 'danger chat-reject';
      reject.textContent = cc.t('js.desk.chat.reject');
      reject.addEventListener('click', () => decline(o));
      const actions = document.createElement('div');
      actions.className = 'actions';
      actions.append(accept, reject);
      li.append(who, queue, actions);
      offersList.append(li);
    });
    $('chat-offers-title').hidden = offers.length === 0;
    ring(offers.length > 0);
  }

  // A short tone every two seconds while a chat is offered (the page's own sound, no file).
  function ring(on) {
    panel.dataset.ringing = String(on);
    if (on && !ringing) {
      beep();
      ringing = setInterval(beep, 2000);
    } else if (!on && ringing) {
      clearInterval(ringing);
      ringing = null;
    }
  }

  function beep() {
    try {
      const audio = new (window.AudioContext || window.webkitAudioContext)();
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = 880;
      gain.gain.value = 0.1;
      tone.connect(gain).connect(audio.destination);
      tone.start();
      tone.stop(audio.currentTime + 0.2);
      tone.onended = () => audio.close();
    } catch (e) {
      // No sound before the agent touched the page (autoplay rules): the panel still shows it.
    }
  }

  async function take(offer) {
    error('');
    try {
      const c = await cc.api('POST', '/api/v1/chat/conversations/' +
        encodeURIComponent(conversationOf(offer.id)) + '/take');
      await refreshMine();
      select(c.conversationId);
    } catch (e) {
      error(e.message);
    }
  }

  async function decline(offer) {
    error('');
    try {
      showOffers(await cc.api('POST', '/api/v1/agent/offers/' + encodeURIComponent(offer.id) + '/reject'));
    } catch (e) {
      error(e.message);
    }
  }

  // --------------------------------------------------------------- open chats
  async function refreshMine() {
    try {
      const inbox = await cc.api('GET', '/api/v1/chat/inbox');
      mine = inbox.mine || [];
    } catch (e) {
      error(e.message);
      return;
    }
    openList.replaceChildren();
    mine.forEach(c => {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'chat-select';
      button.dataset.conversation = c.conversationId;
      button.setAttribute('aria-pressed', String(c.conversationId === selected));
      if (unread.has(c.conversationId)) button.dataset.unread = 'true';
      button.textContent = (c.customerName || c.customerId || cc.t('js.desk.chat.visitor')) +
        ' · ' + (c.lang === 'zh' ? '中文' : 'English');
      button.addEventListener('click', () => select(c.conversationId));
      li.append(button);
      openList.append(li);
    });
    $('chat-none').hidden = mine.length > 0 || offers.length > 0;
    if (selected && !mine.some(c => c.conversationId === selected)) {
      // Ended (here, by the visitor, or it became a ticket): keep the history, stop replying.
      $('chat-conversation').dataset.state = 'ended';
      $('chat-reply-form').hidden = true;
      $('chat-end').hidden = true;
    }
    if (!selected && mine.length > 0) select(mine[0].conversationId);
  }

  function select(conversationId) {
    if (selected !== conversationId) {
      selected = conversationId;
      lastSeq = 0;
      messages.replaceChildren();
    }
    const c = mine.find(m => m.conversationId === conversationId);
    $('chat-conversation').hidden = false;
    $('chat-conversation').dataset.conversation = conversationId;
    $('chat-conversation').dataset.state = 'open';
    $('chat-with').textContent = c ? (c.customerName || c.customerId || cc.t('js.desk.chat.visitor')) : '';
    $('chat-reply-form').hidden = false;
    $('chat-end').hidden = false;
    unread.delete(conversationId);
    openList.querySelectorAll('button').forEach(b => {
      b.setAttribute('aria-pressed', String(b.dataset.conversation === conversationId));
      if (b.dataset.conversation === conversationId) delete b.dataset.unread;
    });
    loadMessages();
  }

  // Reads the selected conversation's messages after the last one shown; a call while a read runs
  // makes it read once more afterwards (a push that skipped a seq must not be dropped).
  async function loadMessages() {
    if (!selected) return;
    if (loading) {
      loadAgain = true;
      return;
    }
    loading = true;
    try {
      do {
        loadAgain = false;
        const conversation = selected;
        const page = await cc.api('GET', '/api/v1/chat/conversations/' +
          encodeURIComponent(conversation) + '/messages?after=' + lastSeq);
        if (conversation !== selected) continue;
        page.messages.forEach(m => show(m, 'fetch'));
      } while (loadAgain);
    } catch (e) {
      error(e.message);
    } finally {
      loading = false;
    }
  }

  // via: 'push' (the stream) or 'fetch' (the messages API), kept on the element.
  function show(m, via) {
    if (m.seq <= lastSeq) return;
    lastSeq = m.seq;
    const li = document.createElement('li');
    li.className = 'chat-message ' + m.sender;
    li.dataset.seq = m.seq;
    li.dataset.via = via;
    const who = document.createElement('span');
    who.className = 'muted';
    const senders = {
      visitor: cc.t('js.desk.chat.sender.visitor'),
      bot: cc.t('js.desk.chat.sender.bot'),
      system: cc.t('js.desk.chat.sender.system'),
      agent: cc.t('js.desk.chat.sender.agent')
    };
    who.textContent = (m.sender === 'agent' && m.author ? m.author : senders[m.sender] || '') +
      ' · ' + cc.clock(m.at);
    let text;
    if (m.attachment) {
      // A picture (the visitor's or an agent's), checked and stripped of EXIF by the server.
      text = document.createElement('img');
      text.className = 'chat-image';
      text.src = '/chat/api/images/' + encodeURIComponent(m.attachment);
      text.alt = cc.t('js.desk.chat.picture');
    } else {
      text = document.createElement('p');
      text.className = 'chat-text';
      text.textContent = m.text;
    }
    li.append(who, text);
    messages.append(li);
    li.scrollIntoView({ block: 'nearest' });
  }

  $('chat-reply-form').addEventListener('submit', async e => {
    e.preventDefault();
    const input = $('chat-reply');
    const text = input.value.trim();
    if (!selected || !text) return;
    error('');
    try {
      await cc.api('POST', '/api/v1/chat/conversations/' + encodeURIComponent(selected) + '/messages', {
        clientMessageId: 'w-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 8),
        text
      });
      input.value = '';
      loadMessages();
    } catch (err) {
      error(err.message);
    }
  });

  // A picture: the server checks its type by content, limits it and removes its metadata.
  $('chat-picture').addEventListener('change', async () => {
    const file = $('chat-picture').files[0];
    $('chat-picture').value = '';
    if (!selected || !file) return;
    error('');
    const form = new FormData();
    form.append('file', file);
    form.append('clientMessageId', 'p-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 8));
    try {
      await cc.api('POST', '/api/v1/chat/conversations/' + encodeURIComponent(selected) + '/images', form);
      loadMessages();
    } catch (err) {
      error(err.message);
    }
  });

  // Enter sends, Shift+Enter starts a new line.
  $('chat-reply').addEventListener('keydown', e => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      $('chat-reply-form').requestSubmit();
    }
  });

  $('chat-end').addEventListener('click', async () => {
    if (!selected) return;
    error('');
    try {
      await cc.api('POST', '/api/v1/chat/conversations/' + encodeURIComponent(selected) + '/end');
      await loadMessages();
      await refreshMine();
    } catch (err) {
      error(err.message);
    }
  });

  // ------------------------------------------------------------------ updates
  // The routing engine pushes the agent's whole status when it changes (offers ringing).
  function listen() {
    // cc.live reconnects (404 without an agent profile, a server restarting) with a growing pause,
    // and says so at the top of the page when the session ended (the account disabled).
    cc.live('/api/v1/agent/events', e => {
      try {
        const status = JSON.parse(e.data);
        showOffers(status);
        refreshMine();
      } catch (err) {
        // A malformed push: the next one or the poll below corrects the panel.
      }
    });
  }

  async function refreshOffers() {
    try {
      showOffers(await cc.api('GET', '/api/v1/agent/status'));
    } catch (e) {
      // No agent profile or routing restarting: the status stream above corrects the panel.
    }
  }

  // The chat's stream: only the chats assigned to this agent (the server checks), as stored.
  function listenToChats() {
    const events = {};
    const on = (name, handle) => {
      events[name] = e => {
        try {
          handle(JSON.parse(e.data));
        } catch (err) {
          // A malformed push: the resync below corrects the panel.
        }
      };
    };
    // (Re)connected: read whatever was stored while the stream was down.
    on('ready', () => {
      refreshMine();
      loadMessages();
    });
    on('message', m => {
      if (m.conversationId !== selected) {
        unread.add(m.conversationId);
        const b = openList.querySelector('button[data-conversation="' + CSS.escape(m.conversationId) + '"]');
        if (b) b.dataset.unread = 'true';
        return;
      }
      if (m.seq === lastSeq + 1) show(m, 'push');
      else if (m.seq > lastSeq) loadMessages(); // a gap: fetch what is missing by seq
    });
    on('offered', refreshOffers);
    on('assigned', () => refreshMine());
    on('ended', async e => {
      if (e.conversationId === selected) await loadMessages();
      unread.delete(e.conversationId);
      refreshMine();
    });
    // Reconnects like the status stream; the server closes it with 'account-changed' when the
    // account was disabled or changed, and the page then says the session ended.
    cc.live('/api/v1/chat/agent/events', null, null, { events });
  }

  // The slow resync: nothing pushed is lost if a push was (the stream's ready event does the rest).
  setInterval(() => {
    loadMessages();
    refreshMine();
  }, 15000);
  listen();
  listenToChats();
  refreshMine();
})();
