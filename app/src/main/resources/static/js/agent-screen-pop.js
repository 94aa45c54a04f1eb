// The screen pop (issue 12): when routing offers this agent a call, who is calling, how they got
// here (queue, wait, tier, the hotline menu's path) and their history across channels, from
// /agent/api/screen-pop/{contactId}. It follows routing's pushes, not the softphone: the offer
// arrives as the phone starts ringing. Everything shown is set as textContent.
(() => {
  const $ = id => document.getElementById(id);
  let shown = null;

  function text(id, value) {
    $(id).textContent = value == null || value === '' ? cc.t('js.pop.unknown') : value;
  }

  function render(p) {
    text('pop-caller', p.caller);
    text('pop-tier', p.tier ? cc.label('tier.' + p.tier) : null);
    text('pop-queue', p.queue);
    text('pop-waited', cc.t('js.pop.waited', cc.number(p.waitedSeconds)));
    text('pop-ivr', p.ivrPath);
    text('pop-intent', p.ivrIntent);
    const body = $('pop-history').tBodies[0];
    body.replaceChildren(...p.timeline.map(item => {
      const tr = document.createElement('tr');
      tr.dataset.kind = item.kind;
      cc.cell(tr, cc.time(item.at));
      cc.cell(tr, cc.label('timeline.' + item.kind));
      cc.cell(tr, item.result || '');
      return tr;
    }));
    $('pop-history-empty').hidden = p.timeline.length > 0;
    $('screen-pop').dataset.contact = p.contactId;
    $('screen-pop').hidden = false;
  }

  async function pop(contact) {
    shown = contact.id;
    try {
      const p = await cc.api('GET', '/agent/api/screen-pop/' + encodeURIComponent(contact.id));
      if (shown === contact.id) render(p);
    } catch (e) {
      // The offer ended meanwhile (the caller hung up, it rang out): nothing to show.
      if (shown === contact.id) shown = null;
    }
  }

  ccRouting.onStatus(status => {
    const calls = [...(status.offers || []), ...(status.open || [])].filter(c => c.channel === 'VOICE');
    if (calls.length > 0 && calls[0].id !== shown) pop(calls[0]);
  });
  ccRouting.follow();
})();
