// The home page's panels load one by one (hx-trigger="load"). A panel that fails shows its own error in its card:
// the error fragment that ErrorResponses would send to the page's message area stays in the panel, and a panel whose
// request never answers (network, timeout) says so, so no panel keeps spinning and none holds up the others.
(function () {
  function isPanel(el) {
    return el && el.classList && el.classList.contains('home-panel-body');
  }
  document.addEventListener('htmx:beforeSwap', function (event) {
    var body = event.target;
    if (!isPanel(body) || event.detail.xhr.status < 400) return;
    event.detail.target = body;
    event.detail.swapOverride = 'innerHTML';
    event.detail.shouldSwap = true;
    event.detail.isError = false;
    body.removeAttribute('aria-busy');
  });
  function unanswered(event) {
    var body = event.target;
    if (!isPanel(body)) return;
    var message = document.createElement('p');
    message.className = 'text-danger small mb-0';
    message.setAttribute('role', 'alert');
    message.textContent = body.getAttribute('data-error');
    body.replaceChildren(message);
    body.removeAttribute('aria-busy');
  }
  document.addEventListener('htmx:sendError', unanswered);
  document.addEventListener('htmx:timeout', unanswered);
})();
