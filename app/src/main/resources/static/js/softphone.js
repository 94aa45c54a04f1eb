// The browser softphone both the agent workspace and the wallboard use (issue 12, ADR 0013): JsSIP
// registered over WebSocket to Asterisk with credentials the server issues to this session (never
// in the page). It keeps itself registered: JsSIP reconnects a dropped WebSocket with backoff and
// registers again; credentials that expired meanwhile are replaced first; a registration refused
// for another reason is tried again with backoff. One call at a time: the page decides about each
// incoming call, a second one is answered busy. A call the drop took away is ended and reported as
// lost; one that survived it (media never went through the WebSocket) is re-offered with an ICE
// restart so Asterisk reaches this page over the new connection. A page that asks for it keeps its
// answered call across a reload (ADR 0051): the dialog's ids stay in sessionStorage, the unloading
// page does not hang up, and the reloaded one takes the call back with an INVITE that replaces the
// old dialog (RFC 3891), which Asterisk answers by swapping the new leg into the call's bridge.
window.ccSoftphone = (() => {
  /** JsSIP's WebSocket recovery, in seconds: first retry after 2 s, doubling up to 30 s. */
  const RECOVERY_MIN = 2;
  const RECOVERY_MAX = 30;
  /** Credentials this close to their expiry are replaced rather than used. */
  const EXPIRY_MARGIN_MS = 60000;
  /** Why JsSIP ends a call whose signalling or media the drop cut. */
  const LOST_CAUSES = () => [
    JsSIP.C.causes.CONNECTION_ERROR, JsSIP.C.causes.REQUEST_TIMEOUT, JsSIP.C.causes.DIALOG_ERROR,
    JsSIP.C.causes.RTP_TIMEOUT, JsSIP.C.causes.WEBRTC_ERROR
  ];
  /**
   * The extension a call taken back is addressed to ([from-agents] in extensions.conf). Asterisk
   * only checks that it exists: with a valid Replaces header the dialplan never runs.
   */
  const RESUME_TARGET = 'resume';
  /**
   * A page back later than this does not try: Asterisk has ended a leg without media long before
   * (rtp_timeout of the agent template in pjsip.conf, 15 s).
   */
  const RESUME_WINDOW_MS = 60000;

  /**
   * A softphone bound to one page.
   *
   * options.credentialsUrl  where this session's credentials are issued (POST)
   * options.userAgent       the SIP User-Agent
   * options.status          the element showing the line: data-state (registering, reconnecting,
   *                         registered, offline, failed) and its text
   * options.registeredText  (creds) => the text while registered
   * options.problem         (message) => show a problem to the user ('' clears it)
   * options.wanted          () => whether the page still wants the phone on (default: always)
   * options.incoming        (session, request) => true if the page takes the call (it rings or
   *                         answers it), false to answer busy
   * options.ended           (session, { cause, lost }) => the call is over; lost: cut by a drop, or
   *                         a call this page could not take back after a reload
   * options.keep            (session) => what the page needs to show its answered call again after
   *                         a reload (plain data); without it calls end with the page
   * options.resume          (kept) => Promise of true to take back the call this tab had answered
   *                         before it was reloaded, false to give it up (it is reported lost);
   *                         asked once, when the phone first registers, with what keep returned
   * options.resumed         (session, kept) => the call being taken back (ringing nobody: Asterisk
   *                         answers it at once, or refuses it when the old leg is gone)
   */
  function create(options) {
    const keepKey = 'ccSoftphone.call:' + options.credentialsUrl;
    let ua = null;
    let creds = null;
    let session = null;
    // Each call's dialog ids (call id, this side's tag, the other side's), once it was answered.
    const dialogs = new WeakMap();
    let retry = null;
    let attempts = 0;
    let retriedCredentials = false;
    let dropped = false; // the WebSocket went down since the last registration
    let cut = false; // the WebSocket went down during the current call
    let cutRinging = false; // … while it was still ringing
    let lostShown = false; // the last call was lost: its message stays until the next call
    let leaving = false; // the page is being unloaded: a kept call stays kept
    let resumable = options.keep && options.resume ? kept() : null; // asked at first registration

    function show(state, text) {
      options.status.dataset.state = state;
      options.status.textContent = text;
    }

    function problem(message) {
      options.problem(message || '');
    }

    /** Seconds before the next attempt: 2, 4, 8 … 30, as JsSIP's own recovery. */
    function backoff() {
      attempts++;
      return Math.min(RECOVERY_MAX, RECOVERY_MIN * Math.pow(2, attempts - 1));
    }

    function later(fn) {
      clearTimeout(retry);
      const seconds = backoff();
      retry = setTimeout(fn, seconds * 1000);
      return seconds;
    }

    function expiring() {
      return !creds || Date.now() >= Date.parse(creds.expiresAt) - EXPIRY_MARGIN_MS;
    }

    function wanted() {
      return !options.wanted || options.wanted();
    }

    /** Credentials from the server; null (with the problem shown and a retry set) if none. */
    async function credentials(then) {
      try {
        return await cc.api('POST', options.credentialsUrl);
      } catch (e) {
        if (e.status === 503 || e.status === undefined) {
          // The phone system (or the server) is not reachable yet: say so and keep trying.
          show('offline', cc.t('js.desk.offline'));
          problem(cc.t('js.desk.pbx-unavailable'));
          later(then);
        } else {
          show('failed', cc.t('js.desk.offline'));
          problem(cc.t('js.desk.credentials-failed', e.message));
        }
        return null;
      }
    }

    async function connect() {
      clearTimeout(retry);
      stopUa();
      problem('');
      show('registering', cc.t('js.desk.registering'));
      const issued = await credentials(connect);
      if (!issued || !wanted()) return; // none, or switched off meanwhile
      creds = issued;
      start();
    }

    /**
     * New credentials for the running UA: its password is replaced and it registers again, so a
     * call in progress is kept (stopping the UA would end it).
     */
    async function renew() {
      clearTimeout(retry);
      const current = ua;
      const issued = await credentials(renew);
      if (!issued || !wanted() || ua !== current) return;
      if (!current || issued.username !== creds.username) {
        creds = issued;
        stopUa();
        start();
        return;
      }
      creds = issued;
      current.set('password', issued.password);
      current.register();
    }

    function start() {
      JsSIP.debug.disable('JsSIP:*');
      const current = ua = new JsSIP.UA({
        sockets: [new JsSIP.WebSocketInterface(creds.websocketUrl)],
        uri: 'sip:' + creds.username + '@' + creds.domain,
        authorization_user: creds.username,
        password: creds.password,
        realm: creds.domain,
        register: true,
        register_expires: 300,
        session_timers: false,
        connection_recovery_min_interval: RECOVERY_MIN,
        connection_recovery_max_interval: RECOVERY_MAX,
        user_agent: options.userAgent
      });
      // Events of a UA this page has replaced are ignored.
      const on = (event, fn) => current.on(event, e => { if (ua === current) fn(e); });
      on('connecting', () => {
        if (!dropped) show('registering', cc.t('js.desk.registering'));
      });
      on('disconnected', () => {
        dropped = true;
        if (session) cut = true;
        show('reconnecting', cc.t('js.desk.reconnecting'));
        if (session && !session.isEstablished()) {
          // A call still ringing cannot be answered through a connection that is gone.
          cutRinging = true;
          session.terminate();
        }
      });
      on('registered', () => {
        attempts = 0;
        retriedCredentials = false;
        const wasDropped = dropped;
        dropped = false;
        if (!lostShown) problem('');
        show('registered', options.registeredText(creds));
        if (wasDropped && session && session.isEstablished()) {
          // Asterisk reaches this page over the new connection only once it has seen a request
          // on it (a re-INVITE); a call it no longer knows answers 481 and ends here as lost.
          // The media never went through the WebSocket: ICE restarts only if it suffered too.
          const pc = session.connection;
          const iceRestart = !!pc && pc.iceConnectionState === 'disconnected';
          session.renegotiate({ rtcOfferConstraints: { offerToReceiveAudio: true, iceRestart } });
        }
        if (resumable) {
          const call = resumable;
          resumable = null;
          resume(current, call);
        }
      });
      // JsSIP says unregistered right after a drop too: the line is reconnecting, not off.
      on('unregistered', () => { if (!dropped) show('offline', cc.t('js.desk.offline')); });
      on('registrationFailed', e => {
        const refused = e.cause === JsSIP.C.causes.AUTHENTICATION_ERROR ||
          e.cause === JsSIP.C.causes.REJECTED;
        if (refused) {
          // Expired credentials (also found when registering again after a drop): ask the server
          // for new ones, once. Refused before they expire means another tab or window of this
          // user got new ones and has the line now: this one stops, so the two never ring
          // together or take the line from each other in turn.
          const expired = expiring();
          if (expired && !retriedCredentials) {
            retriedCredentials = true;
            renew();
            return;
          }
          stopUa();
          show('failed', cc.t('js.desk.offline'));
          problem(cc.t(expired ? 'js.desk.registration-failed' : 'js.desk.taken-over', e.cause || ''));
          return;
        }
        if (!current.isConnected()) return; // JsSIP's recovery registers once it is back
        // Asterisk answered but not yet yes (busy booting, overloaded): again, with backoff.
        const seconds = later(() => { if (ua === current) current.register(); });
        show('failed', cc.t('js.desk.offline'));
        problem(cc.t('js.phone.register-retry', e.cause || '', seconds));
      });
      on('newRTCSession', e => {
        if (e.originator !== 'remote') return;
        // One call at a time: a second one is answered busy, never rings beside the first.
        if (session) {
          e.session.terminate({ status_code: 486, reason_phrase: 'Busy Here' });
          return;
        }
        follow(e.session);
        if (!options.incoming(e.session, e.request)) {
          session = null;
          e.session.terminate({ status_code: 486, reason_phrase: 'Busy Here' });
        }
      });
      current.start();
    }

    function follow(s, resumed) {
      session = s;
      cut = false;
      cutRinging = false;
      lostShown = false;
      let confirmed = false;
      // The dialog's ids, from the messages JsSIP hands to its public events: the 200 OK of a
      // call this phone placed, the ACK of one it answered.
      s.on('accepted', e => {
        const r = e && e.response;
        if (r) dialogs.set(s, { callId: r.call_id, localTag: r.from_tag, remoteTag: r.to_tag });
      });
      s.on('confirmed', e => {
        const a = e && e.ack;
        if (a) dialogs.set(s, { callId: a.call_id, localTag: a.to_tag, remoteTag: a.from_tag });
        confirmed = true;
        if (resumed) problem('');
        keep(s);
      });
      const done = e => {
        if (session !== s) return;
        session = null;
        if (!leaving) forget();
        const cause = e && e.cause;
        // A call taken back is lost when Asterisk refuses the replacement (481: the old leg is
        // gone) or it never got through.
        const lost = (resumed && !confirmed) || (cut && (cutRinging || LOST_CAUSES().includes(cause)));
        if (lost) {
          lostShown = true;
          problem(cc.t('js.phone.call-lost'));
        }
        options.ended(s, { cause, lost });
      };
      s.on('ended', done);
      s.on('failed', done);
    }

    // ------------------------------------------------- keeping a call across a reload (ADR 0051)

    /** What this tab kept of its answered call, or null. */
    function kept() {
      try {
        const call = JSON.parse(sessionStorage.getItem(keepKey) || 'null');
        return call && call.callId && call.localTag && call.remoteTag ? call : null;
      } catch (e) {
        return null;
      }
    }

    function forget() {
      sessionStorage.removeItem(keepKey);
    }

    /**
     * Keeps the answered call's dialog (its ids as the call's 200 OK or ACK carried them: JsSIP has
     * no public accessor for the tags) and the page's data about it, for a reload of this tab.
     */
    function keep(s) {
      const id = s && dialogs.get(s);
      if (!options.keep || !s || s !== session || !s.isEstablished() || !id) return;
      sessionStorage.setItem(keepKey, JSON.stringify({
        endpoint: creds.username,
        callId: id.callId,
        localTag: id.localTag,
        remoteTag: id.remoteTag,
        leftAt: null,
        data: options.keep(s)
      }));
    }

    /**
     * Takes the kept call back: an INVITE from this phone that replaces the old dialog. Asterisk
     * puts the new leg into the old one's bridge and hangs the old one up; the caller is not
     * touched. Refused (481) when the old leg is gone.
     */
    async function resume(current, call) {
      forget();
      const fresh = call.endpoint === creds.username && call.leftAt != null &&
        Date.now() - call.leftAt < RESUME_WINDOW_MS;
      if (!fresh || session) return;
      let wanted = false;
      try {
        wanted = await options.resume(call.data);
      } catch (e) {
        wanted = false;
      }
      if (ua !== current || session) return;
      if (!wanted) {
        lostShown = true;
        problem(cc.t('js.phone.call-lost'));
        return;
      }
      problem(cc.t('js.phone.call-resuming'));
      const s = current.call('sip:' + RESUME_TARGET + '@' + creds.domain, {
        extraHeaders: [
          'Replaces: ' + call.callId + ';to-tag=' + call.remoteTag + ';from-tag=' + call.localTag
        ],
        mediaConstraints: { audio: true, video: false },
        pcConfig: { iceServers: [] },
        rtcOfferConstraints: { offerToReceiveAudio: true }
      });
      follow(s, true);
      options.resumed(s, call.data);
    }

    /**
     * The page is going away (pagehide): an answered call the page keeps stays up, without a BYE
     * (the browser closes the WebSocket; Asterisk keeps the leg until the page is back or the
     * media timeout ends it); anything else is ended and the line unregistered, as at stop.
     */
    function leave() {
      leaving = true;
      const call = kept();
      if (call && session && session.isEstablished()) {
        call.leftAt = Date.now();
        sessionStorage.setItem(keepKey, JSON.stringify(call));
        return;
      }
      forget();
      clearTimeout(retry);
      if (session) session.terminate();
      stopUa();
    }

    function stopUa() {
      if (!ua) return;
      const old = ua;
      ua = null;
      old.stop();
    }

    return {
      /** Fetches credentials and registers (again: a fresh start, e.g. to take the line back). */
      connect: () => { attempts = 0; retriedCredentials = false; dropped = false; return connect(); },
      /** The page's data about its call changed: kept again for a reload. */
      keep: () => keep(session),
      /** For pagehide: keeps an answered call for the reloaded page, else as stop. */
      leave,
      /** Ends the call, if any, and unregisters. */
      stop: () => {
        clearTimeout(retry);
        if (session) session.terminate();
        stopUa();
      },
      isRegistered: () => !!(ua && ua.isRegistered()),
      /** The SIP domain of the current credentials (for transfer targets). */
      domain: () => (creds ? creds.domain : ''),
      /** The call this phone has now, or null. */
      session: () => session,
      show
    };
  }

  return { create };
})();
