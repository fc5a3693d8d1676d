// Drag an opportunity card onto another stage column; the server moves it and answers the redrawn board.
(function () {
  var dragged = null;
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
    var owner = column.parentElement.getAttribute('data-owner');
    var values = { stage: column.getAttribute('data-stage') };
    if (owner) values.ownerStaffId = owner;
    htmx.ajax('POST', column.getAttribute('data-url') + id + '/stage', { target: '#board', swap: 'outerHTML', values: values });
  });
})();
