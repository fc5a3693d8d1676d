// Small page behaviours that CSP forbids inline: expand/collapse all nodes of the org chart,
// and submit a filter form when one of its selects changes.
function showUnitsBelow(toggle, open) {
  toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
  var list = document.getElementById(toggle.getAttribute('aria-controls'));
  if (list) list.hidden = !open;
}
document.addEventListener('click', function (event) {
  var one = event.target.closest('.org-toggle');
  if (one) {
    showUnitsBelow(one, one.getAttribute('aria-expanded') !== 'true');
    return;
  }
  var button = event.target.closest('[data-tree-toggle]');
  if (!button) return;
  var open = button.getAttribute('data-tree-toggle') === 'open';
  document.querySelectorAll('.org-tree .org-toggle').forEach(function (t) { showUnitsBelow(t, open); });
});
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) event.detail.headers[header.content] = token.content;
});

// An answer with an error status still carries something to show (the plan grid with the refused cell marked, or an
// error fragment that ErrorResponses retargets to the page's message area): swap it instead of dropping it silently.
document.addEventListener('htmx:beforeSwap', function (event) {
  var status = event.detail.xhr.status;
  if (status >= 400 && status < 600 && event.detail.xhr.responseText) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});

// The plan grid is redrawn after each edit; keep the keyboard where the person was going. Tab or a click already moved
// the focus to another cell: focus that cell again in the new grid. Enter kept it in the edited cell: go to the next
// cell of the row. A refused value: back to that cell, which now describes the error.
(function () {
  var pending = null;
  document.addEventListener('htmx:beforeRequest', function (event) {
    var cell = event.detail.elt;
    if (!cell.classList || !cell.classList.contains('plan-cell')) return;
    var active = document.activeElement;
    var cells = Array.prototype.slice.call(document.querySelectorAll('#plan-grid input.plan-cell'));
    var target = active && active.classList.contains('plan-cell') && active !== cell ? active
      : cells[cells.indexOf(cell) + 1] || cell;
    pending = { edited: cell.id, next: target.id };
  });
  document.addEventListener('htmx:afterSettle', function (event) {
    if (!pending || !document.getElementById('plan-grid')) return;
    var invalid = document.querySelector('#plan-grid input[aria-invalid="true"]');
    var focus = invalid || document.getElementById(pending.next) || document.getElementById(pending.edited);
    pending = null;
    if (focus) {
      focus.focus();
      if (focus.select) focus.select();
    }
  });
})();
