// The checkout page's scripts, served by this app under /c/assets/ (CSP script-src 'self'): each
// enhances a form that works without it. Plain ES2017 for any current browser, no build step.

/**
 * The 3-D Secure step: Stripe.js runs the bank's challenge for the payment's client secret
 * (stripe.handleNextAction, https://docs.stripe.com/js/payment_intents/handle_next_action;
 * localstripe's Stripe.js has only confirmCardPayment, which does the same for a confirmed
 * PaymentIntent), then the form posts back whatever happened: the saga reads the payment itself.
 */
export const AUTHENTICATE_SCRIPT = `(function () {
  var form = document.getElementById('authenticate');
  if (!form || !form.dataset.secret || typeof Stripe !== 'function') return;
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var button = form.querySelector('button');
    if (button) button.disabled = true;
    var stripe = Stripe(form.dataset.key);
    var secret = form.dataset.secret;
    var step = stripe.handleNextAction
      ? stripe.handleNextAction({ clientSecret: secret })
      : stripe.confirmCardPayment(secret);
    Promise.resolve(step).catch(function () {}).then(function () { form.submit(); });
  });
})();
`;

/**
 * Address autocomplete on the new-address street field (the WAI-ARIA combobox pattern with a
 * listbox popup): suggestions from the page's own /c/<token>/addresses as the shopper types; arrow
 * keys move, Enter or a click picks, Escape closes. A pick fills the other fields, or, for a saved
 * address, selects it. Without this script the fields are typed by hand.
 */
export const ADDRESS_AUTOCOMPLETE_SCRIPT = `(function () {
  var input = document.getElementById('address-line1');
  var list = document.getElementById('address-suggestions');
  if (!input || !list || !window.fetch) return;
  var form = input.form;
  var field = function (name) { return form.elements.namedItem(name); };
  var suggestions = [];
  var active = -1;
  var timer;
  var asked = 0;
  function chooseNew() {
    var radio = form.querySelector('input[name=addressId][value=new]');
    if (radio) radio.checked = true;
  }
  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }
  function highlight(i) {
    active = i;
    Array.prototype.forEach.call(list.children, function (li, j) { li.setAttribute('aria-selected', String(j === i)); });
    if (i >= 0) input.setAttribute('aria-activedescendant', 'address-option-' + i);
  }
  function pick(i) {
    var s = suggestions[i];
    if (!s) return;
    close();
    if (s.addressId) {
      var saved = form.querySelector('input[name=addressId][value="' + s.addressId.replace(/"/g, '') + '"]');
      if (saved) { saved.checked = true; saved.focus(); return; }
    }
    chooseNew();
    ['line1', 'city', 'region', 'postalCode', 'country'].forEach(function (name) {
      var value = s.fields[name];
      if (value !== undefined && field(name)) field(name).value = value;
    });
    if (!s.fields.line1) input.value = '';
    input.focus();
  }
  function show(items) {
    suggestions = items;
    list.textContent = '';
    items.forEach(function (s, i) {
      var li = document.createElement('li');
      li.id = 'address-option-' + i;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.textContent = (s.source === 'saved' ? 'Saved: ' : '') + s.label;
      li.addEventListener('mousedown', function (event) { event.preventDefault(); pick(i); });
      list.appendChild(li);
    });
    list.hidden = items.length === 0;
    input.setAttribute('aria-expanded', String(items.length > 0));
    active = -1;
  }
  function ask() {
    var q = input.value.trim();
    if (q.length < 3) { close(); return; }
    var country = (field('country').value || '').trim().toUpperCase();
    var url = input.dataset.suggest + '?q=' + encodeURIComponent(q) + '&country=' + encodeURIComponent(country) +
      '&session=' + encodeURIComponent(field('session').value);
    var mine = ++asked;
    fetch(url, { headers: { Accept: 'application/json' } })
      .then(function (res) { return res.ok ? res.json() : []; })
      .then(function (items) { if (mine === asked) show(Array.isArray(items) ? items : []); })
      .catch(function () { close(); });
  }
  input.addEventListener('input', function () {
    chooseNew();
    clearTimeout(timer);
    timer = setTimeout(ask, 200);
  });
  input.addEventListener('keydown', function (event) {
    if (list.hidden) return;
    if (event.key === 'ArrowDown') { event.preventDefault(); highlight(Math.min(active + 1, suggestions.length - 1)); }
    else if (event.key === 'ArrowUp') { event.preventDefault(); highlight(Math.max(active - 1, 0)); }
    else if (event.key === 'Enter' && active >= 0) { event.preventDefault(); pick(active); }
    else if (event.key === 'Escape') { close(); }
  });
  input.addEventListener('blur', function () { setTimeout(close, 100); });
  Array.prototype.forEach.call(form.querySelectorAll('.new-address input'), function (el) {
    el.addEventListener('focus', chooseNew);
  });
})();
`;

export const CHECKOUT_PAGE_SCRIPTS: ReadonlyMap<string, string> = new Map([
  ['authenticate.js', AUTHENTICATE_SCRIPT],
  ['address-autocomplete.js', ADDRESS_AUTOCOMPLETE_SCRIPT],
]);
