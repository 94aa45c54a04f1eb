// The campaign page's prompt editor: the pinned script version's prompts (each step's texts by
// language), editable while the campaign may change its script (draft, scheduled, paused) by
// users who may change campaigns. Save sends only the changed texts; the server writes them into
// the next version of the script (422: every problem with its path, shown at its prompt) and the
// page pins that version on the campaign. "Test call" has the robot ring a number the user enters
// with the texts as edited, before they are saved, and follows the call until it ends (ADR 0038).
// Texts, names and messages are set as textContent only.
const prompts = (() => {
  // CampaignService allows a new script version only while the campaign is not running.
  const EDITABLE_STATES = ['DRAFT', 'SCHEDULED', 'PAUSED'];

  let campaign = null;   // as the API returned it
  let script = null;     // GET .../prompts of the pinned version
  let canEdit = false;   // the user's role may change campaigns
  let state = null;
  let saving = false;
  let onPinned = () => {};

  const el = id => document.getElementById(id);
  const languageName = code => cc.label('language.' + code);

  function editable() {
    return canEdit && EDITABLE_STATES.includes(state) && script !== null;
  }

  function areas() {
    return [...document.querySelectorAll('#prompts textarea')];
  }

  function changedTexts() {
    const texts = {};
    for (const area of areas()) {
      if (area.value.trim() === area.dataset.original.trim()) continue;
      const path = area.closest('li').dataset.path;
      (texts[path] ||= {})[area.dataset.language] = area.value;
    }
    return texts;
  }

  function dirty() {
    return areas().some(a => a.value.trim() !== a.dataset.original.trim());
  }

  // ${name} → the campaign's value, or [name] for a value each contact brings.
  function preview(text) {
    const values = campaign.variables || {};
    return text.replace(/\$\{([a-z][a-z0-9_]*)\}/g,
      (whole, name) => (Object.hasOwn(values, name) && values[name] ? values[name] : '[' + name + ']'));
  }

  function showPreview(area) {
    const out = area.parentElement.querySelector('.preview');
    const uses = /\$\{/.test(area.value);
    out.textContent = uses ? cc.t('js.prompts.preview', preview(area.value)) : '';
    out.hidden = !uses;
  }

  // "Listen": the text as edited, with the campaign's values, through the synthesizer the robot
  // uses; values each contact brings are read as their names.
  function listenButton(area) {
    const box = document.createElement('p');
    box.className = 'listen';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'listen-button';
    button.textContent = cc.t('js.prompts.listen');
    const status = document.createElement('small');
    status.setAttribute('role', 'status');
    button.addEventListener('click', async () => {
      const text = preview(area.value).replace(/\[([a-z0-9_]+)\]/g, '$1').trim();
      if (text === '') return;
      button.disabled = true;
      status.textContent = cc.t('js.prompts.listen-loading');
      try {
        const audio = await cc.blob('/api/v1/speech/synthesize', { text });
        const player = new Audio(URL.createObjectURL(audio));
        player.addEventListener('ended', () => { status.textContent = ''; });
        await player.play();
        status.textContent = cc.t('js.prompts.listen-playing');
      } catch (e) {
        status.textContent = cc.t('js.prompts.listen-failed', e.message);
      } finally {
        button.disabled = false;
      }
    });
    box.append(button, ' ', status);
    return box;
  }

  function insertAtCursor(area, text) {
    const start = area.selectionStart ?? area.value.length;
    const end = area.selectionEnd ?? start;
    area.setRangeText(text, start, end, 'end');
    area.dispatchEvent(new Event('input'));
    area.focus();
  }

  function renderPrompt(p) {
    const li = document.createElement('li');
    li.dataset.path = p.path;
    const title = document.createElement('h3');
    title.textContent = (p.step ? p.step + ' · ' : '') + cc.label('prompt.' + p.kind);
    if (p.kind === 'apology') {
      const why = document.createElement('small');
      why.textContent = ' ' + cc.t('js.prompts.apology-hint');
      title.append(why);
    }
    const texts = document.createElement('div');
    texts.className = 'texts';
    let lastFocused = null;
    for (const language of script.languages) {
      const label = document.createElement('label');
      const name = document.createElement('span');
      name.textContent = languageName(language);
      const area = document.createElement('textarea');
      area.dataset.language = language;
      area.dataset.original = p.texts[language] || '';
      area.value = area.dataset.original;
      area.rows = 3;
      area.addEventListener('input', () => {
        area.classList.toggle('changed', area.value.trim() !== area.dataset.original.trim());
        area.removeAttribute('aria-invalid');
        showPreview(area);
        updateButtons();
      });
      area.addEventListener('focus', () => { lastFocused = area; });
      const out = document.createElement('small');
      out.className = 'preview';
      label.append(name, area, out);
      const cellBox = document.createElement('div');
      cellBox.append(label);
      if (canEdit) cellBox.append(listenButton(area));
      texts.append(cellBox);
      showPreview(area);
    }
    const allowed = document.createElement('p');
    allowed.className = 'variables';
    const small = document.createElement('small');
    if (p.variables.length === 0) {
      small.textContent = cc.t('js.prompts.no-variables');
    } else {
      small.append(cc.t('js.prompts.may-use') + ' ');
      for (const v of p.variables) {
        const chip = document.createElement('button');
        chip.type = 'button';
        chip.className = 'insert';
        chip.textContent = '${' + v + '}';
        chip.title = cc.t('js.prompts.insert', chip.textContent);
        chip.addEventListener('click', () => {
          const area = lastFocused || texts.querySelector('textarea');
          if (!area.readOnly) insertAtCursor(area, chip.textContent);
        });
        small.append(chip, ' ');
      }
    }
    allowed.append(small);
    const problems = document.createElement('ul');
    problems.className = 'problems error';
    problems.setAttribute('role', 'alert');
    problems.hidden = true;
    li.append(title, texts, allowed, problems);
    return li;
  }

  function render() {
    el('prompts-version').textContent = script.scriptId + ' v' + script.version;
    el('variables').textContent = Object.entries(script.variables)
      .map(([name, kind]) => '${' + name + '} (' + kind + ')').join(', ');
    const list = el('prompts');
    list.replaceChildren(...script.prompts.map(renderPrompt));
    // A test call changes nothing stored: it is open whatever the campaign's state.
    if (el('test-call')) el('test-call').hidden = !canEdit;
    updateMode();
  }

  // Editable or read-only with the reason, as the role and the campaign's state allow.
  function updateMode() {
    const open = editable();
    for (const area of areas()) area.readOnly = !open;
    for (const chip of document.querySelectorAll('#prompts button.insert')) chip.disabled = !open;
    el('prompt-actions').hidden = !open;
    el('prompts-help').hidden = !open;
    const reason = el('prompts-readonly');
    let why = '';
    if (!canEdit) {
      why = cc.t('js.prompts.readonly.role');
    } else if (state === 'RUNNING') {
      why = cc.t('js.prompts.readonly.running');
    } else if (state === 'COMPLETED' || state === 'STOPPED') {
      why = cc.t('js.prompts.readonly.ended');
    }
    reason.textContent = why;
    reason.hidden = why === '';
    updateButtons();
  }

  function updateButtons() {
    const changed = dirty();
    el('save-prompts').disabled = saving || !editable() || !changed;
    el('discard-prompts').disabled = saving || !changed;
  }

  function clearProblems() {
    el('prompts-error').replaceChildren();
    el('prompts-error').hidden = true;
    for (const ul of document.querySelectorAll('#prompts .problems')) {
      ul.replaceChildren();
      ul.hidden = true;
    }
    for (const area of areas()) area.removeAttribute('aria-invalid');
  }

  function showError(text) {
    const p = document.createElement('p');
    p.textContent = text;
    el('prompts-error').append(p);
    el('prompts-error').hidden = false;
  }

  // Each problem goes to the prompt its path is in (steps.ask_payment.say.en → that prompt's
  // English text); one about something else is listed under the Save button.
  function showProblems(problem) {
    showError(cc.t('js.prompts.not-saved', problem.detail || problem.title));
    for (const { path, message, code } of problem.problems || []) {
      const li = [...document.querySelectorAll('#prompts > li')]
        .find(item => path === item.dataset.path || path.startsWith(item.dataset.path + '.'));
      if (!li) {
        // A syntax problem's message names its line and column itself.
        showError(code === 'syntax' ? message : path + ': ' + message);
        continue;
      }
      const language = path.slice(li.dataset.path.length + 1).split('.')[0];
      const area = [...li.querySelectorAll('textarea')].find(a => a.dataset.language === language);
      if (area) area.setAttribute('aria-invalid', 'true');
      const item = document.createElement('li');
      item.dataset.path = path;
      item.textContent = (area ? languageName(language) : path) + ': ' + message;
      const list = li.querySelector('.problems');
      list.append(item);
      list.hidden = false;
    }
    const first = document.querySelector('#prompts .problems:not([hidden])');
    if (first) first.closest('li').scrollIntoView({ block: 'center' });
  }

  async function save() {
    const texts = changedTexts();
    if (Object.keys(texts).length === 0) return;
    clearProblems();
    el('prompts-status').textContent = '';
    saving = true;
    el('save-prompts').textContent = cc.t('js.prompts.saving');
    updateButtons();
    try {
      let saved;
      try {
        saved = await cc.api('POST', '/api/v1/scripts/' + encodeURIComponent(script.scriptId)
          + '/versions/' + script.version + '/prompts', { texts });
      } catch (e) {
        if (e.status === 422 && e.problem) showProblems(e.problem); else showError(cc.t('js.prompts.not-saved', e.message));
        return;
      }
      try {
        campaign = await cc.api('PATCH', '/api/v1/campaigns/' + encodeURIComponent(campaign.campaignId),
          { scriptVersion: saved.version });
      } catch (e) {
        showError(cc.t('js.prompts.saved-not-pinned', saved.version, e.message));
        return;
      }
      onPinned(campaign);
      await load(campaign);
      el('prompts-status').textContent = cc.t('js.prompts.saved', saved.version);
    } finally {
      saving = false;
      el('save-prompts').textContent = cc.t('js.prompts.save');
      updateButtons();
    }
  }

  const pause = ms => new Promise(resolve => setTimeout(resolve, ms));

  // The robot rings the number with the texts as they are in the editor and the campaign's
  // values; the server checks the number (400), the do-not-call list (422) and that the user has
  // no other test call going (429), and says why in the user's language.
  async function testCall() {
    const number = el('test-call-number').value.trim();
    const status = el('test-call-status');
    const link = el('test-call-link');
    link.hidden = true;
    status.classList.remove('error');
    if (number === '') {
      status.textContent = cc.t('js.prompts.test-call.no-number');
      status.classList.add('error');
      return;
    }
    el('test-call-button').disabled = true;
    try {
      let attempt;
      try {
        attempt = await cc.api('POST', '/api/v1/scripts/' + encodeURIComponent(script.scriptId)
          + '/versions/' + script.version + '/test-calls',
          { number, campaignId: campaign.campaignId, texts: changedTexts() });
      } catch (e) {
        status.textContent = cc.t('js.prompts.test-call.refused', e.message);
        status.classList.add('error');
        return;
      }
      link.href = '/robot/calls/' + encodeURIComponent(attempt.attemptId);
      link.textContent = cc.t('js.prompts.test-call.view');
      link.hidden = false;
      status.textContent = cc.t('js.prompts.test-call.ringing', attempt.phone);
      while (attempt.status !== 'FINISHED') {
        await pause(1000);
        try {
          attempt = await cc.api('GET', '/api/v1/robot/calls/' + encodeURIComponent(attempt.attemptId));
        } catch (e) {
          continue; // A lost poll is asked again; the call goes on regardless.
        }
        if (attempt.status === 'IN_DIALOGUE') {
          status.textContent = cc.t('js.prompts.test-call.talking', attempt.phone);
        }
      }
      const how = attempt.outcome ? cc.label(attempt.outcome.toLowerCase()) : cc.label(attempt.dialOutcome);
      status.textContent = cc.t('js.prompts.test-call.done', how);
    } finally {
      el('test-call-button').disabled = false;
    }
  }

  function discard() {
    for (const area of areas()) {
      area.value = area.dataset.original;
      area.dispatchEvent(new Event('input'));
    }
    clearProblems();
  }

  async function load(c) {
    campaign = c;
    try {
      script = await cc.api('GET', '/api/v1/scripts/' + encodeURIComponent(c.scriptId)
        + '/versions/' + c.scriptVersion + '/prompts');
    } catch (e) {
      script = null;
      showError(cc.t('js.prompts.load-failed', e.message));
      updateMode();
      return;
    }
    render();
  }

  // Called once: whether the role may edit, and what to do once a new version is pinned.
  function init(options) {
    canEdit = options.canEdit;
    onPinned = options.onPinned;
    el('save-prompts').addEventListener('click', save);
    el('discard-prompts').addEventListener('click', discard);
    if (el('test-call')) el('test-call-button').addEventListener('click', testCall);
    window.addEventListener('beforeunload', event => {
      if (dirty() && editable()) event.preventDefault();
    });
  }

  // The campaign's state changed (a button, or the progress poll).
  function setState(next) {
    if (next === state) return;
    state = next;
    if (script !== null) updateMode();
  }

  return { init, load, setState };
})();
