// The wallboard's own softphone (issue 12): a supervisor without a desk phone listens, whispers and
// barges in from this page. JsSIP registers over WebSocket to Asterisk with credentials the server
// issues to this session (never in the page); the server rings this endpoint only for a monitoring
// session this page asked for, and the page answers such a call by itself (no second click), with
// the microphone for whisper and barge. A call nobody here asked for is refused.
window.ccSupervisorPhone = (() => {
  const $ = id => document.getElementById(id);
  const STORE = 'cc.wallboard.browserPhone';
  /** How long after asking the server a ringing call counts as the one asked for. */
  const EXPECT_MS = 30000;
  let ua = null;
  let session = null;
  let expectedUntil = 0;
  let retriedCredentials = false;
  let retry = null;

  function status(state, key, ...args) {
    const el = $('browser-phone-status');
    el.dataset.state = state;
    el.textContent = key ? cc.t(key, ...args) : '';
  }

  async function connect() {
    clearTimeout(retry);
    if (ua) { ua.stop(); ua = null; }
    status('registering', 'js.desk.registering');
    let creds;
    try {
      creds = await cc.api('POST', '/supervisor/api/softphone/credentials');
    } catch (e) {
      if (e.status === 503) {
        status('offline', 'js.desk.pbx-unavailable');
        retry = setTimeout(connect, 3000);
      } else {
        status('failed', 'js.desk.credentials-failed', e.message);
      }
      return;
    }
    if (!$('browser-phone-on').checked) return; // switched off meanwhile
    JsSIP.debug.disable('JsSIP:*');
    ua = new JsSIP.UA({
      sockets: [new JsSIP.WebSocketInterface(creds.websocketUrl)],
      uri: 'sip:' + creds.username + '@' + creds.domain,
      authorization_user: creds.username,
      password: creds.password,
      realm: creds.domain,
      register: true,
      register_expires: 300,
      session_timers: false,
      user_agent: 'cc-wallboard'
    });
    ua.on('disconnected', () => status('registering', 'js.desk.reconnecting'));
    ua.on('registered', () => {
      retriedCredentials = false;
      status('registered', 'js.wallboard.phone-ready');
    });
    ua.on('unregistered', () => status('offline', 'js.desk.offline'));
    ua.on('registrationFailed', e => {
      if (e.cause === JsSIP.C.causes.AUTHENTICATION_ERROR) {
        // Expired: new credentials, once. Refused before they expire: another tab took the line.
        const expired = Date.now() >= Date.parse(creds.expiresAt) - 60000;
        if (expired && !retriedCredentials) {
          retriedCredentials = true;
          connect();
          return;
        }
        ua.stop();
        status('failed', expired ? 'js.desk.registration-failed' : 'js.desk.taken-over', e.cause || '');
        return;
      }
      status('failed', 'js.desk.registration-failed', e.cause || '');
    });
    ua.on('newRTCSession', e => {
      if (e.originator !== 'remote') return;
      if (session || Date.now() > expectedUntil) {
        e.session.terminate({ status_code: 486, reason_phrase: 'Busy Here' });
        return;
      }
      answer(e.session);
    });
    ua.start();
  }

  function answer(s) {
    session = s;
    expectedUntil = 0;
    s.on('peerconnection', e => attach(e.peerconnection));
    s.on('accepted', () => {
      status('in-call', 'js.wallboard.phone-in-call');
      $('monitor-hangup').hidden = false;
    });
    s.on('ended', ended);
    s.on('failed', ended);
    s.answer({ mediaConstraints: { audio: true, video: false }, pcConfig: { iceServers: [] } });
    // Answered before 'peerconnection' fired on some versions: attach to the one it made.
    if (s.connection) attach(s.connection);
  }

  function attach(pc) {
    if (pc.ccAttached) return;
    pc.ccAttached = true;
    pc.addEventListener('track', e => {
      const audio = $('monitor-audio');
      audio.srcObject = e.streams[0] || new MediaStream([e.track]);
      audio.play().catch(() => {});
    });
  }

  function ended() {
    session = null;
    $('monitor-hangup').hidden = true;
    if (ua && ua.isRegistered()) status('registered', 'js.wallboard.phone-ready');
  }

  function switched() {
    const on = $('browser-phone-on').checked;
    localStorage.setItem(STORE, on ? 'on' : 'off');
    if (on) {
      connect();
    } else {
      clearTimeout(retry);
      if (session) session.terminate();
      if (ua) { ua.stop(); ua = null; }
      status('off', '');
    }
  }

  function start() {
    const toggle = $('browser-phone-on');
    if (!toggle) return; // no monitoring permission: no phone
    toggle.checked = localStorage.getItem(STORE) === 'on';
    toggle.addEventListener('change', switched);
    $('monitor-hangup').addEventListener('click', () => { if (session) session.terminate(); });
    if (toggle.checked) connect();
  }

  start();

  return {
    /** Whether monitoring should ring this page rather than the desk phone. */
    ready: () => !!(ua && ua.isRegistered() && $('browser-phone-on').checked),
    /** The server is about to ring this page: answer it when it does. */
    expect: () => { expectedUntil = Date.now() + EXPECT_MS; },
    /** Leave the monitoring session, if one is on (before joining another call). */
    leave: () => { if (session) session.terminate(); },
    /** What the session receives: packets and the audio level now (0-1); null outside a call. */
    stats: async () => {
      const pc = session && session.connection;
      if (!pc) return null;
      let audio = null;
      (await pc.getStats()).forEach(r => {
        if (r.type === 'inbound-rtp' && r.kind === 'audio') {
          audio = { packetsReceived: r.packetsReceived || 0, audioLevel: r.audioLevel || 0 };
        }
      });
      return audio;
    }
  };
})();
