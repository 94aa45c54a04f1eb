// Home page: health per dependency and the latest calls. Text is set with textContent only.
async function loadHealth() {
  const body = document.querySelector('#health tbody');
  const res = await fetch('/actuator/health', { headers: { Accept: 'application/json' } });
  const health = await res.json();
  body.replaceChildren();
  for (const [name, component] of Object.entries(health.components || {})) {
    const tr = document.createElement('tr');
    const n = document.createElement('td'); n.textContent = name;
    const s = document.createElement('td'); s.textContent = component.status; s.className = component.status;
    tr.append(n, s); body.append(tr);
  }
}
async function loadCalls() {
  const body = document.querySelector('#calls tbody');
  const res = await fetch('/api/v1/calls?limit=20', { headers: { Accept: 'application/json' } });
  if (!res.ok) return;
  body.replaceChildren();
  for (const call of await res.json()) {
    const tr = document.createElement('tr');
    for (const v of [new Date(call.endedAt).toLocaleString(), call.caller, call.callee, call.durationSeconds + ' s', call.causeText]) {
      const td = document.createElement('td'); td.textContent = v; tr.append(td);
    }
    body.append(tr);
  }
}
loadHealth(); loadCalls();
setInterval(() => { loadHealth(); loadCalls(); }, 5000);
