// Sends the CSRF token with every htmx request (forms carry it as a hidden field already).
document.addEventListener('htmx:configRequest', function (e) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) { e.detail.headers[header.content] = token.content; }
});
// Asks before a button marked data-confirm submits its form.
document.addEventListener('submit', function (e) {
  var b = e.submitter;
  if (b && b.dataset.confirm && !window.confirm(b.dataset.confirm)) { e.preventDefault(); }
});
// The user form shows only the picker the chosen role needs (without script, all of them show).
function showRolePickers() {
  var role = document.querySelector('select[data-role-picker]');
  if (!role) { return; }
  document.querySelectorAll('[data-for-role]').forEach(function (box) {
    box.hidden = box.dataset.forRole !== role.value;
  });
}
document.addEventListener('change', function (e) {
  if (e.target.matches && e.target.matches('select[data-role-picker]')) { showRolePickers(); }
});
document.addEventListener('DOMContentLoaded', showRolePickers);
// The main menu folds behind a "menu" button on a phone (see app.css); without script it stays open.
(function () {
  var nav = document.getElementById('mainnav');
  var button = nav && nav.querySelector('.menu-toggle');
  if (!button) { return; }
  nav.classList.add('js-menu');
  button.hidden = false;
  button.addEventListener('click', function () {
    var open = nav.classList.toggle('open');
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
  });
})();
// Labels every cell of a list table with its column's name, so that a phone shows each row as a card.
// A table of figures (class no-stack: months or categories by figures) stays a grid that scrolls sideways.
function stackTables(root) {
  root.querySelectorAll('.table-wrap table').forEach(function (table) {
    var heads = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) { return th.textContent.trim(); });
    if (!heads.length || table.classList.contains('stack-sm') || table.classList.contains('no-stack')) { return; }
    // display: block would drop the table's meaning for screen readers; the roles keep it
    table.setAttribute('role', 'table');
    table.querySelectorAll('thead, tbody').forEach(function (g) { g.setAttribute('role', 'rowgroup'); });
    table.querySelectorAll('tr').forEach(function (tr) {
      tr.setAttribute('role', 'row');
      Array.prototype.forEach.call(tr.children, function (cell, i) {
        if (cell.tagName === 'TH') { cell.setAttribute('role', 'columnheader'); return; }
        cell.setAttribute('role', 'cell');
        if (heads[i] && !cell.hasAttribute('data-label')) { cell.setAttribute('data-label', heads[i]); }
      });
    });
    table.classList.add('stack-sm');
    if (table.parentElement.classList.contains('table-wrap')) { table.parentElement.classList.add('stacked'); }
  });
}
stackTables(document);
document.addEventListener('htmx:afterSettle', function (e) { stackTables(e.target.parentElement || document); });
// The language and text-size links carry what was typed in the page's forms to the page they lead to,
// also when that page is the form a failed post came from.
var KEEP_INPUT = 'dl-keep-input';
function switchless(href) {
  var u = new URL(href, location.href);
  var params = new URLSearchParams(u.search);
  params.delete('lang');
  params.delete('text');
  var q = params.toString();
  return u.pathname + (q ? '?' + q : '');
}
function keptFields(el) {
  return el.name && el.name !== '_csrf' && ['hidden', 'password', 'file', 'submit', 'button', 'reset'].indexOf(el.type) < 0;
}
document.addEventListener('click', function (e) {
  var link = e.target.closest && e.target.closest('a[data-keep-input]');
  if (!link) { return; }
  var forms = [];
  document.querySelectorAll('main form').forEach(function (form) {
    var fields = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!keptFields(el)) { return; }
      var values = fields[el.name] || (fields[el.name] = []);
      if (el.type === 'checkbox' || el.type === 'radio') { if (el.checked) { values.push(el.value); } }
      else if (el.tagName === 'SELECT' && el.multiple) {
        Array.prototype.forEach.call(el.selectedOptions, function (o) { values.push(o.value); });
      }
      else { values.push(el.value); }
    });
    forms.push(fields);
  });
  try { sessionStorage.setItem(KEEP_INPUT, JSON.stringify({ path: switchless(link.href), forms: forms })); } catch (ex) { /* private mode */ }
});
(function () {
  var saved;
  try {
    saved = JSON.parse(sessionStorage.getItem(KEEP_INPUT) || 'null');
    sessionStorage.removeItem(KEEP_INPUT);
  } catch (ex) { return; }
  if (!saved || saved.path !== switchless(location.href)) { return; }
  document.querySelectorAll('main form').forEach(function (form, i) {
    var fields = saved.forms[i];
    if (!fields) { return; }
    var used = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      var values = fields[el.name];
      if (!values || !keptFields(el)) { return; }
      if (el.type === 'checkbox' || el.type === 'radio') { el.checked = values.indexOf(el.value) >= 0; }
      else if (el.tagName === 'SELECT' && el.multiple) {
        Array.prototype.forEach.call(el.options, function (o) { o.selected = values.indexOf(o.value) >= 0; });
      }
      else {
        var n = used[el.name] || 0;
        if (n < values.length) { el.value = values[n]; }
        used[el.name] = n + 1;
      }
    });
  });
  showRolePickers();
})();
// A "select all" box ticks every checkbox of its name (the activity review queue).
document.addEventListener('change', function (e) {
  var all = e.target;
  if (!all.matches || !all.matches('input[data-select-all]')) { return; }
  document.querySelectorAll('input[type=checkbox][name="' + all.dataset.selectAll + '"]').forEach(function (box) {
    box.checked = all.checked;
  });
});

// A button marked data-copy="<input id>" copies that input's text (the duty feed link).
document.addEventListener('click', function (e) {
  var button = e.target.closest && e.target.closest('button[data-copy]');
  if (!button) { return; }
  var input = document.getElementById(button.getAttribute('data-copy'));
  if (!input) { return; }
  input.select();
  var done = function () { if (button.dataset.copied) { button.textContent = button.dataset.copied; } };
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(input.value).then(done, function () { document.execCommand('copy'); done(); });
  } else { document.execCommand('copy'); done(); }
});
