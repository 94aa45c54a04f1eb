// Benchmark page (run.sh): answers each call to the bench softphone and reports the time from
// answer() to audio RTP flowing both ways, as a request to the local HTTP server's log.
const log = m => { fetch('/log?' + encodeURIComponent(m)).catch(() => {}); };
const ua = new JsSIP.UA({ sockets: [new JsSIP.WebSocketInterface('ws://127.0.0.1:28088/ws')],
  uri: 'sip:web-alice-00000001@cc.local', authorization_user: 'web-alice-00000001', password: new URLSearchParams(location.search).get('pw'), realm: 'cc.local', register: true, session_timers: false });
ua.on('registered', () => log('registered'));
ua.on('newRTCSession', e => {
  if (e.originator !== 'remote') return;
  const s = e.session;
  setTimeout(() => {
    const t0 = performance.now();
    s.answer({ mediaConstraints: { audio: true, video: false }, pcConfig: { iceServers: [] } });
    const poll = setInterval(async () => {
      if (!s.connection) return;
      const stats = await s.connection.getStats();
      let inb = 0, out = 0;
      stats.forEach(r => { if (r.type === 'inbound-rtp' && r.kind === 'audio') inb = r.packetsReceived || 0; if (r.type === 'outbound-rtp' && r.kind === 'audio') out = r.packetsSent || 0; });
      if (inb > 0 && out > 0) { clearInterval(poll); log('both-ways-ms=' + Math.round(performance.now() - t0)); setTimeout(() => s.terminate(), 500); }
    }, 10);
  }, 300);
});
ua.start();
