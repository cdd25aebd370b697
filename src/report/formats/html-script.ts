/**
 * The one inline script of the HTML report, allowed by its hash in the Content-Security-Policy.
 * It carries no report data: it reads the filter checkboxes and the data-* attributes of the
 * flags, sets `hidden`, and writes with textContent (never innerHTML). Without it the report is
 * complete, with every flag shown and the filter and review panels left hidden.
 *
 * Filters: a flag is shown when, for every checkbox group (name="category", "severity",
 * "review", …), its data-<group> value is among the checked values of that group.
 *
 * Review: each flag can be confirmed or dismissed (with a reason code and a note), with the
 * reviewer's initials and the date from the review panel. Decisions are kept in localStorage
 * under `scrutineer-review:<data-report-key>` (a hash of the audit's as-of date, inputs, packs
 * and sample, so two reports never share them), as { decisions: { <flag id>: decision | null } }
 * where null undoes a decision the reviewed file gave; the initials under `scrutineer-reviewer`.
 * The export button writes every decision as a version 2 `scrutineer-reviewed.yaml`, each
 * string as a JSON string (which YAML reads as a double-quoted scalar), so no note can break it.
 */
export const HTML_SCRIPT = `
(() => {
  'use strict';
  const form = document.getElementById('filters');
  const status = document.getElementById('filter-status');
  const note = document.getElementById('filter-note');
  if (!form || !status) return;
  const flags = [...document.querySelectorAll('[data-flag]')];
  const records = [...document.querySelectorAll('[data-record]')];
  const cases = [...document.querySelectorAll('[data-case]')];
  const boxes = [...form.querySelectorAll('input[type="checkbox"]')];
  const plural = (n, word) => n + ' ' + word + (n === 1 ? '' : 's');
  const update = () => {
    const allowed = new Map();
    for (const box of boxes) {
      if (!allowed.has(box.name)) allowed.set(box.name, new Set());
      if (box.checked) allowed.get(box.name).add(box.value);
    }
    const bySeverity = { error: 0, warning: 0, info: 0 };
    let shown = 0;
    for (const flag of flags) {
      let show = true;
      for (const [name, values] of allowed) if (!values.has(flag.getAttribute('data-' + name) || '')) show = false;
      flag.hidden = !show;
      if (show) {
        shown++;
        const sev = flag.getAttribute('data-severity');
        bySeverity[sev] = (bySeverity[sev] || 0) + 1;
      }
    }
    for (const record of records) record.hidden = !record.querySelector('[data-flag]:not([hidden])');
    let casesShown = 0;
    for (const c of cases) {
      const all = c.querySelectorAll('[data-flag]').length;
      const n = c.querySelectorAll('[data-flag]:not([hidden])').length;
      c.hidden = n === 0;
      if (n) casesShown++;
      const out = c.querySelector('[data-shown]');
      if (out) out.textContent = n === all ? '' : ' (' + n + ' shown by the filters)';
    }
    const filtered = shown !== flags.length;
    const text = 'Showing ' + shown + ' of ' + plural(flags.length, 'flag') + ' (' + bySeverity.error + ' error, ' + bySeverity.warning +
      ' warning, ' + bySeverity.info + ' info) in ' + casesShown + ' of ' + plural(cases.length, 'case') + '.';
    status.textContent = text;
    if (note) note.textContent = filtered ? 'Filtered view. ' + text + ' Hidden: ' + hiddenChoices() + '.' : '';
    document.body.classList.toggle('filtered', filtered);
  };
  const hiddenChoices = () => boxes.filter((b) => !b.checked).map((b) => b.name + ' ' + b.value).join(', ');
  form.hidden = false;
  form.addEventListener('change', update);
  const all = document.getElementById('filters-all');
  if (all) all.addEventListener('click', () => {
    for (const box of boxes) box.checked = true;
    update();
  });
  update();
  review(update);
})();

function review(refilter) {
  'use strict';
  const panel = document.getElementById('review-panel');
  if (!panel) return;
  const REASONS = { attributed: 'attributed', 'evidenced-elsewhere': 'evidenced elsewhere in the record', 'not-about-a-person': 'not about a person', 'already-corrected': 'already corrected', other: 'other' };
  const NAMES = { open: 'Not decided', confirmed: 'Confirmed', dismissed: 'Dismissed' };
  const flags = [...document.querySelectorAll('[data-flag][data-flag-id]')];
  const storeKey = 'scrutineer-review:' + panel.getAttribute('data-report-key');
  const reviewerBox = document.getElementById('review-reviewer');
  const dateBox = document.getElementById('review-date');
  const countOut = document.getElementById('review-count');
  const exportStatus = document.getElementById('review-export-status');
  const exportText = document.getElementById('review-export-text');
  const storage = (() => {
    try {
      const s = window.localStorage;
      s.getItem(storeKey);
      return s;
    } catch {
      return null;
    }
  })();
  const load = (key) => {
    try {
      return storage ? JSON.parse(storage.getItem(key) || 'null') : null;
    } catch {
      return null;
    }
  };
  const saved = load(storeKey);
  // Only well-formed decisions are taken back from storage (null is an undone decision).
  const kept = {};
  const valid = (d) => d === null || (d && typeof d === 'object' && (d.decision === 'confirmed' || d.decision === 'dismissed') && typeof d.reviewer === 'string' && typeof d.date === 'string');
  if (saved && typeof saved === 'object' && saved.decisions && typeof saved.decisions === 'object') {
    for (const [id, d] of Object.entries(saved.decisions)) if (/^[0-9a-f]{16}$/.test(id) && valid(d)) kept[id] = d;
  }
  const save = () => {
    if (!storage) return;
    try {
      storage.setItem(storeKey, JSON.stringify({ decisions: kept }));
    } catch {
      exportStatus.textContent = 'This browser would not keep the decisions: export them before closing the page.';
    }
  };
  if (!storage) exportStatus.textContent = 'This browser keeps nothing for files opened from disk: export the decisions before closing the page.';
  const pad = (n) => String(n).padStart(2, '0');
  const now = new Date();
  dateBox.value = now.getFullYear() + '-' + pad(now.getMonth() + 1) + '-' + pad(now.getDate());
  reviewerBox.value = (storage && storage.getItem('scrutineer-reviewer')) || '';
  reviewerBox.addEventListener('change', () => {
    if (storage) storage.setItem('scrutineer-reviewer', reviewerBox.value.trim());
  });

  /** The decision a flag carries now: kept in this browser, else from the reviewed file, else none. */
  const fromFile = (flag) => {
    const state = flag.getAttribute('data-review');
    if (state !== 'confirmed' && state !== 'dismissed') return null;
    const d = { decision: state, reviewer: flag.getAttribute('data-decided-reviewer') || '', date: flag.getAttribute('data-decided-date') || '', reason: flag.getAttribute('data-decided-reason') || '' };
    const code = flag.getAttribute('data-decided-reason-code');
    if (code) d.reason_code = code;
    return d;
  };
  const file = new Map(flags.map((f) => [f, fromFile(f)]));
  const idOf = (flag) => flag.getAttribute('data-flag-id');
  const decisionOf = (flag) => (Object.prototype.hasOwnProperty.call(kept, idOf(flag)) ? kept[idOf(flag)] : file.get(flag));
  const part = (flag, sel) => flag.querySelector(sel);

  const show = (flag) => {
    const d = decisionOf(flag);
    const state = d ? d.decision : 'open';
    flag.setAttribute('data-review', state);
    const badge = part(flag, '[data-review-badge]');
    if (badge) {
      badge.textContent = NAMES[state];
      badge.className = 'badge ' + state;
      badge.hidden = !d;
    }
    const text = part(flag, '[data-review-text]');
    if (text) {
      text.textContent = '';
      text.hidden = !d;
      if (d) {
        const strong = document.createElement('strong');
        strong.textContent = NAMES[state];
        text.append(strong);
        const why = d.reason_code && d.reason_code !== 'other' ? ' (' + (REASONS[d.reason_code] || d.reason_code) + ')' : '';
        text.append(why + (d.reviewer ? ' by ' + d.reviewer : '') + (d.date ? ' on ' + d.date.split('-').reverse().join('/') : '') + (d.reason ? ': ' + d.reason : ''));
      }
    }
    const undo = part(flag, '[data-act="undo"]');
    if (undo) undo.hidden = !d;
    const select = part(flag, '[data-field="reason_code"]');
    const note = part(flag, '[data-field="reason"]');
    if (d && select && d.decision === 'dismissed') select.value = d.reason_code || '';
    if (d && note && document.activeElement !== note) note.value = d.reason || '';
  };

  const counts = () => {
    const n = { open: 0, confirmed: 0, dismissed: 0 };
    for (const flag of flags) n[flag.getAttribute('data-review')]++;
    const decided = n.confirmed + n.dismissed;
    countOut.textContent = decided + ' of ' + flags.length + ' flags decided (' + n.confirmed + ' confirmed, ' + n.dismissed + ' dismissed); ' + n.open + ' left.';
    for (const state of Object.keys(n)) {
      const out = document.querySelector('[data-count="review:' + state + '"]');
      if (out) out.textContent = String(n[state]);
    }
  };

  const say = (flag, message) => {
    const out = part(flag, '[data-decide-status]');
    if (out) out.textContent = message;
  };

  const decide = (flag, decision) => {
    const reviewer = reviewerBox.value.trim();
    if (!reviewer) {
      say(flag, 'Enter your initials in the review panel first.');
      reviewerBox.focus();
      return;
    }
    if (!/^\\d{4}-\\d{2}-\\d{2}$/.test(dateBox.value)) {
      say(flag, 'Give the date of the decisions in the review panel.');
      dateBox.focus();
      return;
    }
    const select = part(flag, '[data-field="reason_code"]');
    const note = part(flag, '[data-field="reason"]');
    const reason = note.value.trim();
    const d = { decision, reviewer, date: dateBox.value, reason };
    if (decision === 'dismissed') {
      if (!select.value) {
        say(flag, 'Choose why it is dismissed.');
        select.focus();
        return;
      }
      if (select.value === 'other' && reason.length < 3) {
        say(flag, 'Say why in the note.');
        note.focus();
        return;
      }
      d.reason_code = select.value;
    }
    kept[idOf(flag)] = d;
    save();
    if (storage) storage.setItem('scrutineer-reviewer', reviewer);
    say(flag, '');
    show(flag);
    counts();
    refilter();
  };

  const undo = (flag) => {
    kept[idOf(flag)] = null;
    save();
    show(flag);
    counts();
    refilter();
    say(flag, 'Decision undone.');
  };

  let current = -1;
  const isShown = (f) => !f.closest('[hidden]');
  const focusFlag = (flag) => {
    for (const f of flags) f.classList.toggle('current', f === flag);
    current = flags.indexOf(flag);
    flag.focus();
  };
  /** The next (by 1) or previous (by -1) flag the filters show, from the current one. */
  const step = (by) => {
    const start = current === -1 ? (by > 0 ? 0 : flags.length - 1) : current + by;
    for (let i = start; i >= 0 && i < flags.length; i += by) {
      if (isShown(flags[i])) {
        focusFlag(flags[i]);
        return;
      }
    }
  };

  const yamlOf = () => {
    const q = (s) => JSON.stringify(String(s));
    const lines = ['# Decisions on the flags of a scrutineer report (as of ' + panel.getAttribute('data-as-of') + '), exported from the HTML report.', '# Give it to: scrutineer audit ... --reviewed scrutineer-reviewed.yaml', 'version: 2', 'reviewed:'];
    let n = 0;
    for (const flag of flags) {
      const d = decisionOf(flag);
      if (!d) continue;
      n++;
      lines.push('  - id: ' + q(idOf(flag)), '    rule: ' + q(flag.getAttribute('data-rule')));
      if (flag.getAttribute('data-label')) lines.push('    label: ' + q(flag.getAttribute('data-label')));
      lines.push('    decision: ' + d.decision);
      if (d.decision === 'dismissed') lines.push('    reason_code: ' + (d.reason_code || 'other'));
      if (d.reason) lines.push('    reason: ' + q(d.reason));
      lines.push('    reviewer: ' + q(d.reviewer), '    date: ' + q(d.date));
    }
    if (!n) lines[lines.length - 1] = 'reviewed: []';
    return { text: lines.join('\\n') + '\\n', n };
  };

  document.getElementById('review-export').addEventListener('click', () => {
    const { text, n } = yamlOf();
    exportText.textContent = text;
    const a = document.createElement('a');
    a.download = 'scrutineer-reviewed.yaml';
    a.href = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }));
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 60000);
    exportStatus.textContent = 'Exported ' + n + ' decision' + (n === 1 ? '' : 's') + ' as scrutineer-reviewed.yaml.';
  });

  for (const flag of flags) {
    flag.tabIndex = -1;
    const controls = part(flag, '[data-decide]');
    if (!controls) continue;
    controls.hidden = false;
    controls.addEventListener('click', (e) => {
      const act = e.target.closest('[data-act]');
      if (!act) return;
      const what = act.getAttribute('data-act');
      if (what === 'undo') undo(flag);
      else decide(flag, what === 'confirm' ? 'confirmed' : 'dismissed');
    });
    part(flag, '[data-field="reason_code"]').addEventListener('change', (e) => {
      if (e.target.value) decide(flag, 'dismissed');
    });
    flag.addEventListener('focusin', () => {
      for (const f of flags) f.classList.toggle('current', f === flag);
      current = flags.indexOf(flag);
    });
    show(flag);
  }

  // Enter in the initials box goes on to the flags, where the keys work.
  reviewerBox.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    step(1);
  });

  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    const t = e.target;
    if (t && t.closest && t.closest('input, select, textarea, [contenteditable]')) return;
    const key = e.key;
    if (key === 'j' || key === 'ArrowDown') step(1);
    else if (key === 'k' || key === 'ArrowUp') step(-1);
    else if ((key === 'c' || key === 'd' || key === 'u') && flags[current]) {
      const flag = flags[current];
      if (key === 'u') undo(flag);
      else decide(flag, key === 'c' ? 'confirmed' : 'dismissed');
    } else return;
    e.preventDefault();
  });

  panel.hidden = false;
  counts();
  refilter();
}
`;
