// The agent workspace: the shared browser softphone (softphone.js: JsSIP over WebSocket to
// Asterisk, credentials the server issues to this session, reconnecting by itself), presence
// through ccRouting, the call controls, the disposition after each call and the caller's history.
// Caller names and numbers come from the network: they are set as textContent only.
(() => {
  const $ = id => document.getElementById(id);
  const audio = $('remote-audio');
  let session = null;
  let current = null; // { callId, name, number, answeredAt, contactId }
  let lastCall = null;
  let timer = null;
  let openCall = null; // the voice contact routing says this agent holds now

  function error(message) {
    $('phone-error').textContent = message;
    $('phone-error').hidden = !message;
  }

  // ---------------------------------------------------------------- registration
  // Registration, reconnecting and credentials are the shared softphone's (softphone.js); this
  // page rings each call it is offered and lets the agent accept it.
  const phone = ccSoftphone.create({
    credentialsUrl: '/agent/api/softphone/credentials',
    userAgent: 'cc-agent-desk',
    status: $('phone-status'),
    registeredText: creds => cc.t('js.desk.registered', creds.username),
    problem: error,
    incoming: (s, request) => {
      incoming(s, request);
      return true;
    },
    ended: (s, outcome) => finished(current && current.answeredAt != null, outcome),
    // A reload keeps the answered call (ADR 0051): what the page shows of it is kept with it.
    keep: () => current,
    resume: stillOurs,
    resumed
  });

  // ------------------------------------------------------------------- a call
  function incoming(s, request) {
    session = s;
    const from = request.from;
    current = {
      callId: request.getHeader('X-CC-Call-Id') || request.call_id,
      name: (from.display_name || '').slice(0, 80),
      number: (from.uri && from.uri.user) || '',
      answeredAt: null
    };
    $('incoming-name').textContent = current.name || cc.t('js.desk.unknown-caller');
    $('incoming-number').textContent = current.number;
    $('incoming').hidden = false;
    $('wrap-up').hidden = true;
    document.title = cc.t('js.desk.ringing-title', current.name || current.number);
    loadTimeline(current.number);

    s.on('peerconnection', e => attachAudio(e.peerconnection));
    s.on('accepted', () => {
      current.answeredAt = Date.now();
      if (openCall) current.contactId = openCall.id;
      showCall('talking');
    });
  }

  function showCall(state) {
    $('incoming').hidden = true;
    $('wrap-up').hidden = true;
    $('in-call').hidden = false;
    $('in-call').dataset.state = state;
    // The caller channel's id: the recording's, the CDR's and the disposition's key.
    $('in-call').dataset.callId = current.callId;
    $('call-name').textContent = current.name;
    $('call-number').textContent = current.number;
    $('keys-sent').textContent = '';
    $('transfer-result').textContent = '';
    $('consult-result').textContent = '';
    $('consult-actions').hidden = true;
    $('conference-result').textContent = '';
    ccRouting.onCall();
    clearInterval(timer);
    timer = setInterval(showDuration, 1000);
    showDuration();
  }

  // ------------------------------------------------------ a call across a reload
  // The reloaded page takes its answered call back only while routing still gives that call to
  // this agent; without routing (the test line) Asterisk alone decides. A call given up is shown
  // lost, and its wrap-up follows as after any answered call.
  async function stillOurs(kept) {
    let status = null;
    try {
      status = await cc.api('GET', '/api/v1/agent/status');
    } catch (e) {
      status = null; // routing absent or unreachable: try, Asterisk refuses a call that is gone
    }
    const open = status && (status.open || []).find(c => c.channel === 'VOICE');
    if (!status || (open && (!kept.contactId || open.id === kept.contactId))) return true;
    // Routing took the call back while the page was away (ADR 0052): the caller went to another
    // agent, so there is nothing to wrap up; the notice of the hand-back says what happened.
    if (!open && status.state === 'NOT_READY' && status.reason === 'connection lost') return false;
    current = kept;
    finished(true, { cause: null, lost: true });
    return false;
  }

  function resumed(s, kept) {
    session = s;
    current = kept;
    // JsSIP made this call's connection (and said so) before the page got the session.
    if (s.connection) attachAudio(s.connection);
    else s.on('peerconnection', e => attachAudio(e.peerconnection));
    s.on('confirmed', () => { $('in-call').dataset.state = 'talking'; });
    // Handle time goes on from the first answer: the call never ended.
    showCall('resuming');
    loadTimeline(current.number);
  }

  function attachAudio(pc) {
    pc.addEventListener('track', e => {
      audio.srcObject = e.streams[0] || new MediaStream([e.track]);
      audio.play().catch(() => {});
    });
  }

  function showDuration() {
    if (!current || current.answeredAt == null) return;
    const s = Math.floor((Date.now() - current.answeredAt) / 1000);
    $('call-duration').textContent = Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
  }

  function finished(answered, { cause, lost }) {
    clearInterval(timer);
    timer = null;
    const call = current;
    session = null;
    current = null;
    $('incoming').hidden = true;
    $('in-call').hidden = true;
    $('in-call').dataset.state = '';
    $('call-flags').hidden = true;
    setPressed('call-mute', false);
    setPressed('call-hold', false);
    document.title = cc.t('js.desk.title');
    audio.srcObject = null;
    if (!call) return;
    if (answered) {
      lastCall = call;
      $('wrap-caller').textContent = (call.name ? call.name + ' ' : '') + call.number;
      // A number shown masked cannot be called back from here.
      $('wrap-call-back').hidden = !E164.test(call.number || '');
      $('wrap-call-back').dataset.number = call.number || '';
      $('wrap-up-result').textContent = '';
      $('notes').value = '';
      $('wrap-up').hidden = false;
      ccRouting.wrapUp(null).catch(e => error(e.message));
    } else if (lost) {
      // The shared softphone has said the call was lost with the connection.
    } else if (cause === JsSIP.C.causes.USER_DENIED_MEDIA_ACCESS) {
      // Without a microphone no call can be taken: say so and take no more offers.
      error(cc.t('js.desk.microphone-denied'));
      ccRouting.notReady(cc.t('js.desk.microphone')).catch(e => error(e.message));
    } else {
      error(cause === JsSIP.C.causes.CANCELED ? cc.t('js.desk.missed', call.number) : '');
    }
  }

  // A toggle's label says what a click does next; aria-pressed says what is on now.
  const toggles = {
    'call-mute': [cc.t('js.desk.mute'), cc.t('js.desk.unmute')],
    'call-hold': [cc.t('js.desk.hold'), cc.t('js.desk.resume')]
  };
  function setPressed(id, on) {
    $(id).setAttribute('aria-pressed', String(on));
    $(id).textContent = toggles[id][on ? 1 : 0];
  }

  function flags() {
    if (!session) return;
    const muted = session.isMuted().audio;
    const held = session.isOnHold().local;
    const words = [];
    if (muted) words.push(cc.t('js.desk.muted'));
    if (held) words.push(cc.t('js.desk.held'));
    $('call-flags').textContent = words.join(' · ');
    $('call-flags').hidden = words.length === 0;
  }

  $('call-accept').addEventListener('click', () => {
    if (!session) return;
    session.answer({
      mediaConstraints: { audio: true, video: false },
      pcConfig: { iceServers: [] },
      rtcOfferConstraints: { offerToReceiveAudio: true }
    });
  });
  $('call-reject').addEventListener('click', () => {
    if (session) session.terminate({ status_code: 486, reason_phrase: 'Busy Here' });
  });
  $('call-hangup').addEventListener('click', () => {
    if (session) session.terminate();
  });
  $('call-mute').addEventListener('click', () => {
    if (!session) return;
    if (session.isMuted().audio) session.unmute({ audio: true }); else session.mute({ audio: true });
    setPressed('call-mute', session.isMuted().audio);
    flags();
  });
  $('call-hold').addEventListener('click', () => {
    if (!session) return;
    const held = session.isOnHold().local;
    const done = () => { setPressed('call-hold', session && session.isOnHold().local); flags(); };
    if (held) session.unhold({}, done); else session.hold({}, done);
  });
  // Blind transfer to another agent's softphone: Asterisk takes the REFER and rings the other
  // agent's page with the same caller (and the same call id); this leg then ends.
  $('transfer-form').addEventListener('submit', async e => {
    e.preventDefault();
    if (!session) return;
    const agent = $('transfer-to').value.trim();
    if (!agent) return;
    try {
      const target = await cc.api('GET', '/agent/api/softphone/endpoint?agent=' + encodeURIComponent(agent));
      const refer = session.refer('sip:' + target.endpoint + '@' + phone.domain());
      $('transfer-result').textContent = cc.t('js.desk.transferring', agent);
      refer.on('accepted', () => {
        $('transfer-result').textContent = cc.t('js.desk.transferred', agent);
        if (session) session.terminate();
      });
      refer.on('failed', () => { $('transfer-result').textContent = cc.t('js.desk.transfer-failed', agent); });
    } catch (err) {
      $('transfer-result').textContent = err.message;
    }
  });
  // Transfer to a queue: the app takes the caller back to music on hold and queues the call for
  // the chosen queue; Asterisk then hangs up this leg and the page goes to the disposition.
  async function loadTransferQueues() {
    try {
      const queues = await cc.api('GET', '/agent/api/transfer-queues');
      $('transfer-queue').replaceChildren(...queues.map(q => {
        const option = document.createElement('option');
        option.value = q.id;
        option.textContent = q.open && q.staffed ? q.id : cc.t('js.desk.queue-unavailable', q.id);
        return option;
      }));
    } catch (err) {
      $('transfer-result').textContent = err.message;
    }
  }
  $('transfer-queue').addEventListener('focus', loadTransferQueues);
  loadTransferQueues();
  $('transfer-queue-form').addEventListener('submit', async e => {
    e.preventDefault();
    if (!session || !current) return;
    const queue = $('transfer-queue').value;
    if (!queue) return;
    const contactId = openCall ? openCall.id : 'voice:' + current.callId;
    try {
      await cc.api('POST', '/agent/api/calls/' + encodeURIComponent(contactId) + '/transfer-to-queue',
        { queue });
      $('transfer-result').textContent = cc.t('js.desk.transferred-to-queue', queue);
    } catch (err) {
      $('transfer-result').textContent = cc.t('js.desk.transfer-queue-failed', queue, err.message);
    }
  });
  // Attended transfer (ADR 0044): the app rings the consulted agent's phone; once it answers the
  // caller hears music and this phone talks to them. Complete hands the caller over (this leg
  // ends, wrap-up follows); back to caller cancels. The server keeps the state: the page only
  // shows the two buttons while a consult is asked for.
  let consulting = null;
  async function consult(target, label) {
    if (!session || !current) return;
    const contactId = openCall ? openCall.id : 'voice:' + current.callId;
    try {
      await cc.api('POST', '/agent/api/calls/' + encodeURIComponent(contactId) + '/consult', target);
      consulting = { contactId, label };
      $('consult-actions').hidden = false;
      $('consult-result').textContent = cc.t('js.desk.consulting', label);
    } catch (err) {
      $('consult-result').textContent = cc.t('js.desk.consult-failed', label, err.message);
    }
  }
  $('consult-form').addEventListener('submit', e => {
    e.preventDefault();
    const agent = $('consult-agent').value.trim();
    if (agent) consult({ agent }, agent);
  });
  $('call-consult-queue').addEventListener('click', () => {
    const queue = $('transfer-queue').value;
    if (queue) consult({ queue }, queue);
  });
  async function consultStep(step, doneKey) {
    if (!consulting) return;
    try {
      await cc.api('POST', '/agent/api/calls/' + encodeURIComponent(consulting.contactId) +
        '/consult/' + step);
      $('consult-result').textContent = cc.t(doneKey, consulting.label);
      consulting = null;
      $('consult-actions').hidden = true;
    } catch (err) {
      $('consult-result').textContent = cc.t('js.desk.consult-step-failed', err.message);
    }
  }
  $('consult-complete').addEventListener('click', () => consultStep('complete', 'js.desk.consult-completed'));
  $('consult-cancel').addEventListener('click', () => consultStep('cancel', 'js.desk.consult-cancelled'));
  // Conference a supervisor in: the server checks the call is this agent's and rings the
  // supervisor's phone into it over AMI (ChanSpy barge: all three hear each other).
  $('conference-form').addEventListener('submit', async e => {
    e.preventDefault();
    if (!session || !current) return;
    const supervisor = $('conference-with').value.trim();
    if (!supervisor) return;
    const contactId = openCall ? openCall.id : 'voice:' + current.callId;
    try {
      await cc.api('POST', '/agent/api/calls/' + encodeURIComponent(contactId) + '/conference',
        { supervisor });
      $('conference-result').textContent = cc.t('js.desk.conferencing', supervisor);
    } catch (err) {
      $('conference-result').textContent = cc.t('js.desk.conference-failed', supervisor, err.message);
    }
  });
  $('keypad').addEventListener('click', e => {
    const key = e.target.closest('button')?.dataset.key;
    if (!key || !session) return;
    // RFC 4733 in the media, as the endpoints' dtmf_mode expects (not SIP INFO).
    session.sendDTMF(key, { transportType: JsSIP.C.DTMF_TRANSPORT.RFC2833 });
    $('keys-sent').textContent += key;
  });

  // ---------------------------------------------------------- click-to-call
  // The server checks the agent and the do-not-call list, audits the request and rings this
  // agent's own phone (the softphone, or the desk phone of the routing profile); answering it
  // dials the customer. The softphone itself cannot dial outside numbers (ADR 0034).
  const E164 = /^\+[1-9][0-9]{7,14}$/;
  async function callCustomer(number) {
    $('outbound-result').textContent = cc.t('js.desk.outbound.placing', number);
    try {
      const placed = await cc.api('POST', '/agent/api/calls', { number });
      $('outbound-result').textContent = cc.t('js.desk.outbound.ringing', placed.number);
      $('outbound-result').dataset.callId = placed.callId;
    } catch (err) {
      $('outbound-result').textContent = cc.t('js.desk.outbound.failed', err.message);
    }
  }
  $('outbound-form').addEventListener('submit', e => {
    e.preventDefault();
    const number = $('outbound-number').value.trim();
    if (number) callCustomer(number);
  });
  $('wrap-call-back').addEventListener('click', () => {
    const number = $('wrap-call-back').dataset.number;
    if (number) callCustomer(number);
  });

  // ------------------------------------------------------------------ wrap-up
  $('wrap-up-form').addEventListener('submit', async e => {
    e.preventDefault();
    if (!lastCall) return;
    try {
      const saved = await cc.api('POST', '/agent/api/dispositions', {
        callId: lastCall.callId,
        caller: lastCall.number,
        disposition: $('disposition').value,
        notes: $('notes').value
      });
      $('wrap-up-result').textContent = cc.t('js.desk.saved', cc.label('disposition.' + saved.disposition));
      $('wrap-up').dataset.saved = 'true';
      lastCall = null;
      $('wrap-up').hidden = true;
    } catch (err) {
      $('wrap-up-result').textContent = err.message;
    }
  });

  // ----------------------------------------------------------------- timeline
  async function loadTimeline(number) {
    const body = $('timeline-items').tBodies[0];
    body.replaceChildren();
    $('timeline').hidden = false;
    $('timeline-empty').hidden = true;
    if (!number) { $('timeline-empty').hidden = false; return; }
    try {
      const items = await cc.api('GET', '/agent/api/timeline?caller=' + encodeURIComponent(number));
      items.forEach(item => {
        const tr = document.createElement('tr');
        cc.cell(tr, cc.time(item.at));
        cc.cell(tr, cc.label('timeline.' + item.kind));
        cc.cell(tr, item.result || '');
        body.append(tr);
      });
      $('timeline-empty').hidden = items.length > 0;
    } catch (err) {
      $('timeline-empty').hidden = false;
      $('timeline-empty').textContent = err.message;
    }
  }

  // ----------------------------------------------------------------- presence
  function showPresence(s, connected) {
    openCall = (s.open || []).find(c => c.channel === 'VOICE') || null;
    if (openCall && current && current.answeredAt != null && !current.contactId) {
      current.contactId = openCall.id;
      phone.keep();
    }
    $('presence-state').textContent = cc.label('presence.' + s.state) + (s.reason ? ' (' + s.reason + ')' : '');
    $('presence-state').dataset.state = s.state;
    $('presence-local').hidden = connected !== false;
    // Routing took the last call back when this agent's page was gone (closed mid-call, ADR 0052):
    // the reason stays until the agent is ready again, so a page opened later says so too.
    // A page lost during a consult whose colleague had answered transferred the caller (ADR 0054):
    // that notice replaces the hand-back's.
    $('handed-back').hidden = !(s.state === 'NOT_READY' && s.reason === 'connection lost') ||
      s.notice === 'transferred-when-lost';
    $('transferred-when-lost').hidden = s.notice !== 'transferred-when-lost';
    // The agent who consulted this one lost their page during the consult: routing says what
    // became of the caller until this agent acts again.
    $('consult-ended-agent-lost').hidden = s.notice !== 'consult-ended-agent-lost';
    $('consult-transferred-agent-lost').hidden = s.notice !== 'consult-transferred-agent-lost';
  }
  ccRouting.onStatus(showPresence);
  $('presence-ready').addEventListener('click', () => ccRouting.ready().catch(e => error(e.message)));
  $('presence-not-ready').addEventListener('click', () => {
    const select = $('presence-reason');
    ccRouting.notReady(select.options[select.selectedIndex].text).catch(e => error(e.message));
  });
  $('phone-connect').addEventListener('click', () => phone.connect());

  // Not beforeunload: a reload must not hang the answered call up (ADR 0051).
  window.addEventListener('pagehide', () => phone.leave());
  phone.show('offline', cc.t('js.desk.offline'));
  ccRouting.logIn().catch(e => error(e.message));
  phone.connect();
})();
