// Text is set with textContent only: transcripts are untrusted input.
fetch('/api/v1/robot/calls?limit=100', { headers: { Accept: 'application/json' } })
  .then(r => r.json())
  .then(calls => {
    const body = document.querySelector('#calls tbody');
    for (const c of calls) {
      const tr = document.createElement('tr');
      const link = document.createElement('a');
      link.href = '/robot/calls/' + encodeURIComponent(c.attemptId);
      link.textContent = new Date(c.createdAt).toLocaleString();
      const first = document.createElement('td'); first.append(link); tr.append(first);
      for (const v of [c.phone, c.scriptId + ' v' + c.scriptVersion, c.dialOutcome || c.status, c.outcome || '']) {
        const td = document.createElement('td'); td.textContent = v; tr.append(td);
      }
      body.append(tr);
    }
  });
