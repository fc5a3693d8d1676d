// The search results page: arrow keys move between the search box and the results' links (Tab works as well).
document.addEventListener('keydown', function (event) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') {
    return;
  }
  var box = document.getElementById('search-q');
  var links = Array.prototype.slice.call(document.querySelectorAll('#results a'));
  var stops = box ? [box].concat(links) : links;
  var at = stops.indexOf(document.activeElement);
  if (at < 0 || stops.length < 2) {
    return;
  }
  var next = event.key === 'ArrowDown' ? Math.min(at + 1, stops.length - 1) : Math.max(at - 1, 0);
  if (next !== at) {
    event.preventDefault();
    stops[next].focus();
  }
});
