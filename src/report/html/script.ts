// The report's only script, inlined into the page: two-way links between records and the source
// text, and the severity filter of the diagnostics. Without it every link still works as a plain
// in-page anchor.
export const script = `
(function () {
  'use strict';
  var reduce = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  var behavior = reduce ? 'auto' : 'smooth';

  function activate(els) {
    document.querySelectorAll('.is-active').forEach(function (e) { e.classList.remove('is-active', 'flash'); });
    els.forEach(function (e) {
      e.classList.add('is-active');
      if (!reduce) { void e.getBoundingClientRect(); e.classList.add('flash'); }
    });
  }

  function openDetails(el) {
    for (var d = el.closest('details'); d; d = d.parentElement && d.parentElement.closest('details')) d.open = true;
  }

  /* scrolls the source pane (its own scroll box) so that el stands near its middle */
  function revealInSource(el) {
    openDetails(el);
    var pane = el.closest('.source-pane');
    var scrolls = pane && getComputedStyle(pane).overflowY !== 'visible' && pane.scrollHeight > pane.clientHeight;
    if (!scrolls) { el.scrollIntoView({ block: 'center', behavior: behavior }); return; }
    var box = pane.getBoundingClientRect();
    if (box.bottom < 0 || box.top > window.innerHeight) pane.scrollIntoView({ block: 'start' });
    box = pane.getBoundingClientRect();
    var r = el.getBoundingClientRect();
    var top = pane.scrollTop + r.top - box.top - Math.max(48, (pane.clientHeight - r.height) / 2);
    pane.scrollTo({ top: Math.max(0, top), behavior: behavior });
  }

  function revealRecord(rec) {
    openDetails(rec);
    rec.scrollIntoView({ block: 'center', behavior: behavior });
    var focusable = rec.querySelector('a[href], button');
    if (focusable) focusable.focus({ preventScroll: true });
  }

  document.addEventListener('click', function (ev) {
    var t = ev.target;
    if (!(t instanceof Element)) return;
    var go = t.closest('[data-go]');
    if (go) {
      var id = go.getAttribute('data-go');
      var el = document.getElementById(id);
      if (!el) return;
      ev.preventDefault();
      revealInSource(el);
      var targets = Array.prototype.slice.call(document.querySelectorAll('[data-src="' + id + '"]'));
      var row = go.closest('tr, li');
      if (row) targets.push(row);
      activate(targets);
      return;
    }
    /* highlighted text leads to its record (task, indicator …); a diagnostic outside any record to its entry */
    var hl = t.closest('.source a.hl') || t.closest('.source [data-ref]');
    if (hl) {
      var rec = document.getElementById(hl.getAttribute('data-ref'));
      if (!rec) return;
      ev.preventDefault();
      revealRecord(rec);
      activate([rec]);
      return;
    }
    var sev = t.closest('button[data-sev]');
    if (sev) {
      var on = sev.getAttribute('aria-pressed') !== 'true';
      sev.setAttribute('aria-pressed', on ? 'true' : 'false');
      var section = sev.closest('.plan');
      if (section) section.classList.toggle('hide-' + sev.getAttribute('data-sev'), !on);
    }
  });
})();
`;
