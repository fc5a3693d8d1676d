// The customer picker (templates/fragments/customer-picker.html): the combobox asks the server for a few matching
// accounts as the user types; arrow keys move through them, Enter or a click chooses one (its id goes in the hidden
// field), Escape closes the list. Text typed but not chosen leaves the field invalid, so the form is not sent with
// a stale or missing account.
(function () {
  if (window.rumboCustomerPicker) return;
  window.rumboCustomerPicker = true;

  function pickerOf(element) { return element && element.closest('[data-customer-picker]'); }
  function input(picker) { return picker.querySelector('[role="combobox"]'); }
  function list(picker) { return picker.querySelector('[role="listbox"]'); }
  function options(picker) { return Array.prototype.slice.call(list(picker).querySelectorAll('[role="option"]')); }

  function close(picker) {
    list(picker).innerHTML = '';
    input(picker).setAttribute('aria-expanded', 'false');
    input(picker).removeAttribute('aria-activedescendant');
  }

  function activate(picker, index) {
    var all = options(picker);
    all.forEach(function (o, i) {
      o.classList.toggle('active', i === index);
      o.setAttribute('aria-selected', i === index ? 'true' : 'false');
    });
    if (all[index]) {
      input(picker).setAttribute('aria-activedescendant', all[index].id);
      all[index].scrollIntoView({ block: 'nearest' });
    }
  }

  function choose(picker, option) {
    picker.querySelector('[data-picker-value]').value = option.getAttribute('data-id');
    input(picker).value = option.textContent.trim();
    input(picker).setCustomValidity('');
    input(picker).classList.remove('is-invalid');
    close(picker);
  }

  document.addEventListener('htmx:configRequest', function (event) {
    var picker = pickerOf(event.detail.elt);
    if (!picker) return;
    event.detail.parameters.picker = input(picker).id;
    var owner = picker.getAttribute('data-picker-owner');
    if (owner) event.detail.parameters.ownerStaffId = owner;
  });

  document.addEventListener('htmx:afterSwap', function (event) {
    var picker = pickerOf(event.detail.target);
    if (!picker || event.detail.target !== list(picker)) return;
    if (document.activeElement !== input(picker)) { close(picker); return; }
    input(picker).setAttribute('aria-expanded', list(picker).children.length > 0 ? 'true' : 'false');
    input(picker).removeAttribute('aria-activedescendant');
  });

  document.addEventListener('input', function (event) {
    var picker = pickerOf(event.target);
    if (!picker || event.target !== input(picker)) return;
    // What the user types is a search until they choose an account.
    picker.querySelector('[data-picker-value]').value = '';
    input(picker).setCustomValidity(input(picker).value.trim() ? picker.getAttribute('data-picker-unchosen') : '');
  });

  document.addEventListener('keydown', function (event) {
    var picker = pickerOf(event.target);
    if (!picker || event.target !== input(picker)) return;
    var all = options(picker);
    var current = all.findIndex(function (o) { return o.classList.contains('active'); });
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!all.length) return;
      event.preventDefault();
      var next = event.key === 'ArrowDown' ? Math.min(all.length - 1, current + 1) : Math.max(0, current - 1);
      activate(picker, next);
    }
    else if (event.key === 'Enter' && current >= 0) {
      event.preventDefault();
      choose(picker, all[current]);
    }
    else if (event.key === 'Escape' && all.length) {
      event.preventDefault();
      close(picker);
    }
  });

  // mousedown, not click: it comes before the input loses focus.
  document.addEventListener('mousedown', function (event) {
    var option = event.target.closest('[data-customer-picker] [role="option"]');
    if (!option) return;
    event.preventDefault();
    choose(pickerOf(option), option);
  });

  document.addEventListener('focusout', function (event) {
    var picker = pickerOf(event.target);
    if (!picker || event.target !== input(picker)) return;
    setTimeout(function () { if (document.activeElement !== input(picker)) close(picker); }, 150);
  });

  // A picker that arrives with a chosen account (a form shown again) is valid; one with text but no id is not.
  function check(root) {
    (root || document).querySelectorAll('[data-customer-picker]').forEach(function (picker) {
      var chosen = picker.querySelector('[data-picker-value]').value;
      input(picker).setCustomValidity(!chosen && input(picker).value.trim() ? picker.getAttribute('data-picker-unchosen') : '');
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', function () { check(); });
  else check();
  document.addEventListener('htmx:load', function (event) { check(event.detail.elt); });
})();
