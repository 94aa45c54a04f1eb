// The agent page's link to the routing engine (issue 11): presence and wrap-up through its agent
// API (/api/v1/agent/...). Until that API is deployed (the server answers 403 or 404), the page
// keeps presence locally and says so, and the softphone works on its own: calls then come from the
// dialplan straight to the agent's endpoint. Only this file knows the routing API's shape.
const ccRouting = (() => {
  let connected = null; // null: not tried yet
  let local = { state: 'OFFLINE', reason: '' };
  const listeners = [];

  function absent(error) {
    return error.status === 403 || error.status === 404 || error.status === 405;
  }

  function notify(status) {
    listeners.forEach(fn => fn(status, connected));
  }

  async function call(method, path, body, fallback) {
    if (connected !== false) {
      try {
        const status = await cc.api(method, path, body);
        connected = true;
        notify(status);
        return status;
      } catch (e) {
        if (!absent(e)) throw e;
        connected = false;
      }
    }
    local = fallback(local);
    notify(local);
    return local;
  }

  let following = false;

  return {
    onStatus(fn) { listeners.push(fn); },
    // The agent's status pushed at every change (offers ringing, state) as server-sent events, once
    // the routing API answers for this agent.
    async follow() {
      if (following) return;
      try {
        notify(await cc.api('GET', '/api/v1/agent/status'));
      } catch (e) {
        return;
      }
      connected = true;
      following = true;
      cc.live('/api/v1/agent/events', e => notify(JSON.parse(e.data)));
    },
    logIn() {
      return call('POST', '/api/v1/agent/login', undefined, () => ({ state: 'NOT_READY', reason: '' }));
    },
    ready() {
      return call('PUT', '/api/v1/agent/state', { state: 'READY' }, () => ({ state: 'READY', reason: '' }));
    },
    notReady(reason) {
      return call('PUT', '/api/v1/agent/state', { state: 'NOT_READY', reason },
        () => ({ state: 'NOT_READY', reason }));
    },
    onCall() {
      // The routing engine moves the agent to ON_CONTACT itself when it bridges an offer.
      if (connected === false) { local = { state: 'ON_CONTACT', reason: '' }; notify(local); }
    },
    wrapUp(contactId, disposition, notes) {
      if (connected && contactId) {
        return call('POST', '/api/v1/agent/contacts/' + encodeURIComponent(contactId) + '/wrap-up',
          { disposition, notes }, s => s);
      }
      local = { state: 'WRAP_UP', reason: '' };
      notify(local);
      return Promise.resolve(local);
    }
  };
})();
