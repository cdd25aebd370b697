/**
 * The one inline script of the HTML report, allowed by its hash in the Content-Security-Policy.
 * It carries no report data: it reads the filter checkboxes and the data-* attributes of the
 * flags, sets `hidden`, and writes counts with textContent (never innerHTML). Without it the
 * report is complete, with every flag shown and the filter panel left hidden.
 *
 * A flag is shown when, for every checkbox group (name="category", "severity", …), its
 * data-<group> value is among the checked values of that group.
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
})();
`;
