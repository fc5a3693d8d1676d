// The pipeline board and the opportunity page. A card is moved by dragging it onto another column, or from the keyboard with its "move to"
// link, which opens the page's one move dialog (a select, a reason and a button; without JavaScript the link opens the
// opportunity's page and its stage form); either way the server moves it and answers the redrawn board plus a status
// line that screen readers announce. A card dropped on a lost column opens the dialog instead, because losing needs a
// reason.
(function () {
  var dragged = null;
  var stageOptions = null;

  function post(id, values) {
    var board = document.querySelector('#board [data-owner]');
    var owner = board && board.getAttribute('data-owner');
    if (owner) values.ownerStaffId = owner;
    var form = document.getElementById('move-form');
    if (!form) return;
    htmx.ajax('POST', form.getAttribute('data-url') + id + '/stage', { target: '#board', swap: 'outerHTML', values: values });
  }

  function requireReasonFor(select) {
    var option = select.options[select.selectedIndex];
    document.getElementById('board-move-reason').required = !!option && option.getAttribute('data-outcome') === 'LOST';
  }

  // Opens the dialog for one card: every stage but the card's own, the given one chosen (or the first).
  function openMove(id, stage) {
    var dialog = document.getElementById('move-dialog');
    var card = document.querySelector(".pipeline-card[data-id='" + id + "']");
    if (!dialog || !card) return;
    var form = document.getElementById('move-form');
    var select = document.getElementById('board-move-stage');
    if (!stageOptions) stageOptions = Array.prototype.slice.call(select.options);
    var current = card.closest('.pipeline-column').getAttribute('data-stage');
    select.replaceChildren.apply(select, stageOptions.filter(function (o) { return o.value !== current; }));
    select.selectedIndex = 0;
    if (stage) select.value = stage;
    var reason = document.getElementById('board-move-reason');
    reason.value = '';
    requireReasonFor(select);
    form.setAttribute('data-id', id);
    var title = card.querySelector('#card-' + id);
    document.getElementById('move-dialog-title').textContent =
        form.getAttribute('data-title').replace('{0}', title ? title.textContent : '');
    dialog.showModal();
    (stage ? reason : select).focus();
  }

  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('.pipeline-move-open');
    if (link && document.getElementById('move-dialog')) {
      event.preventDefault();
      openMove(link.closest('.pipeline-card').getAttribute('data-id'), null);
    }
    if (event.target.id === 'board-move-cancel') document.getElementById('move-dialog').close();
  });

  document.addEventListener('submit', function (event) {
    if (event.target.id !== 'move-form') return;
    event.preventDefault();
    var form = event.target;
    var values = { stage: document.getElementById('board-move-stage').value };
    var reason = document.getElementById('board-move-reason').value;
    if (reason) values.lossReason = reason;
    document.getElementById('move-dialog').close();
    post(form.getAttribute('data-id'), values);
  });

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
      openMove(id, stage);
      return;
    }
    post(id, { stage: stage });
  });

  // The reason is required only when the chosen stage is a lost one.
  document.addEventListener('change', function (event) {
    if (event.target.id === 'board-move-stage') requireReasonFor(event.target);
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
