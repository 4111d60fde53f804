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
