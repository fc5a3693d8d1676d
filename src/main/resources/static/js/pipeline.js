// The pipeline board and the opportunity page. A card is moved by dragging it onto another column, or from the keyboard with its "move to"
// form (a native details/summary, a select and a button); either way the server moves it and answers the redrawn
// board plus a status line that screen readers announce. A card dropped on a lost column opens that form instead,
// because losing needs a reason.
(function () {
  var dragged = null;

  function moveForm(id) {
    var card = document.querySelector(".pipeline-card[data-id='" + id + "']");
    return card && card.querySelector('.pipeline-move');
  }

  document.addEventListener('dragstart', function (event) {
    var card = event.target.closest && event.target.closest('.pipeline-card');
    if (!card) return;
    dragged = card.getAttribute('data-id');
    event.dataTransfer.setData('text/plain', dragged);
    event.dataTransfer.effectAllowed = 'move';
  });
  document.addEventListener('dragover', function (event) {
    if (event.target.closest && event.target.closest('.pipeline-column')) event.preventDefault();
  });
  document.addEventListener('drop', function (event) {
    var column = event.target.closest && event.target.closest('.pipeline-column');
    if (!column) return;
    event.preventDefault();
    var id = event.dataTransfer.getData('text/plain') || dragged;
    if (!id) return;
    var stage = column.getAttribute('data-stage');
    if (column.getAttribute('data-outcome') === 'LOST') {
      var details = moveForm(id);
      if (!details) return;
      details.open = true;
      details.querySelector('.pipeline-move-stage').value = stage;
      var reason = details.querySelector('.pipeline-move-reason');
      reason.required = true;
      reason.focus();
      return;
    }
    var owner = column.parentElement.getAttribute('data-owner');
    var values = { stage: stage };
    if (owner) values.ownerStaffId = owner;
    htmx.ajax('POST', column.getAttribute('data-url') + id + '/stage', { target: '#board', swap: 'outerHTML', values: values });
  });

  // The reason is required only when the chosen stage is a lost one.
  document.addEventListener('change', function (event) {
    if (!event.target.classList || !event.target.classList.contains('pipeline-move-stage')) return;
    var option = event.target.options[event.target.selectedIndex];
    var reason = event.target.form.querySelector('.pipeline-move-reason');
    reason.required = option && option.getAttribute('data-outcome') === 'LOST';
  });

  // A refused move (a lost stage without its reason, a closed deal) answers a problem fragment retargeted to the
  // page's message area; htmx does not swap 4xx answers unless told to.
  document.addEventListener('htmx:beforeSwap', function (event) {
    var xhr = event.detail.xhr;
    if (xhr.status >= 400 && xhr.status < 500 && xhr.getResponseHeader('HX-Retarget') === '#problem') {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // After a move the redrawn board would leave the focus nowhere: put it on the moved card.
  document.addEventListener('htmx:afterSettle', function () {
    var status = document.getElementById('board-status');
    var moved = status && status.getAttribute('data-moved');
    if (!moved) return;
    status.removeAttribute('data-moved');
    var card = document.querySelector(".pipeline-card[data-id='" + moved + "']");
    if (card) card.focus();
  });
})();
