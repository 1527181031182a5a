// The report's only script, inlined into the page: opening a plan (its section is kept as text in
// a data block and put into the page when the address names it: #p12, or #p12-t3 for a record
// in it; one plan at a time, so the page stays as small as the overview), the overview's filter,
// two-way links between records and the source text, and the severity filter of the diagnostics.
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

  var overview = document.getElementById('index');
  var view = document.getElementById('plan-view');
  var baseTitle = document.title;
  var current = null;

  /* the plan an address names: #p12 or #p12-…, when the report holds it */
  function planOf(hash) {
    var m = /^#(p\\d+)(?:-|$)/.exec(hash);
    return m && document.getElementById(m[1] + '-data') ? m[1] : null;
  }

  /* shows what the address names: a plan (opened from its data block), a record in it, or the overview */
  function route() {
    var hash = decodeURIComponent(location.hash);
    var id = planOf(hash);
    if (!id) {
      var target = hash.length > 1 ? document.getElementById(hash.slice(1)) : null;
      /* a place outside the overview (the skip link's #main) leaves the open plan open */
      if (current && target && !overview.contains(target)) { target.scrollIntoView(); return; }
      var was = current;
      if (current) { view.innerHTML = ''; current = null; document.title = baseTitle; }
      view.hidden = true;
      overview.hidden = false;
      var row = was && overview.querySelector('a[href="#' + was + '"]');
      if (target && target !== overview) target.scrollIntoView();
      else if (row) { row.scrollIntoView({ block: 'center' }); row.focus({ preventScroll: true }); }
      return;
    }
    if (current !== id) {
      view.innerHTML = document.getElementById(id + '-data').textContent;
      current = id;
      var h = document.getElementById(id + '-h');
      if (h) document.title = h.textContent + ' · ' + baseTitle;
    }
    overview.hidden = true;
    view.hidden = false;
    var el = document.getElementById(hash.slice(1));
    if (el && el.id !== id) { openDetails(el); el.scrollIntoView({ block: 'start' }); }
    else {
      window.scrollTo(0, 0);
      var heading = document.getElementById(id + '-h');
      if (heading) heading.focus({ preventScroll: true });
    }
  }
  window.addEventListener('hashchange', route);
  route();

  var filter = document.getElementById('filter');
  var filterCount = document.getElementById('filter-count');
  if (filter) filter.addEventListener('input', function () {
    var q = filter.value.trim().toLowerCase();
    var rows = overview.querySelectorAll('.index tbody tr');
    var n = 0;
    for (var i = 0; i < rows.length; i++) {
      var hit = !q || rows[i].textContent.toLowerCase().indexOf(q) >= 0;
      rows[i].hidden = !hit;
      if (hit) n++;
    }
    filterCount.textContent = q ? n + ' / ' + rows.length + ' 个规划' : '';
  });

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
