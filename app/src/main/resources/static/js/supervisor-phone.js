// The wallboard's own softphone (issue 12): a supervisor without a desk phone listens, whispers and
// barges in from this page. The shared softphone (softphone.js) registers, reconnects and renews
// credentials; the server rings this endpoint only for a monitoring session this page asked for,
// and the page answers such a call by itself (no second click), with the microphone for whisper
// and barge. A call nobody here asked for is refused.
window.ccSupervisorPhone = (() => {
  const $ = id => document.getElementById(id);
  const STORE = 'cc.wallboard.browserPhone';
  /** How long after asking the server a ringing call counts as the one asked for. */
  const EXPECT_MS = 30000;
  let phone = null;
  let session = null;
  let expectedUntil = 0;

  function create() {
    const status = $('browser-phone-status');
    return ccSoftphone.create({
      credentialsUrl: '/supervisor/api/softphone/credentials',
      userAgent: 'cc-wallboard',
      status,
      registeredText: () => cc.t('js.wallboard.phone-ready'),
      // One line for the state and what went wrong: the problem replaces the state's text.
      problem: message => { if (message) status.textContent = message; },
      wanted: () => $('browser-phone-on').checked,
      incoming: s => {
        if (Date.now() > expectedUntil) return false;
        answer(s);
        return true;
      },
      ended
    });
  }

  function answer(s) {
    session = s;
    expectedUntil = 0;
    s.on('peerconnection', e => attach(e.peerconnection));
    s.on('accepted', () => {
      phone.show('in-call', cc.t('js.wallboard.phone-in-call'));
      $('monitor-hangup').hidden = false;
    });
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

  function ended(s, { lost }) {
    if (session === s) session = null;
    $('monitor-hangup').hidden = true;
    if (lost) {
      phone.show(phone.isRegistered() ? 'registered' : 'reconnecting', cc.t('js.phone.call-lost'));
    } else if (phone.isRegistered()) {
      phone.show('registered', cc.t('js.wallboard.phone-ready'));
    }
  }

  function switched() {
    const on = $('browser-phone-on').checked;
    localStorage.setItem(STORE, on ? 'on' : 'off');
    if (on) {
      phone.connect();
    } else {
      phone.stop();
      phone.show('off', '');
    }
  }

  function start() {
    const toggle = $('browser-phone-on');
    if (!toggle) return; // no monitoring permission: no phone
    phone = create();
    toggle.checked = localStorage.getItem(STORE) === 'on';
    toggle.addEventListener('change', switched);
    $('monitor-hangup').addEventListener('click', () => { if (session) session.terminate(); });
    if (toggle.checked) phone.connect();
  }

  start();

  return {
    /** Whether monitoring should ring this page rather than the desk phone. */
    ready: () => !!(phone && phone.isRegistered() && $('browser-phone-on').checked),
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
