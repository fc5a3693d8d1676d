// Small page behaviours that CSP forbids inline: expand/collapse all nodes of the org chart,
// and submit a filter form when one of its selects changes.
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-tree-toggle]');
  if (!button) return;
  var open = button.getAttribute('data-tree-toggle') === 'open';
  document.querySelectorAll('.org-tree details').forEach(function (d) { d.open = open; });
});
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) event.detail.headers[header.content] = token.content;
});
