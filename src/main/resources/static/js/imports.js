// The import page shows a refused upload (413: over the size limit) in its progress panel: htmx swaps only 2xx
// answers unless told otherwise.
document.addEventListener('htmx:beforeSwap', function (event) {
  var target = event.detail.target;
  if (event.detail.xhr.status === 413 && target && target.id === 'import-progress') {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});
