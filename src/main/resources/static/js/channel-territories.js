// The territory picker of a channel's terms: typing narrows the list of territories to those whose path or code
// holds every word typed (the ticked ones stay ticked while hidden).
(function () {
  var search = document.getElementById('territory-search');
  if (!search) {
    return;
  }
  search.addEventListener('input', function () {
    var words = search.value.toLowerCase().trim().split(/\s+/);
    document.querySelectorAll('#territory-options [data-search]').forEach(function (row) {
      var text = row.getAttribute('data-search');
      row.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
    });
  });
})();
