// The admin knowledge-base page (issue 13): the FAQs in English and Chinese side by side, search,
// add, edit, turn off, delete, CSV import with per-row problems, and FAQ suggestions grouped from
// past questions or conversations (cold start), reviewed here: rename, merge, split, discard and
// restore a group, accept one as an FAQ with the agents' most frequent answer; and the shop's own
// synonym groups per language, edited and saved as a whole, a refusal shown beside the group it
// names. An entry of kind out_of_scope (ADR 0061) holds examples the bot hands to an agent: it has
// no answer and is marked in the list. Everything through /api/v1/kb/...; FAQ, question and synonym texts are set as textContent
// or input values.
(() => {
  const $ = id => document.getElementById(id);
  const LANGS = ['en', 'zh'];
  let faqs = []; // rows of /api/v1/kb/faqs: one per FAQ and language
  let acceptingSuggestion = null; // the suggestion the editor accepts when saved (else a plain save)
  let acceptingCluster = null; // the cold-start group the editor accepts when saved

  function error(message) {
    $('kb-error').textContent = message || '';
    $('kb-error').hidden = !message;
  }

  // --------------------------------------------------------------------- list
  async function load() {
    try {
      faqs = await cc.api('GET', '/api/v1/kb/faqs');
      render();
    } catch (e) {
      error(e.message);
    }
  }

  function matches(row, words) {
    const text = [row.faqId, row.question, row.answer, row.category || '', ...(row.examples || [])]
      .join('\n').toLowerCase();
    return words.every(w => text.includes(w));
  }

  function render() {
    const words = $('kb-search').value.toLowerCase().split(/\s+/).filter(Boolean);
    const byId = new Map();
    faqs.forEach(row => {
      if (!byId.has(row.faqId)) byId.set(row.faqId, {});
      byId.get(row.faqId)[row.lang] = row;
    });
    const body = $('kb-faqs').tBodies[0];
    body.replaceChildren();
    let shown = 0;
    byId.forEach((langs, faqId) => {
      if (words.length && !Object.values(langs).some(r => matches(r, words))) return;
      shown++;
      const tr = document.createElement('tr');
      tr.dataset.faq = faqId;
      const id = cc.cell(tr, faqId);
      const category = Object.values(langs).map(r => r.category).find(Boolean);
      if (category) {
        const badge = document.createElement('span');
        badge.className = 'badge';
        badge.textContent = category;
        id.append(document.createElement('br'), badge);
      }
      LANGS.forEach(lang => tr.append(langCell(faqId, lang, langs[lang])));
      body.append(tr);
    });
    $('kb-count').textContent = cc.t('js.kb.count', shown, byId.size);
  }

  function langCell(faqId, lang, row) {
    const td = document.createElement('td');
    td.lang = lang;
    td.dataset.lang = lang;
    const actions = document.createElement('div');
    actions.className = 'actions';
    if (!row) {
      actions.append(button(cc.t('js.kb.add-lang'), () => edit({ faqId, lang, question: '', answer: '',
        category: '', examples: [], enabled: true })));
      td.append(actions);
      return td;
    }
    const q = document.createElement('strong');
    q.className = 'kb-question';
    q.textContent = row.question;
    const outOfScope = row.kind === 'out_of_scope';
    const a = document.createElement('p');
    a.className = outOfScope ? 'kb-answer muted' : 'kb-answer';
    a.textContent = outOfScope ? cc.t('js.kb.handed-over') : row.answer;

    const meta = document.createElement('p');
    meta.className = 'muted';
    meta.textContent = cc.t('js.kb.meta', (row.examples || []).length, row.version) +
      (row.enabled ? '' : ' · ' + cc.t('js.kb.off'));
    td.append(q);
    if (outOfScope) td.append(' ', outOfScopeBadge());
    td.append(a, meta);
    actions.append(
      button(cc.t('js.kb.edit'), () => edit(row), 'kb-edit'),
      button(row.enabled ? cc.t('js.kb.turn-off') : cc.t('js.kb.turn-on'), () => enable(row, !row.enabled), 'kb-toggle'),
      button(cc.t('js.kb.delete'), () => remove(row), 'danger kb-delete'));
    td.append(actions);
    return td;
  }

  function outOfScopeBadge() {
    const badge = document.createElement('span');
    badge.className = 'badge kb-out-of-scope';
    badge.textContent = cc.t('js.kb.out-of-scope');
    return badge;
  }

  function button(text, onClick, className) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    if (className) b.className = className;
    b.addEventListener('click', onClick);
    return b;
  }

  const path = row => '/api/v1/kb/faqs/' + encodeURIComponent(row.faqId) + '/' + row.lang;

  async function enable(row, on) {
    error('');
    try {
      await cc.api('PUT', path(row) + '/enabled', { enabled: on });
      await load();
    } catch (e) {
      error(e.message);
    }
  }

  async function remove(row) {
    if (!window.confirm(cc.t('js.kb.confirm-delete', row.faqId, row.lang === 'zh' ? '中文' : 'English'))) return;
    error('');
    try {
      await cc.api('DELETE', path(row));
      await load();
    } catch (e) {
      error(e.message);
    }
  }

  // ------------------------------------------------------------------- editor
  function edit(row, suggestionId, cluster) {
    acceptingSuggestion = suggestionId || null;
    acceptingCluster = cluster ? { jobId: coldJob.id, cluster } : null;
    $('kb-editor').hidden = false;
    $('kb-id').value = row.faqId || '';
    $('kb-id').readOnly = Boolean(row.faqId) && faqs.some(f => f.faqId === row.faqId);
    $('kb-lang').value = row.lang || 'en';
    $('kb-question').value = row.question || '';
    $('kb-examples').value = (row.examples || []).filter(e => e !== row.question).join('\n');
    $('kb-answer').value = row.answer || '';
    $('kb-kind').value = row.kind === 'out_of_scope' ? 'out_of_scope' : 'faq';
    showKind();
    $('kb-category').value = row.category || '';
    $('kb-enabled').checked = row.enabled !== false;
    $('kb-form-status').textContent = '';
    $('kb-editor').scrollIntoView({ block: 'start' });
    $('kb-question').focus();
  }

  // An out-of-scope entry has no answer: the field is hidden and not required.
  function showKind() {
    const outOfScope = $('kb-kind').value === 'out_of_scope';
    $('kb-answer-field').hidden = outOfScope;
    $('kb-answer').required = !outOfScope;
  }
  $('kb-kind').addEventListener('change', showKind);

  $('kb-add').addEventListener('click', () => edit({ lang: cc.lang.startsWith('zh') ? 'zh' : 'en' }));
  $('kb-cancel').addEventListener('click', () => {
    acceptingSuggestion = null;
    acceptingCluster = null;
    $('kb-editor').hidden = true;
  });
  $('kb-search').addEventListener('input', render);

  $('kb-form').addEventListener('submit', async e => {
    e.preventDefault();
    const row = { faqId: $('kb-id').value.trim(), lang: $('kb-lang').value };
    const faq = {
      question: $('kb-question').value,
      examples: $('kb-examples').value.split('\n').map(s => s.trim()).filter(Boolean),
      answer: $('kb-kind').value === 'out_of_scope' ? '' : $('kb-answer').value,
      category: $('kb-category').value,
      enabled: $('kb-enabled').checked,
      kind: $('kb-kind').value
    };
    try {
      if (acceptingCluster) {
        const job = await cc.api('POST', '/api/v1/kb/cold-start/' + encodeURIComponent(acceptingCluster.jobId) +
          '/clusters/' + encodeURIComponent(acceptingCluster.cluster.id) + '/accept', { ...faq, faqId: row.faqId });
        acceptingCluster = null;
        if (coldJob && coldJob.id === job.jobId) showJob(job);
        $('kb-form-status').textContent = cc.t('js.kb.cold.accepted', row.faqId);
        $('kb-editor').hidden = true;
        await load();
        return;
      }
      const saved = acceptingSuggestion
        ? await cc.api('POST', '/api/v1/kb/suggestions/' + encodeURIComponent(acceptingSuggestion) +
            '/accept', { ...faq, faqId: row.faqId })
        : await cc.api('PUT', path(row), faq);
      if (acceptingSuggestion) {
        acceptingSuggestion = null;
        await loadSuggestions();
      }
      $('kb-form-status').textContent = cc.t('js.kb.saved', saved.faqId, saved.version);
      $('kb-editor').hidden = true;
      await load();
    } catch (err) {
      $('kb-form-status').textContent = err.message;
    }
  });

  // ------------------------------------------------------------------- import
  $('kb-import-form').addEventListener('submit', async e => {
    e.preventDefault();
    const file = $('kb-import-file').files[0];
    if (!file) return;
    const form = new FormData();
    form.append('file', file);
    $('kb-import-problems').replaceChildren();
    try {
      const result = await cc.api('POST', '/api/v1/kb/faqs/import', form);
      $('kb-import-result').textContent = cc.t('js.kb.imported', result.rows, result.faqs, result.problems.length);
      result.problems.forEach(p => {
        const li = document.createElement('li');
        li.textContent = (p.row ? cc.t('js.kb.row', p.row) + ': ' : '') + p.problem;
        $('kb-import-problems').append(li);
      });
      await load();
    } catch (err) {
      $('kb-import-result').textContent = err.message;
    }
  });

  // --------------------------------------------------------------- cold start
  // A finished job is reviewed here: every action answers the updated job, which is drawn again.
  let coldJob = null; // { id, lang, job }: the job on screen
  const clusterPath = (c, action) => '/api/v1/kb/cold-start/' + encodeURIComponent(coldJob.id) +
    '/clusters/' + encodeURIComponent(c.id) + (action ? '/' + action : '');

  $('kb-cold-form').addEventListener('submit', async e => {
    e.preventDefault();
    const file = $('kb-cold-file').files[0];
    if (!file) return;
    const lang = $('kb-cold-lang').value;
    const form = new FormData();
    form.append('file', file);
    form.append('lang', lang);
    $('kb-clusters').hidden = true;
    $('kb-cold-review').hidden = true;
    $('kb-cold-discarded').hidden = true;
    try {
      const started = await cc.api('POST', '/api/v1/kb/cold-start', form);
      const skipped = (started.problems || []).map(p => cc.t('js.kb.row', p.line) + ': ' + p.problem);
      coldJob = { id: started.jobId, lang, skipped };
      follow();
    } catch (err) {
      $('kb-cold-status').textContent = err.message;
    }
  });

  async function follow() {
    let job;
    try {
      job = await cc.api('GET', '/api/v1/kb/cold-start/' + encodeURIComponent(coldJob.id));
    } catch (err) {
      $('kb-cold-status').textContent = err.message;
      return;
    }
    if (job.state === 'running') {
      $('kb-cold-status').textContent = cc.t('js.kb.cold.running', Math.round(job.progress * 100));
      setTimeout(follow, 1000);
      return;
    }
    if (job.state === 'failed') {
      $('kb-cold-status').textContent = cc.t('js.kb.cold.failed', job.error || '');
      return;
    }
    showJob(job);
  }

  // Runs one review action; a refusal (problem detail) is shown and the list stays as it was.
  async function reviewAction(method, path, body) {
    try {
      showJob(await cc.api(method, path, body));
    } catch (err) {
      $('kb-cold-status').textContent = err.message;
    }
  }

  function showJob(job) {
    coldJob.job = job;
    $('kb-clusters').dataset.job = job.jobId;
    let status = cc.t('js.kb.cold.done', job.clusters.length, job.unclustered.length);
    if (coldJob.skipped.length) {
      status += ' ' + cc.t('js.kb.cold.skipped', coldJob.skipped.length, coldJob.skipped.slice(0, 3).join('; '));
    }
    $('kb-cold-status').textContent = status;
    const body = $('kb-clusters').tBodies[0];
    body.replaceChildren();
    job.clusters.forEach(c => body.append(clusterRow(c)));
    $('kb-clusters').hidden = job.clusters.length === 0;
    $('kb-cold-review').hidden = job.clusters.length < 2;
    const discarded = $('kb-discarded');
    discarded.replaceChildren();
    job.discarded.forEach(c => {
      const li = document.createElement('li');
      li.dataset.cluster = c.id;
      li.append(c.title + ' (' + cc.number(c.size) + ') ');
      li.append(button(cc.t('js.kb.cold.restore'), () => reviewAction('POST', clusterPath(c, 'restore')), 'kb-restore'));
      discarded.append(li);
    });
    $('kb-cold-discarded').hidden = job.discarded.length === 0;
  }

  function clusterRow(c) {
    const tr = document.createElement('tr');
    tr.dataset.cluster = c.id;
    const pick = document.createElement('input');
    pick.type = 'checkbox';
    pick.className = 'kb-pick';
    pick.setAttribute('aria-label', c.title);
    pick.disabled = Boolean(c.acceptedAs);
    cc.cell(tr, '').append(pick);
    const titleCell = cc.cell(tr, '');
    const title = document.createElement('strong');
    title.className = 'kb-cluster-title';
    title.textContent = c.title;
    titleCell.append(title);
    if (c.acceptedAs) {
      const badge = document.createElement('span');
      badge.className = 'badge kb-cluster-accepted';
      badge.textContent = cc.t('js.kb.cold.accepted', c.acceptedAs);
      titleCell.append(document.createElement('br'), badge);
    }
    cc.cell(tr, cc.number(c.size)).className = 'kb-cluster-size';
    const examples = c.examples.map(e => e.text).filter(t => t !== c.title);
    cc.cell(tr, examples.slice(0, 3).join(' · '));
    const answer = cc.cell(tr, '');
    answer.className = 'kb-cluster-answer';
    if (c.answer) {
      answer.textContent = c.answer;
      const from = document.createElement('p');
      from.className = 'muted';
      from.textContent = cc.t('js.kb.cold.answer-from', c.answerCount, c.answered);
      answer.append(from);
    }
    const td = cc.cell(tr, '');
    const actions = document.createElement('div');
    actions.className = 'actions';
    td.append(actions);
    if (c.acceptedAs) return tr;
    actions.append(
      button(cc.t('js.kb.cold.accept'), () => acceptCluster(c, examples), 'primary kb-accept'),
      button(cc.t('js.kb.cold.rename'), () => renameForm(c, titleCell), 'kb-rename'),
      button(cc.t('js.kb.cold.split'), () => splitForm(c, td), 'kb-split'),
      button(cc.t('js.kb.cold.discard'), () => reviewAction('POST', clusterPath(c, 'discard')), 'kb-discard'));
    return tr;
  }

  function renameForm(c, cell) {
    if (cell.querySelector('.kb-rename-input')) return;
    const input = document.createElement('input');
    input.className = 'kb-rename-input';
    input.value = c.title;
    input.setAttribute('aria-label', cc.t('js.kb.cold.rename'));
    cell.append(input, button(cc.t('js.kb.cold.rename-save'),
      () => reviewAction('PUT', clusterPath(c, 'title'), { title: input.value }), 'kb-rename-save'));
    input.focus();
  }

  // The admin ticks the questions (each distinct text stands for all its rows) to move out.
  function splitForm(c, cell) {
    if (cell.querySelector('.kb-split-form')) return;
    const form = document.createElement('fieldset');
    form.className = 'kb-split-form';
    c.examples.forEach(e => {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.className = 'kb-split-row';
      box.value = e.rows.join(',');
      label.append(box, ' ' + e.text);
      form.append(label, document.createElement('br'));
    });
    form.append(button(cc.t('js.kb.cold.split-apply'), () => {
      const rows = [...form.querySelectorAll('.kb-split-row:checked')]
        .flatMap(b => b.value.split(',').map(Number));
      reviewAction('POST', clusterPath(c, 'split'), { rows });
    }, 'kb-split-apply'));
    cell.append(form);
  }

  $('kb-cold-merge').addEventListener('click', () => {
    const picked = [...$('kb-clusters').querySelectorAll('.kb-pick:checked')]
      .map(b => b.closest('tr').dataset.cluster);
    if (picked.length !== 2) {
      $('kb-cold-status').textContent = cc.t('js.kb.cold.pick-two');
      return;
    }
    // The lower group in the list (the smaller) goes into the higher one.
    reviewAction('POST', clusterPath({ id: picked[0] }, 'merge'), { from: picked[1] });
  });

  function acceptCluster(c, examples) {
    edit({
      faqId: 'faq-' + coldJob.id.slice(0, 4) + '-' + c.id, lang: coldJob.lang, question: c.title,
      examples: [...new Set(examples)].slice(0, 20), answer: c.answer || '', category: '', enabled: true
    }, null, c);
  }

  // ------------------------------------------------- suggestions from chats
  function showSuggestions(list) {
    const body = $('kb-suggestions').tBodies[0];
    body.replaceChildren();
    list.forEach(s => {
      const tr = document.createElement('tr');
      tr.dataset.suggestion = s.suggestionId;
      tr.lang = s.lang;
      const q = cc.cell(tr, '');
      const title = document.createElement('strong');
      title.className = 'kb-suggest-title';
      title.textContent = s.title;
      const others = document.createElement('p');
      others.className = 'muted';
      others.textContent = s.questions.slice(1, 6).join(' · ');
      q.append(title, others);
      cc.cell(tr, s.answer).className = 'kb-suggest-answer';
      cc.cell(tr, cc.t('js.kb.suggest.size', s.size, s.conversations));
      const td = cc.cell(tr, '');
      const actions = document.createElement('div');
      actions.className = 'actions';
      actions.append(
        button(cc.t('js.kb.suggest.accept'), () => accept(s), 'primary kb-suggest-accept'),
        button(cc.t('js.kb.edit'), () => edit({ faqId: 's-' + s.suggestionId.slice(0, 8), lang: s.lang,
          question: s.title, examples: s.questions, answer: s.answer, category: '', enabled: true },
        s.suggestionId), 'kb-suggest-edit'),
        button(cc.t('js.kb.suggest.dismiss'), () => dismiss(s), 'kb-suggest-dismiss'));
      td.append(actions);
      body.append(tr);
    });
    $('kb-suggestions').hidden = list.length === 0;
  }

  async function loadSuggestions() {
    try {
      showSuggestions(await cc.api('GET', '/api/v1/kb/suggestions'));
    } catch (e) {
      $('kb-suggest-status').textContent = e.message;
    }
  }

  async function accept(s) {
    try {
      const saved = await cc.api('POST', '/api/v1/kb/suggestions/' + encodeURIComponent(s.suggestionId) + '/accept', {});
      $('kb-suggest-status').textContent = cc.t('js.kb.saved', saved.faqId, saved.version);
      await Promise.all([load(), loadSuggestions()]);
    } catch (e) {
      $('kb-suggest-status').textContent = e.message;
    }
  }

  async function dismiss(s) {
    try {
      await cc.api('POST', '/api/v1/kb/suggestions/' + encodeURIComponent(s.suggestionId) + '/dismiss');
      $('kb-suggest-status').textContent = cc.t('js.kb.suggest.dismissed', s.title);
      await loadSuggestions();
    } catch (e) {
      $('kb-suggest-status').textContent = e.message;
    }
  }

  $('kb-suggest-form').addEventListener('submit', async e => {
    e.preventDefault();
    $('kb-suggest-status').textContent = cc.t('js.kb.suggest.running');
    try {
      const list = await cc.api('POST', '/api/v1/kb/suggestions/refresh?lang=' + $('kb-suggest-lang').value);
      $('kb-suggest-status').textContent = cc.t('js.kb.suggest.found', list.length);
      await loadSuggestions();
    } catch (err) {
      $('kb-suggest-status').textContent = err.message;
    }
  });

  // ------------------------------------------------------------ synonym groups
  // One language's groups are edited here and saved as a whole (PUT /api/v1/kb/synonyms/{lang});
  // the server checks them all and names the group a refusal concerns (problem.group, 1-based in
  // what was sent), shown inside that group.
  let synGroups = []; // [{ canonical, variants: [] }] as on screen
  let synLang = $('kb-syn-lang').value;
  let synDirty = false;

  // Variants as typed: separated by spaces or commas, a quoted phrase is one variant
  // ("cash on delivery"; a quote left open runs to the end).
  function parseVariants(text) {
    const found = [];
    for (const m of text.matchAll(/"([^"]*)"?|[^\s,，、"]+/g)) {
      const v = (m[1] !== undefined ? m[1] : m[0]).trim().replace(/\s+/g, ' ');
      if (v) found.push(v);
    }
    return found;
  }

  const shownVariant = v => (/\s/.test(v) ? '"' + v + '"' : v);

  function synStatus(text) {
    $('kb-syn-status').textContent = text || '';
  }

  function synError(text) {
    $('kb-syn-error').textContent = text || '';
    $('kb-syn-error').hidden = !text;
  }

  function markDirty() {
    synDirty = true;
    synStatus(cc.t('js.kb.syn.unsaved'));
  }

  async function loadSynonyms() {
    synError('');
    try {
      const body = await cc.api('GET', '/api/v1/kb/synonyms/' + synLang);
      synGroups = body.groups.map(g => ({ canonical: g.canonical, variants: [...g.variants] }));
      synDirty = false;
      renderSynonyms();
      synStatus(cc.t('js.kb.syn.loaded', synGroups.length));
    } catch (e) {
      synError(e.message);
    }
  }

  // Draws every group again; focus (a selector inside group i) is put back after the redraw, so
  // keyboard users stay where they were.
  function renderSynonyms(focus) {
    const list = $('kb-syn-groups');
    list.replaceChildren();
    list.lang = synLang;
    synGroups.forEach((g, i) => list.append(groupItem(g, i)));
    $('kb-syn-empty').hidden = synGroups.length > 0;
    if (focus) {
      const item = list.children[focus.group];
      const target = item && (item.querySelector(focus.selector) || item.querySelector('.kb-syn-new'));
      if (target) target.focus();
    }
  }

  function groupItem(g, i) {
    const n = i + 1;
    const li = document.createElement('li');
    li.className = 'kb-syn-group';
    li.dataset.group = String(n);
    const set = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = cc.t('js.kb.syn.group', n) + (g.canonical ? ' · ' + g.canonical : '');
    set.append(legend);

    const idBase = 'kb-syn-' + n;
    const canonicalLabel = document.createElement('label');
    canonicalLabel.htmlFor = idBase + '-canonical';
    canonicalLabel.textContent = cc.t('js.kb.syn.canonical');
    const canonical = document.createElement('input');
    canonical.id = idBase + '-canonical';
    canonical.className = 'kb-syn-canonical';
    canonical.type = 'text';
    canonical.maxLength = 50;
    canonical.value = g.canonical;
    canonical.addEventListener('input', () => {
      g.canonical = canonical.value;
      legend.textContent = cc.t('js.kb.syn.group', n) + (g.canonical.trim() ? ' · ' + g.canonical.trim() : '');
      markDirty();
    });
    set.append(canonicalLabel, canonical);

    const variantsLabel = document.createElement('span');
    variantsLabel.id = idBase + '-variants-label';
    variantsLabel.textContent = cc.t('js.kb.syn.variants');
    const variants = document.createElement('ul');
    variants.className = 'tags kb-syn-variants';
    variants.setAttribute('aria-labelledby', variantsLabel.id);
    g.variants.forEach((v, k) => {
      const item = document.createElement('li');
      item.className = 'badge kb-syn-variant';
      item.dataset.variant = v;
      item.append(shownVariant(v));
      const remove = document.createElement('button');
      remove.type = 'button';
      // The × is drawn by the style sheet, so the badge's text stays the variant alone.
      remove.className = 'tag-remove kb-syn-remove-variant';
      remove.setAttribute('aria-label', cc.t('js.kb.syn.remove-variant', v));
      remove.title = cc.t('js.kb.syn.remove-variant', v);
      remove.addEventListener('click', () => {
        g.variants.splice(k, 1);
        markDirty();
        // Focus the variant that took its place, else the field to add one.
        renderSynonyms({ group: i, selector: '.kb-syn-variant:nth-child(' + (k + 1) + ') .kb-syn-remove-variant' });
      });
      item.append(remove);
      variants.append(item);
    });
    if (!g.variants.length) {
      const none = document.createElement('li');
      none.className = 'none';
      none.textContent = cc.t('js.kb.syn.no-variants');
      variants.append(none);
    }
    set.append(variantsLabel, variants);

    const addLabel = document.createElement('label');
    addLabel.htmlFor = idBase + '-new';
    addLabel.textContent = cc.t('js.kb.syn.new');
    const row = document.createElement('div');
    row.className = 'field-row';
    const input = document.createElement('input');
    input.id = idBase + '-new';
    input.className = 'kb-syn-new';
    input.type = 'text';
    input.maxLength = 500;
    input.setAttribute('aria-describedby', 'kb-syn-help');
    const add = () => {
      const fresh = parseVariants(input.value);
      if (!fresh.length) return;
      const have = new Set(g.variants.map(v => v.toLowerCase()));
      const repeated = [];
      fresh.forEach(v => {
        if (have.has(v.toLowerCase())) {
          repeated.push(v);
        } else {
          have.add(v.toLowerCase());
          g.variants.push(v);
        }
      });
      markDirty();
      renderSynonyms({ group: i, selector: '.kb-syn-new' });
      if (repeated.length) synStatus(cc.t('js.kb.syn.duplicate', repeated.join(', ')));
    };
    // Enter adds what was typed (it would otherwise save the whole form).
    input.addEventListener('keydown', e => {
      if (e.key === 'Enter') {
        e.preventDefault();
        add();
      }
    });
    row.append(input, button(cc.t('js.kb.syn.add-variants'), add, 'kb-syn-add-variant'));
    set.append(addLabel, row);

    const actions = document.createElement('div');
    actions.className = 'actions';
    actions.append(button(cc.t('js.kb.syn.remove-group', n), () => {
      synGroups.splice(i, 1);
      markDirty();
      renderSynonyms();
      const next = $('kb-syn-groups').children[Math.min(i, synGroups.length - 1)];
      (next ? next.querySelector('.kb-syn-canonical') : $('kb-syn-add')).focus();
    }, 'danger kb-syn-remove-group'));
    set.append(actions);

    const problem = document.createElement('p');
    problem.id = idBase + '-problem';
    problem.className = 'error group-problem kb-syn-problem';
    problem.setAttribute('role', 'alert');
    problem.hidden = true;
    set.append(problem);
    li.append(set);
    return li;
  }

  function showGroupProblem(index, message) {
    const item = $('kb-syn-groups').children[index];
    if (!item) {
      synError(message);
      return;
    }
    item.querySelector('fieldset').classList.add('invalid');
    const problem = item.querySelector('.kb-syn-problem');
    problem.textContent = message;
    problem.hidden = false;
    const canonical = item.querySelector('.kb-syn-canonical');
    canonical.setAttribute('aria-invalid', 'true');
    canonical.setAttribute('aria-describedby', problem.id);
    canonical.focus();
  }

  $('kb-syn-add').addEventListener('click', () => {
    synGroups.push({ canonical: '', variants: [] });
    markDirty();
    renderSynonyms({ group: synGroups.length - 1, selector: '.kb-syn-canonical' });
  });

  $('kb-syn-reset').addEventListener('click', loadSynonyms);

  $('kb-syn-lang').addEventListener('change', () => {
    if (synDirty && !window.confirm(cc.t('js.kb.syn.discard'))) {
      $('kb-syn-lang').value = synLang;
      return;
    }
    synLang = $('kb-syn-lang').value;
    loadSynonyms();
  });

  $('kb-syn-form').addEventListener('submit', async e => {
    e.preventDefault();
    synError('');
    renderSynonyms();
    // Groups left wholly blank are dropped; the server numbers the groups it was sent.
    const sent = [];
    const shownAt = [];
    synGroups.forEach((g, i) => {
      if (!g.canonical.trim() && !g.variants.length) return;
      sent.push({ canonical: g.canonical, variants: g.variants });
      shownAt.push(i);
    });
    try {
      const saved = await cc.api('PUT', '/api/v1/kb/synonyms/' + synLang, { groups: sent });
      synGroups = saved.groups.map(g => ({ canonical: g.canonical, variants: [...g.variants] }));
      synDirty = false;
      renderSynonyms();
      synStatus(cc.t('js.kb.syn.saved', synGroups.length));
    } catch (err) {
      const group = err.problem && Number.isInteger(err.problem.group) ? err.problem.group : null;
      if (group !== null && shownAt[group - 1] !== undefined) {
        synStatus(cc.t('js.kb.syn.not-saved', shownAt[group - 1] + 1));
        showGroupProblem(shownAt[group - 1], err.message);
      } else {
        synStatus('');
        synError(err.message);
      }
    }
  });

  load();
  loadSuggestions();
  loadSynonyms();
})();
