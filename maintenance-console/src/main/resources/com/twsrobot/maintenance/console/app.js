'use strict';
// The Maintenance Console page: status cards, preview/apply actions, progress and reports.
// Every value from the server goes into the page as text, never as HTML.

const CSRF = document.querySelector('meta[name="csrf-token"]').content;
// Where the console is mounted: '' under serve, the servlet's path (e.g. /ops) inside a host's server.
const BASE = document.querySelector('meta[name="base-path"]').content;
// The constituent tasks of this runner's indices, from the status (the index plug-ins decide which).
let constituentTasks = [];
const $ = (id) => document.getElementById(id);
let lastStatus = null;
let lastPreview = null; // the constituents dry run the Apply button applies

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') node.className = v; else node.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function badge(status) {
  const s = status || 'unknown';
  return el('span', { class: 'badge ' + s }, s.replace('_', ' '));
}

async function api(method, path, body) {
  const options = { method, headers: { 'Accept': 'application/json' }, credentials: 'same-origin' };
  if (method !== 'GET') {
    options.headers['Content-Type'] = 'application/json';
    options.headers['X-CSRF-Token'] = CSRF;
    options.body = JSON.stringify(body || {});
  }
  const response = await fetch(BASE + path, options);
  const text = await response.text();
  let data = null;
  try { data = JSON.parse(text); } catch (e) { data = { error: text }; }
  return { status: response.status, data };
}

function showMessage(text, kind) {
  const box = $('message');
  box.hidden = !text;
  box.className = 'message ' + (kind || '');
  box.textContent = text || '';
  if (text) focusResult(box);
}

// After an action, focus goes to its result (the message, else the report) instead of falling to <body>.
function focusResult(node) {
  node.setAttribute('tabindex', '-1');
  node.focus();
}

function when(ts) {
  if (!ts) return 'never';
  return new Date(ts).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

function fillCard(card, status, rows) {
  card.className = 'card ' + (status || '');
  const dl = card.querySelector('dl');
  dl.replaceChildren();
  for (const [label, value] of rows) {
    dl.append(el('dt', {}, label), el('dd', {}, value));
  }
}

function age(seconds) {
  if (seconds === null || seconds === undefined) return '—';
  if (seconds < 3600) return Math.max(0, Math.round(seconds / 60)) + ' min';
  if (seconds < 2 * 86400) return Math.round(seconds / 3600) + ' h';
  return Math.floor(seconds / 86400) + ' days';
}

// The card's colour is its health (file age, validation, the last run), not the file's validation alone.
const HEALTH_CLASS = { ok: 'passed', warn: 'warning', fail: 'failed' };

// A card and a "choose the tasks" checkbox for each index the status names, the first time it names it.
function addIndexControls(constituents) {
  constituentTasks = constituents.map((c) => c.task);
  for (const c of constituents) {
    if (document.querySelector('.card[data-index="' + c.index + '"]')) continue;
    $('card-events').before(el('article', { class: 'card', id: 'card-' + c.index, 'data-index': c.index },
      el('h2', {}, (c.title || c.index) + ' constituents'), el('dl', {})));
    $('choose-events').before(el('label', {}, el('input', { type: 'checkbox', name: 'task', value: c.task, checked: '' }),
      ' ' + (c.title || c.index)));
  }
}

async function loadStatus() {
  const [{ status, data }, health] = await Promise.all([api('GET', '/api/maintenance/status'),
    api('GET', '/api/maintenance/health')]);
  if (status !== 200) { showMessage('Status unavailable: ' + (data.error || status), 'error'); return; }
  lastStatus = data;
  addIndexControls(data.constituents);
  fillTaskChoices(data.constituents);
  const parts = {};
  for (const p of (health.data && health.data.parts) || []) parts[p.name] = p;
  for (const c of data.constituents) {
    const card = document.querySelector('.card[data-index="' + c.index + '"]');
    if (!card) continue;
    const h = parts[c.index];
    const rows = [
      ['Last refreshed', when(c.last_refreshed)],
      ['Age', h ? age(h.age_seconds) : '—'],
      ['Rows', c.row_count === null ? '—' : String(c.row_count)],
      ['Content date', c.content_note || 'content date unknown'],
      // Where the file's content came from: the source the applying run read, with its report.
      ['Content from', h && h.last_apply ? h.last_apply.source + ' (report ' + h.last_apply.report_id + ')'
        : 'no recent apply on record'],
      ['Configured source', c.source || 'none registered'],
      ['Validation', badge(c.validation.status)],
    ];
    if (h) rows.push(['Health', el('span', {}, badge(h.state), h.reason ? el('div', { class: 'reason' }, h.reason) : null)]);
    fillCard(card, h ? HEALTH_CLASS[h.state] : c.validation.status, rows);
    card.dataset.rows = c.row_count === null ? '' : String(c.row_count);
  }
  const ev = data.market_events || {};
  // Market events can be chosen only where the runner has them.
  const eventsBox = document.querySelector('input[name="task"][value="market_events"]');
  if (eventsBox) { eventsBox.closest('label').hidden = !ev.available; if (!ev.available) eventsBox.checked = false; }
  if (ev.available && ev.last_sync_at) {
    fillCard($('card-events'), ev.status, [
      ['Last refreshed', when(ev.last_sync_at)],
      ['Fetched', String(ev.fetched_count)], ['Upserted', String(ev.upserted_count)],
      ['Stale', String(ev.stale_count)], ['Errors', String(ev.error_count)],
      ['Status', badge(ev.status)],
    ]);
  } else {
    fillCard($('card-events'), 'skipped', [['Status', badge('not_run')], ['', ev.message || 'not configured']]);
  }
  const r = data.latest_report;
  // Scheduled dry runs (serve's schedule.dry_run), when on: when the next one is due and whether it may apply.
  const schedule = data.schedule ? [['Schedule', data.schedule.dry_run + '; next ' + when(data.schedule.next_due) +
    (data.schedule.apply === 'when-clean' ? '; clean plans applied' : '; plans kept for review')]] : [];
  if (r) {
    fillCard($('card-report'), r.status, [
      ['Time', when(r.started_at)], ['Report', r.report_id], ['Mode', r.mode_title],
      ['Status', badge(r.status)], ['Warnings', String(r.warning_count)], ['Errors', String(r.error_count)],
      ...schedule,
    ]);
  } else {
    fillCard($('card-report'), '', [['Report', 'none yet'], ...schedule]);
  }
  // Markets in session now, and exchange calendars about to run out (with the override file to extend them).
  const open = (data.market_open || []).concat(data.calendar_warnings || []);
  $('market-open').hidden = open.length === 0;
  $('market-open').textContent = open.join(' · ');
  loadCharts(); // the reports may have changed: so have the trends
}

async function pollProgress() {
  const { data } = await api('GET', '/api/maintenance/runs/current');
  if (!data || !data.running) return false;
  // The mode in words from the run's RunMode (mode_title): a rollback preview is named as one.
  $('progress-label').textContent = '— ' + data.run.label + ' (' + data.run.mode_title + ')' +
    ' of ' + data.run.tasks.join(', ');
  $('progress-lines').replaceChildren(...data.run.progress.map((p) => el('li', {}, p.message)));
  return true;
}

let runningHere = false; // this tab started the run it is showing
let following = false;   // this tab is showing a run another tab (or a reload) started

// A run started in another tab, or before a reload, is the console's one run: every tab shows it, keeps
// its buttons disabled while it lasts, and shows the report it produced when it ends.
async function followRunElsewhere() {
  if (runningHere || following) return;
  if (!(await pollProgress())) return;
  following = true;
  setBusy(true);
  $('progress').hidden = false;
  try {
    while (await pollProgress()) await new Promise((resolve) => setTimeout(resolve, 500));
  } finally {
    $('progress').hidden = true;
    setBusy(false);
    following = false;
  }
  await loadStatus();
  const latest = lastStatus && lastStatus.latest_report;
  if (latest) {
    const { data } = await api('GET', '/api/maintenance/reports/' + encodeURIComponent(latest.report_id));
    if (data && data.results) renderReport(data);
    showMessage('A run started elsewhere finished: report ' + latest.report_id + ' — ' + latest.status + '.',
      latest.status === 'success' || latest.status === 'warning' ? 'ok' : 'warn');
  }
}

async function runWithProgress(path, body) {
  showMessage('');
  runningHere = true;
  setBusy(true);
  $('progress').hidden = false;
  $('progress-lines').replaceChildren();
  const timer = setInterval(pollProgress, 400);
  try {
    return await api('POST', path, body);
  } finally {
    clearInterval(timer);
    $('progress').hidden = true;
    setBusy(false);
    runningHere = false;
  }
}

function setBusy(busy) {
  document.querySelectorAll('.actions button').forEach((b) => {
    if (busy) { b.dataset.wasDisabled = b.disabled; b.disabled = true; }
    else { b.disabled = b.dataset.wasDisabled === 'true'; }
  });
  if (!busy) updateApplyButton();
}

function constituentResults(report) {
  return (report.results || []).filter((r) => constituentTasks.includes(r.task));
}

function updateApplyButton() {
  const ok = lastPreview && lastPreview.passed;
  $('btn-apply-constituents').disabled = !ok;
  $('apply-hint').textContent = ok
    ? 'Applies exactly preview ' + lastPreview.report.report_id + ' (' + lastPreview.tasks.join(', ') + ').' +
      (lastPreview.left.length ? ' Left out: ' + lastPreview.why : '')
    : (lastPreview ? lastPreview.why
      : 'Run a constituents dry run first: apply writes exactly the preview you saw.');
}

// An index whose preview passed can be applied even when another one's failed: the plan is per task.
function previewPassed(r) {
  return r.status !== 'failed' && r.validation.status !== 'failed';
}

async function preview(tasks) {
  const body = { tasks: tasks, dry_run: true, allow_large_change: $('allow-large-change').checked };
  const { status, data } = await runWithProgress('/api/maintenance/run', body);
  if (status !== 200) { showMessage('Run refused: ' + (data.error || (data.errors || []).join('; ')), 'error'); return; }
  renderReport(data);
  const results = constituentResults(data);
  if (results.length > 0) {
    const good = results.filter(previewPassed);
    const left = results.filter((r) => !previewPassed(r));
    lastPreview = {
      report: data,
      tasks: good.map((r) => r.task),
      left: left.map((r) => r.task),
      passed: good.length > 0,
      why: whyNotApplicable(left),
    };
  }
  await loadStatus();
  updateApplyButton();
}

// The right words for a preview that cannot be applied: a source that could not be read is not a validation failure.
function whyNotApplicable(results) {
  const unread = results.filter((r) => r.status === 'failed' && r.validation.status === 'not_run').map((r) => r.task);
  const invalid = results.filter((r) => !unread.includes(r.task)).map((r) => r.task);
  const parts = [];
  if (unread.length > 0) {
    parts.push('The source could not be read for ' + unread.join(', ') + ' (see the report): preview again when it answers.');
  }
  if (invalid.length > 0) {
    parts.push('The preview of ' + invalid.join(', ') + ' did not pass validation: fix it and preview again before applying.');
  }
  return parts.join(' ');
}

// A result's messages with their stable codes (detail.notices; see the README's report format). A message
// without an entry there (a report written before codes, a plug-in's message) has the code 'unspecified'.
function noticesOf(r, scope, severity, messages) {
  const unused = ((r.detail || {}).notices || []).filter((n) => n.scope === scope && n.severity === severity);
  return (messages || []).map((message) => {
    const i = unused.findIndex((n) => n.message === message);
    return { code: i < 0 ? 'unspecified' : unused.splice(i, 1)[0].code, message };
  });
}

function applyWarnings(report) {
  const warnings = [];
  for (const m of (lastStatus && lastStatus.market_open) || []) warnings.push('Market appears open: ' + m);
  for (const r of report.results || []) {
    for (const n of noticesOf(r, 'validation', 'warning', r.validation.warnings)) {
      if (n.code === 'count_change') warnings.push('Large constituent count change — ' + r.task + ': ' + n.message);
      else warnings.push(r.task + ': ' + n.message);
    }
    for (const n of noticesOf(r, 'task', 'error', r.errors)) {
      if (n.code === 'source_failed') warnings.push('Source fetch failed — ' + r.task + ': ' + n.message);
      else warnings.push('Error — ' + r.task + ': ' + n.message);
    }
    for (const e of r.validation.errors) warnings.push('Validation failure — ' + r.task + ': ' + e);
    if (r.task === 'market_events' && r.status === 'partial_failure') {
      warnings.push('Partial market-events sync failure: ' + r.errors.join('; '));
    }
    for (const w of r.warnings) warnings.push(r.task + ': ' + w);
  }
  return warnings;
}

// The names an apply would remove, per task: the first SHOWN_REMOVALS, then how many more.
const SHOWN_REMOVALS = 20;
// A removal of more than this share of a list is called out, whatever the validators allowed.
const HEAVY_REMOVAL = 0.1;

function removalList(results) {
  const removing = results.filter((r) => r.removed.length > 0);
  if (!removing.length) return el('p', { class: 'hint', id: 'confirm-removals' }, 'No names would be removed.');
  return el('div', { id: 'confirm-removals', class: 'removals' }, ...removing.map((r) => el('div', { 'data-task': r.task },
    el('h4', {}, r.task + ': ' + r.removed.length + ' name(s) would be removed'),
    el('ul', {}, r.removed.slice(0, SHOWN_REMOVALS).map((c) => el('li', {}, c.symbol + (c.security ? ' — ' + c.security : '') +
      changeNote(r, c.symbol)))),
    r.removed.length > SHOWN_REMOVALS ? el('p', { class: 'hint more' }, '… and ' + (r.removed.length - SHOWN_REMOVALS) +
      ' more (the report lists them all)') : null)));
}

// What the page's change table says of a removal or rename (detail.change_classification, detail.renames).
function changeNote(r, symbol) {
  const d = r.detail || {};
  const rename = (d.renames || []).find((x) => x.old === symbol);
  if (rename) return ' — renamed ' + rename.old + ' → ' + rename.new + ' (' + rename.classification + ')';
  const cl = d.change_classification;
  const e = cl && cl.judged ? (cl.removed || []).find((x) => x.symbol === symbol) : null;
  return e ? ' — ' + e.classification + (e.effective ? ' ' + e.effective + (e.reason ? ': ' + e.reason : '') : '') : '';
}

function heavyRemovals(results) {
  return results.filter((r) => r.before_count && r.removed.length > HEAVY_REMOVAL * r.before_count)
    .map((r) => 'Heavy removal — ' + r.task + ': ' + r.removed.length + ' of ' + r.before_count + ' names (' +
      Math.round(100 * r.removed.length / r.before_count) + '%) would go');
}

// A removal a second source does not back: the page dropped the name, but a fund's holdings still list it.
function unexplainedRemovals(results) {
  const out = [];
  for (const r of results) {
    for (const o of (r.detail && r.detail.second_opinion) || []) {
      const held = new Set((o.only_in_source || []).map((m) => m.symbol));
      const names = r.removed.filter((c) => held.has(c.symbol)).map((c) => c.symbol);
      if (names.length) {
        out.push('Unexplained removal — ' + r.task + ': off the page but still held by ' + o.source + ': ' +
          names.slice(0, SHOWN_REMOVALS).join(', ') +
          (names.length > SHOWN_REMOVALS ? ' and ' + (names.length - SHOWN_REMOVALS) + ' more' : ''));
      }
    }
  }
  return out;
}

function confirmDialog(title, text, warnings, extra, confirmLabel) {
  return new Promise((resolve) => {
    const dialog = $('confirm-dialog');
    $('confirm-title').textContent = title;
    $('confirm-apply').textContent = confirmLabel || 'Apply';
    $('confirm-text').textContent = text;
    $('confirm-warnings').replaceChildren(...(warnings.length ? warnings : ['No warnings.']).map((w) => el('li', {}, w)));
    $('confirm-extra').replaceChildren(...(extra ? [extra] : []));
    dialog.returnValue = '';
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'apply'), { once: true });
    dialog.showModal();
  });
}

async function applyConstituents() {
  if (!lastPreview || !lastPreview.passed) return;
  const report = lastPreview.report;
  const results = constituentResults(report).filter((r) => lastPreview.tasks.includes(r.task));
  const summary = results.map((r) => r.task + ': ' + (r.before_count === null
    ? 'new file (' + r.after_count + ' rows)'
    : r.before_count + ' → ' + r.after_count + ' (+' + r.added.length + ' / −' + r.removed.length + ')')).join('; ');
  const ok = await confirmDialog('Apply constituents refresh?',
    'Writes exactly preview ' + report.report_id + ': ' + summary + '. Files are backed up first.' +
    (lastPreview.left.length ? ' Not applied (its preview failed): ' + lastPreview.left.join(', ') + '.' : ''),
    applyWarnings({ results }).concat(heavyRemovals(results), unexplainedRemovals(results)), removalList(results));
  if (!ok) return;
  const { status, data } = await runWithProgress('/api/maintenance/run',
    { tasks: lastPreview.tasks, dry_run: false, plan_id: report.report_id });
  if (status !== 200) { showMessage('Apply refused: ' + (data.error || (data.errors || []).join('; ')), 'error'); }
  else if (data.status === 'partial_failure') {
    const failed = constituentResults(data).filter((r) => r.status === 'failed').map((r) => r.task);
    showMessage('Partly applied: report ' + data.report_id + ' — ' + failed.join(', ') + ' failed and left unchanged; '
      + 'the others were written.', 'warn');
  } else if (data.status === 'failed') { showMessage('Not applied: report ' + data.report_id + ' failed; nothing was written.', 'error'); }
  else { showMessage('Applied: report ' + data.report_id + ' — ' + data.status + '.', 'ok'); }
  if (data && data.results) renderReport(data);
  lastPreview = null;
  await loadStatus();
  updateApplyButton();
}

async function refreshEvents() {
  const symbols = el('input', { id: 'event-symbols', placeholder: 'AAPL, MSFT (optional)', size: '40' });
  const days = el('input', { id: 'event-days', type: 'number', min: '1', max: '90', value: '28' });
  const extra = el('div', {}, el('label', {}, 'Symbols ', symbols), el('br'), el('label', {}, 'Days ahead ', days));
  const ok = await confirmDialog('Refresh market events?',
    'Writes event rows to the event store: FOMC, market holidays, and earnings/dividends for the symbols given.',
    ((lastStatus && lastStatus.market_open) || []).map((m) => 'Market appears open: ' + m), extra);
  if (!ok) return;
  const list = symbols.value.split(/[\s,]+/).filter((s) => s);
  const { status, data } = await runWithProgress('/api/market-events/refresh',
    { symbols: list, days_ahead: Number(days.value) });
  if (status !== 200) { showMessage('Market events: ' + (data.error || status), 'error'); }
  if (data && data.results) renderReport(data);
  await loadStatus();
}

// A backup as the operator chooses it: the file, when, how many rows, and the apply that took it.
function backupLabel(b) {
  return b.file + ' — ' + b.backup_id + ' (' + when(b.taken_at) + ', ' +
    (b.row_count === null || b.row_count === undefined ? 'rows unreadable' : b.row_count + ' rows') +
    ', taken by ' + (b.report_id ? 'apply ' + b.report_id : 'a run whose report is gone') + ')';
}

// A report's mode as its detail.mode records it (RunMode's label): a rollback preview is labelled as one.
const ROLLBACK_PREVIEW = 'dry run of ROLLBACK to backup ';
function modeLabel(report) {
  const mode = String((report.detail || {}).mode || '');
  if (report.dry_run && mode.startsWith(ROLLBACK_PREVIEW)) {
    return 'Rollback preview of backup ' + mode.substring(ROLLBACK_PREVIEW.length) + ' — nothing written';
  }
  return report.dry_run ? 'Dry run — nothing written' : 'Apply';
}

async function rollback() {
  const { data } = await api('GET', '/api/maintenance/backups');
  if (!Array.isArray(data) || data.length === 0) { showMessage('There are no backups to restore yet.', 'error'); return; }
  const select = el('select', { id: 'rollback-backup' },
    data.map((b) => el('option', { value: b.task + '|' + b.backup_id }, backupLabel(b))));
  const chosen = await confirmDialog('Roll back a constituent file?',
    'First a preview: what restoring the chosen backup would change. Nothing is written yet.',
    ((lastStatus && lastStatus.market_open) || []).map((m) => 'Market appears open: ' + m),
    el('label', {}, 'Backup ', select), 'Preview');
  if (!chosen) return;
  const [task, backupId] = select.value.split('|');
  // The preview (a dry run of the restore): the same diff and validation the restore would get.
  const preview = await runWithProgress('/api/maintenance/rollback', { task: task, backup_id: backupId, dry_run: true });
  if (preview.status !== 200) { showMessage('Rollback preview refused: ' + (preview.data.error || preview.status), 'error'); return; }
  if (preview.data && preview.data.results) renderReport(preview.data);
  const r = (preview.data.results || [])[0] || { added: [], removed: [], errors: [], detail: {} };
  if (preview.data.status === 'failed') {
    showMessage('This backup cannot be restored: ' + (r.errors || []).join('; '), 'error');
    return;
  }
  const fieldChanges = ((r.detail || {}).changed_rows || []).length;
  const warnings = (preview.data.market_open || []).map((m) => 'Market appears open: ' + m)
    .concat(((r.validation || {}).warnings || []));
  const ok = await confirmDialog('Restore ' + backupId + '?',
    'Restoring would change ' + task + ': ' + r.before_count + ' → ' + r.after_count + ' symbols (+' + r.added.length +
    ' / −' + r.removed.length + ', ' + fieldChanges + ' field change(s)), as the report below shows. ' +
    'The current file is backed up first.', warnings, null, 'Restore');
  if (!ok) return;
  const result = await runWithProgress('/api/maintenance/rollback', { task: task, backup_id: backupId, dry_run: false });
  if (result.status !== 200) showMessage('Rollback refused: ' + (result.data.error || result.status), 'error');
  else showMessage('Rolled back: report ' + result.data.report_id + ' — ' + result.data.status + '.',
    result.data.status === 'success' || result.data.status === 'warning' ? 'ok' : 'error');
  if (result.data && result.data.results) renderReport(result.data);
  await loadStatus();
}

async function viewLatestReport() {
  showMessage(''); // the last action's message is about that action, not this report
  const list = await api('GET', '/api/maintenance/reports?limit=1');
  if (!Array.isArray(list.data) || list.data.length === 0) { showMessage('No reports yet.', 'error'); return; }
  const { data } = await api('GET', '/api/maintenance/reports/' + encodeURIComponent(list.data[0].report_id));
  renderReport(data);
}

function changeList(title, cls, items) {
  return el('div', { class: cls }, el('h4', {}, title + ' (' + items.length + ')'),
    el('ul', {}, items.map((c) => el('li', {}, c.symbol + (c.security ? ' — ' + c.security : '')))));
}

const SHOWN_EVENT_CHANGES = 50;
const SHOWN_FIELD_CHANGES = 100;

// Each second source's verdict (a fund's holdings), next to the diff.
function secondOpinion(r) {
  const opinions = (r.detail && r.detail.second_opinion) || [];
  if (!opinions.length) return null;
  const names = (list) => (list || []).map((m) => m.symbol + ' (' + m.name + ')').join(', ');
  return el('div', { class: 'second-opinion' }, el('h4', {}, 'Second opinion'),
    el('ul', {}, opinions.map((o) => el('li', {}, o.source + ' as of ' + (o.as_of || '?') + ': ' + o.status +
      (o.reason ? ' — ' + o.reason : '') +
      (o.only_on_page && o.only_on_page.length ? '; only on the page: ' + names(o.only_on_page) : '') +
      (o.only_in_source && o.only_in_source.length ? '; only in the fund: ' + names(o.only_in_source) : '')))));
}

// For the symbols a constituents run keeps: each changed field as old → new.
function fieldChanges(r) {
  const rows = (r.detail && r.detail.changed_rows) || [];
  if (!rows.length) return null;
  const shown = rows.slice(0, SHOWN_FIELD_CHANGES);
  return el('div', { class: 'field-changes' }, el('h4', {}, 'Changed fields (' + rows.length + ')'),
    el('div', { class: 'scroll' }, el('table', {},
      el('thead', {}, el('tr', {}, ['Symbol', 'Field', 'Old', 'New'].map((h) => el('th', {}, h)))),
      el('tbody', {}, shown.map((c) => el('tr', {}, el('td', {}, c.symbol), el('td', {}, c.field),
        el('td', {}, c.old), el('td', {}, c.new)))))),
    rows.length > shown.length ? el('p', { class: 'hint' }, '… and ' + (rows.length - shown.length) +
      ' more in the JSON report') : null);
}

function changeDetails(c) {
  if (c.fields) return c.fields.map((f) => f.field + ': ' + f.old + ' → ' + f.new).join('; ');
  return c.reason || '';
}

// A market-events task: each provider's counts, then the events it inserts, updates or marks stale.
function eventChanges(r) {
  const providers = (r.detail && r.detail.providers) || [];
  if (!providers.length) return null;
  const changes = r.detail.changes || [];
  return el('div', { class: 'event-changes' }, ...providers.map((p) => {
    const mine = changes.filter((c) => c.provider === p.provider);
    const shown = mine.slice(0, SHOWN_EVENT_CHANGES);
    return el('div', { class: 'provider', 'data-provider': p.provider },
      el('h4', {}, p.provider + ' ', badge(p.status), el('span', { class: 'hint' },
        p.fetched_count + ' fetched · ' + p.inserted_count + (r.dry_run ? ' would be inserted · ' : ' inserted · ') +
        p.updated_count + (r.dry_run ? ' would be updated · ' : ' updated · ') + p.stale_count +
        (r.dry_run ? ' would be marked stale · ' : ' marked stale · ') + p.error_count + ' error(s)')),
      shown.length ? el('div', { class: 'scroll' }, el('table', {},
        el('thead', {}, el('tr', {}, ['Change', 'Type', 'Symbol', 'Date', 'Time', 'Title', 'Details'].map((h) => el('th', {}, h)))),
        el('tbody', {}, shown.map((c) => el('tr', { class: 'change-' + c.kind },
          el('td', {}, c.kind), el('td', {}, c.event_type), el('td', {}, c.symbol || '—'), el('td', {}, c.date),
          el('td', {}, c.time ? c.time + ' ' + c.zone : ''), el('td', {}, c.title), el('td', {}, changeDetails(c))))))) : null,
      mine.length > shown.length ? el('p', { class: 'hint' }, '… and ' + (mine.length - shown.length) +
        ' more in the JSON report') : null);
  }));
}

function renderReport(report) {
  const box = $('report');
  box.hidden = false;
  const rows = (report.results || []).map((r) => el('tr', {},
    el('td', {}, r.task), el('td', {}, badge(r.status)),
    el('td', { class: 'num' }, r.before_count ?? '—'), el('td', { class: 'num' }, r.after_count ?? '—'),
    el('td', { class: 'num' }, r.added.length), el('td', { class: 'num' }, r.removed.length),
    el('td', { class: 'num' }, r.warnings.length + r.validation.warnings.length),
    el('td', { class: 'num' }, r.errors.length + r.validation.errors.length),
    el('td', { class: 'num' }, Number(r.duration_seconds).toFixed(2) + ' s')));
  const tasks = (report.results || []).map((r) => el('div', { class: 'task', 'data-task': r.task },
    el('h3', {}, r.task, badge(r.status), el('span', { class: 'hint' }, 'validation'), badge(r.validation.status)),
    el('div', { class: 'src' }, 'Source: ' + (r.source || '—') + ' · ' + Number(r.duration_seconds).toFixed(2) + ' s'),
    (r.added.length || r.removed.length)
      ? el('div', { class: 'changes' }, changeList('Added', 'added', r.added), changeList('Removed', 'removed', r.removed))
      : null,
    fieldChanges(r),
    secondOpinion(r),
    eventChanges(r),
    r.validation.errors.length ? el('ul', { class: 'errors' }, r.validation.errors.map((e) => el('li', {}, e))) : null,
    r.errors.length ? el('ul', { class: 'errors' }, r.errors.map((e) => el('li', {}, e))) : null,
    r.validation.warnings.length ? el('ul', { class: 'warnings' }, r.validation.warnings.map((w) => el('li', {}, w))) : null,
    r.warnings.length ? el('ul', { class: 'warnings' }, r.warnings.map((w) => el('li', {}, w))) : null));
  box.replaceChildren(...[
    el('h2', {}, 'Report ' + report.report_id + ' ', badge(report.status)),
    el('div', { class: 'meta' }, modeLabel(report) + ' · started ' +
      when(report.started_at) + ' · ' + Number(report.duration_seconds).toFixed(2) + ' s'),
    el('div', { class: 'scroll' }, el('table', {}, el('thead', {}, el('tr', {}, ['Task', 'Status', 'Before', 'After', 'Added',
      'Removed', 'Warnings', 'Errors', 'Duration'].map((h, i) => el('th', { class: i >= 2 ? 'num' : '' }, h)))),
      el('tbody', {}, rows))),
    (report.errors || []).length ? el('ul', { class: 'errors' }, report.errors.map((e) => el('li', {}, e))) : null,
    (report.warnings || []).length ? el('ul', { class: 'warnings' }, report.warnings.map((w) => el('li', {}, w))) : null,
    ...tasks].filter((node) => node !== null));
  focusResult($('message').hidden ? box : $('message'));
}

// Trends: charts drawn from the reports (GET /api/maintenance/charts) with uPlot, served by the console itself.
let charts = [];
const css = (name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();
const PALETTE = ['--series-1', '--series-2', '--series-3', '--series-4', '--series-5', '--series-6'];

// Series with their own x values, joined on one sorted x axis (null where a series has no point), as uPlot takes them.
function aligned(seriesPoints) {
  const xs = [...new Set(seriesPoints.flatMap((points) => points.map((p) => p[0])))].sort((a, b) => a - b);
  return [xs, ...seriesPoints.map((points) => {
    const byX = new Map(points.map((p) => [p[0], p[1]]));
    return xs.map((x) => (byX.has(x) ? byX.get(x) : null));
  })];
}

function axis(label, scale) {
  const a = { label, stroke: css('--muted'), grid: { stroke: css('--line'), width: 1 }, ticks: { stroke: css('--line') } };
  if (scale) a.scale = scale;
  return a;
}

// Counts and durations start at zero, with a little room above the highest.
function fromZero(u, min, max) {
  return [0, max > 0 ? max * 1.15 : 1];
}

// Time axes padded on both sides (half a day at least), so one point or a bar at either end shows whole.
function timeRange(u, min, max) {
  if (min === null || max === null) return [0, 1];
  const pad = Math.max(43200, (max - min) * 0.05);
  return [min - pad, max + pad];
}

function chartFigure(id, title, note) {
  const body = el('div', { class: 'chart-body' });
  const figure = el('figure', { class: 'chart', id }, el('figcaption', {}, title, note ? el('span', { class: 'hint' }, ' ' + note) : null), body);
  $('charts').append(figure);
  return { figure, body };
}

function plot(id, title, note, series, data, extra) {
  const { figure, body } = chartFigure(id, title, note);
  const points = data.slice(1).reduce((n, ys) => n + ys.filter((y) => y !== null && y !== undefined).length, 0);
  figure.dataset.points = String(points);
  figure.dataset.series = series.map((s) => s.label).join('|');
  if (points === 0) { body.append(el('p', { class: 'hint' }, 'No data in the reports yet.')); return; }
  const width = Math.max(200, body.clientWidth || figure.clientWidth || 300);
  const opts = Object.assign({
    width, height: 190, series: [{}, ...series], cursor: { drag: { x: false, y: false } },
    legend: { live: false },
    axes: [axis(''), axis('')], scales: { x: { time: true, range: timeRange }, y: { range: fromZero } },
  }, extra || {});
  // One point in time: uPlot has no span to pad, so the axis gets a fixed day either side.
  if (opts.scales.x.time && data[0].length === 1) opts.scales.x.range = [data[0][0] - 86400, data[0][0] + 86400];
  charts.push(new uPlot(opts, data, body));
}

function line(label, i, scale) {
  return { label, stroke: css(PALETTE[i % PALETTE.length]), width: 2, spanGaps: true, scale: scale || 'y',
    points: { show: true, size: 6, fill: css(PALETTE[i % PALETTE.length]) } };
}

function bars(label, i, scale) {
  const paths = uPlot.paths && uPlot.paths.bars ? uPlot.paths.bars({ size: [0.35, 24], align: i % 2 ? 1 : -1 }) : undefined;
  return { label, stroke: css(PALETTE[i % PALETTE.length]), fill: css(PALETTE[i % PALETTE.length]), width: 1,
    scale: scale || 'y', paths, points: { show: !paths, size: 6 } };
}

async function loadCharts() {
  if (typeof uPlot === 'undefined') { $('trends-hint').textContent = 'charting library unavailable'; return; }
  const { status, data } = await api('GET', '/api/maintenance/charts');
  if (status !== 200) { $('trends-hint').textContent = 'unavailable: ' + (data.error || status); return; }
  charts.forEach((c) => c.destroy());
  charts = [];
  $('charts').replaceChildren();
  $('trends-hint').textContent = 'from the ' + data.reports_read + ' newest reports';
  for (const ix of data.indexes) {
    const a = ix.applies.map((p) => [p.at, p]);
    plot('chart-members-' + ix.index, (ix.title || ix.index) + ': members and churn', 'per apply',
      [line('members', 0, 'n'), bars('added', 1, 'c'), bars('removed', 2, 'c')],
      aligned([a.map(([x, p]) => [x, p.members]), a.map(([x, p]) => [x, p.added]), a.map(([x, p]) => [x, p.removed])]),
      { axes: [axis(''), axis('members', 'n'), Object.assign(axis('churn', 'c'), { side: 1, grid: { show: false } })],
        scales: { x: { time: true, range: timeRange }, n: { range: fromZero }, c: { range: fromZero } } });
  }
  const ages = data.age;
  plot('chart-age', 'Content and file age', 'days, now',
    [bars('file age', 0), bars('content age (since its apply)', 1)],
    [ages.map((_, i) => i), ages.map((a) => a.file_age_days), ages.map((a) => a.content_age_days)],
    { scales: { x: { time: false, range: [-0.5, Math.max(0.5, ages.length - 0.5)] }, y: { range: fromZero } },
      axes: [Object.assign(axis(''), { splits: () => ages.map((_, i) => i), values: (u, splits) => splits.map((i) => (ages[i] ? ages[i].title || ages[i].index : '')) }),
        axis('days')] });
  plot('chart-durations', 'Run duration per task', 'seconds',
    data.durations.map((d, i) => line(d.task, i)), aligned(data.durations.map((d) => d.runs.map((r) => [r.at, r.seconds]))),
    { axes: [axis(''), axis('seconds')] });
  plot('chart-events', 'Events per provider per sync', 'fetched',
    data.events.map((e, i) => line(e.provider, i)), aligned(data.events.map((e) => e.syncs.map((s) => [s.at, s.fetched]))),
    { axes: [axis(''), axis('events')] });
}

// Charts are drawn to the width of their box: redrawn when the window's width changes.
let resizeTimer = null;
window.addEventListener('resize', () => { clearTimeout(resizeTimer); resizeTimer = setTimeout(loadCharts, 250); });
window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', loadCharts);

// History: a page of reports under the chosen filters; any two checked reports can be compared.
const HISTORY_PAGE = 20;
let historyOffset = 0;

function historyQuery() {
  const q = new URLSearchParams({ limit: HISTORY_PAGE, offset: historyOffset });
  for (const [key, id] of [['task', 'history-task'], ['status', 'history-status'], ['mode', 'history-mode']]) {
    if ($(id).value) q.set(key, $(id).value);
  }
  return q.toString();
}

async function showHistory() {
  const { status, data } = await api('GET', '/api/maintenance/reports?' + historyQuery());
  if (status !== 200) { showMessage(data.error || ('history failed: HTTP ' + status), 'error'); return; }
  const table = $('history-table');
  table.hidden = false;
  table.querySelector('tbody').replaceChildren(...data.map((r) => el('tr', { 'data-report': r.report_id },
    el('td', {}, el('input', { type: 'checkbox', name: 'compare-report', value: r.report_id,
      'aria-label': 'compare ' + r.report_id })),
    el('td', {}, el('button', { class: 'link', 'data-open': r.report_id }, r.report_id)),
    el('td', { class: 'tasks' }, (r.tasks || []).join(', ') || '—'),
    el('td', {}, badge(r.status)), el('td', {}, el('span', { class: 'kind ' + (r.kind || 'unknown') }, r.kind_label)),
    el('td', {}, r.mode_title), el('td', {}, when(r.started_at)),
    el('td', { class: 'num' }, r.warning_count), el('td', { class: 'num' }, r.error_count))));
  if (data.length === 0) {
    table.querySelector('tbody').append(el('tr', {}, el('td', { colspan: 9 }, 'No reports match.')));
  }
  table.querySelectorAll('button[data-open]').forEach((b) => b.addEventListener('click', async () => {
    const report = await api('GET', '/api/maintenance/reports/' + encodeURIComponent(b.dataset.open));
    renderReport(report.data);
  }));
  table.querySelectorAll('input[name="compare-report"]').forEach((c) => c.addEventListener('change', updateCompareButton));
  $('btn-history-newer').disabled = historyOffset === 0;
  $('btn-history-older').disabled = data.length < HISTORY_PAGE;
  updateCompareButton();
}

function checkedReports() {
  return [...document.querySelectorAll('input[name="compare-report"]:checked')].map((c) => c.value);
}

function updateCompareButton() {
  $('btn-compare-reports').disabled = checkedReports().length !== 2;
}

// Compare two versions (report ids, backup ids or "current"): every constituent file both name, or one task's.
async function compareVersions(from, to, task) {
  const q = new URLSearchParams({ from, to });
  if (task) q.set('task', task);
  const { status, data } = await api('GET', '/api/maintenance/compare?' + q.toString());
  if (status !== 200) { showMessage(data.error || ('compare failed: HTTP ' + status), 'error'); return; }
  showMessage('');
  const parts = data.tasks || [data];
  const box = $('comparison');
  box.hidden = false;
  box.replaceChildren(el('h2', {}, 'Comparison: ' + from + ' → ' + to),
    ...parts.map((p) => el('div', { class: 'task', 'data-task': p.task },
      el('h3', {}, p.task, el('span', { class: 'hint' }, ' +' + p.added.length + ' / −' + p.removed.length + ' · ' +
        p.changed_rows.length + ' field change(s)')),
      (p.added.length || p.removed.length)
        ? el('div', { class: 'changes' }, changeList('Added', 'added', p.added), changeList('Removed', 'removed', p.removed))
        : el('p', { class: 'hint' }, 'Same symbols.'),
      fieldChanges({ detail: { changed_rows: p.changed_rows } }))),
    ...(data.skipped || []).map((s) => el('p', { class: 'hint skipped' }, s.task + ': not compared — ' + s.reason)));
  focusResult(box);
}

async function compareCheckedReports() {
  // Older first, so "added" means what the newer report has that the older one did not.
  const [newer, older] = checkedReports();
  await compareVersions(older, newer);
}

async function loadVersions() {
  const task = $('compare-task').value;
  const { data } = await api('GET', '/api/maintenance/backups?task=' + encodeURIComponent(task));
  const options = () => [el('option', { value: 'current' }, 'the file now'),
    ...(Array.isArray(data) ? data : []).map((b) => el('option', { value: b.backup_id }, 'backup ' + b.backup_id +
      (b.row_count === null || b.row_count === undefined ? '' : ' (' + b.row_count + ' rows)')))];
  $('compare-from').replaceChildren(...options());
  $('compare-to').replaceChildren(...options());
  if ($('compare-from').options.length > 1) $('compare-from').selectedIndex = 1;
}

function fillTaskChoices(constituents) {
  if ($('compare-task').options.length) return;
  const names = (constituents || []).map((c) => c.task);
  $('compare-task').replaceChildren(...names.map((t) => el('option', { value: t }, t)));
  $('history-task').append(...[...names, 'market_events', 'metadata_validation'].map((t) => el('option', { value: t }, t)));
  if (names.length) loadVersions();
}

$('btn-history').addEventListener('click', () => { historyOffset = 0; showHistory(); });
$('btn-history-older').addEventListener('click', () => { historyOffset += HISTORY_PAGE; showHistory(); });
$('btn-history-newer').addEventListener('click', () => { historyOffset = Math.max(0, historyOffset - HISTORY_PAGE); showHistory(); });
$('btn-compare-reports').addEventListener('click', compareCheckedReports);
$('compare-task').addEventListener('change', loadVersions);
$('btn-compare-versions').addEventListener('click', () =>
  compareVersions($('compare-from').value, $('compare-to').value, $('compare-task').value));

document.querySelectorAll('button.preview[data-tasks]').forEach((b) => b.addEventListener('click', () => preview([b.dataset.tasks])));
$('btn-dry-run-selected').addEventListener('click', () => {
  const tasks = [...document.querySelectorAll('input[name="task"]:checked')].map((c) => c.value);
  if (tasks.length === 0) { showMessage('Choose at least one task to preview.', 'error'); return; }
  preview(tasks);
});
$('btn-view-report').addEventListener('click', viewLatestReport);
$('btn-apply-constituents').addEventListener('click', applyConstituents);
$('btn-refresh-events').addEventListener('click', refreshEvents);
$('btn-rollback').addEventListener('click', rollback);
loadStatus();
updateApplyButton();
followRunElsewhere();
setInterval(followRunElsewhere, 2000);
