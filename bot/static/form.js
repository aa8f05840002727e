// The onboarding form (bot/channels/forms.py): the web chat's form mode (the chat's own
// session) or the Telegram Mini App (its signed initData on every request).
(function () {
  'use strict';
  var root = document.documentElement;
  var mode = root.getAttribute('data-mode');
  var params = new URLSearchParams(location.search);
  var scope = params.get('scope') || 'all';
  var product = params.get('product') || '';
  var base, headers = {}, initData = '';
  var state = null;

  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  if (mode === 'telegram') {
    var tg = window.Telegram && window.Telegram.WebApp;
    initData = (tg && tg.initData) ||
      new URLSearchParams(location.hash.slice(1)).get('tgWebAppData') || '';
    base = '/api/telegram/form';
    headers['X-Telegram-Init-Data'] = initData;
  } else {
    var sid = null;
    try { sid = window.localStorage.getItem('tijara.chat.session'); } catch (e) { /* none */ }
    if (!sid) { location.replace('/chat'); return; }
    base = '/api/chat/sessions/' + encodeURIComponent(sid) + '/form';
  }

  function closeApp() {  // Telegram's own event, without loading its script
    var proxy = window.TelegramWebviewProxy;
    if (proxy && proxy.postEvent) proxy.postEvent('web_app_close', '');
    else if (window.parent !== window) {
      window.parent.postMessage(JSON.stringify({eventType: 'web_app_close', eventData: ''}),
                                'https://web.telegram.org');
    }
  }

  async function call(method, url, body) {
    var opts = {method: method, headers: Object.assign({}, headers), credentials: 'same-origin'};
    if (body instanceof FormData) opts.body = body;
    else if (body !== undefined) {
      opts.headers['Content-Type'] = 'application/json';
      opts.body = JSON.stringify(body);
    }
    var r = await fetch(url, opts);
    var data = null;
    try { data = await r.json(); } catch (e) { data = null; }
    return {status: r.status, data: data};
  }

  function say(text) { $('status').textContent = text || ''; }

  async function load() {
    var q = '?scope=' + encodeURIComponent(scope) + (product !== '' ? '&product=' + encodeURIComponent(product) : '');
    var r = await call('GET', base + q);
    if (r.status === 403) { say(state ? state.ui.refused : 'Tijara'); return; }
    if (r.status === 404 && mode === 'web') { location.replace('/chat'); return; }
    if (r.status !== 200 || !r.data) { say('…'); return; }
    render(r.data);
  }

  function render(data) {
    state = data;
    var ui = data.ui;
    root.lang = data.locale.split('-')[0];
    root.dir = data.dir;
    $('title').textContent = data.scope === 'product' ? ui.product : ui.title;
    document.title = $('title').textContent;
    $('save').textContent = ui.save;
    var back = $('back');
    back.textContent = ui.back;
    back.hidden = mode !== 'web';
    if (!data.available) { say(ui.error); $('form').hidden = true; return; }
    var box = $('fields');
    box.textContent = '';
    if (data.scope !== 'business' && data.products_ui.length > 1) {
      // Each product has its own form, and a new one: one link each (unsaved edits stay here).
      var nav = el('nav', 'products');
      data.products_ui.forEach(function (label, i) {
        var a = el('a', i === data.product ? 'current' : '', label);
        a.href = '?scope=' + encodeURIComponent(data.scope) + '&product=' + i + location.hash;
        if (i === data.product) a.setAttribute('aria-current', 'page');
        nav.appendChild(a);
      });
      box.appendChild(nav);
    }
    data.fields.forEach(function (f) {
      if (f.name === 'business_name') box.appendChild(el('h2', '', ui.business));
      if (f.name === 'product_name' && data.scope === 'all') box.appendChild(el('h2', '', ui.product));
      box.appendChild(field(f, ui));
    });
    $('form').hidden = false;
    showErrors(data.errors || {});
  }

  function field(f, ui) {
    var wrap = el('div', 'field');
    wrap.id = 'f-' + f.name;
    var id = 'in-' + f.name;
    var label = el('label', '', f.label);
    label.htmlFor = id;
    if (f.optional) { label.appendChild(document.createTextNode(' ')); label.appendChild(el('span', 'optional', '(' + ui.optional + ')')); }
    wrap.appendChild(label);
    var help = el('p', 'help', f.help);
    help.id = 'help-' + f.name;
    wrap.appendChild(help);
    var input;
    if (f.kind === 'photo') {
      var row = el('div', 'photo-row');
      input = el('input', 'vh');
      input.type = 'file';
      input.accept = 'image/*';  // one at a time: Android drops `multiple`
      input.id = id;
      var add = el('label', 'photo-add', ui.add_photo);
      add.htmlFor = id;
      var count = el('span', 'photo-count', String(f.value || 0));
      count.id = 'count-' + f.name;
      count.setAttribute('aria-live', 'polite');
      row.appendChild(input); row.appendChild(add); row.appendChild(count);
      input.addEventListener('change', function () { upload(input, count); });
      wrap.appendChild(row);
    } else if (f.kind === 'choice') {
      input = el('select');
      input.appendChild(new Option(ui.choose, ''));
      f.choices.forEach(function (c) {
        var o = new Option(c.label, c.value);
        if (c.value === f.value) o.selected = true;
        input.appendChild(o);
      });
      wrap.appendChild(input);
    } else {
      input = el(f.multiline ? 'textarea' : 'input');
      if (!f.multiline) input.type = 'text';
      input.dir = 'auto';
      input.value = f.value == null ? '' : String(f.value);
      if (f.name === 'phone') input.inputMode = 'tel';
      if (f.name === 'email') input.inputMode = 'email';
      if (f.name === 'price' || f.name === 'moq') input.inputMode = 'text';
      wrap.appendChild(input);
    }
    input.id = id;
    input.name = f.name;
    input.setAttribute('aria-describedby', 'help-' + f.name + ' err-' + f.name);
    var err = el('p', 'error');
    err.id = 'err-' + f.name;
    err.setAttribute('role', 'alert');
    wrap.appendChild(err);
    return wrap;
  }

  function showErrors(errors) {
    var first = null;
    state.fields.forEach(function (f) {
      var err = $('err-' + f.name), input = $('in-' + f.name);
      var text = errors[f.name] || '';
      err.textContent = text;
      if (input) input.setAttribute('aria-invalid', text ? 'true' : 'false');
      if (text && !first) first = input;
    });
    if (first) first.focus();
  }

  async function upload(input, count) {
    var file = input.files && input.files[0];
    if (!file) return;
    var body = new FormData();
    body.append('photo', file);
    body.append('product', String(state.product));
    if (mode === 'telegram') body.append('init_data', initData);
    say('…');
    var r = await call('POST', base + '/photo', body);
    input.value = '';
    if (r.status === 200 && r.data) {
      say(r.data.text);
      if (r.data.added) count.textContent = String(Number(count.textContent) + 1);
      $('err-photos').textContent = r.data.added ? '' : r.data.text;
    } else say(r.status === 403 ? state.ui.refused : state.ui.error);
  }

  $('form').addEventListener('submit', async function (ev) {
    ev.preventDefault();
    var values = {};
    state.fields.forEach(function (f) {
      if (f.kind !== 'photo') values[f.name] = $('in-' + f.name).value;
    });
    $('save').disabled = true;
    var r = await call('POST', base, {scope: state.scope, product: state.product, values: values});
    $('save').disabled = false;
    if (r.status === 422 && r.data) { showErrors(r.data.errors || {}); return; }
    if (r.status !== 200 || !r.data) { say(r.status === 403 ? state.ui.refused : state.ui.error); return; }
    if (mode === 'web') { location.assign('/chat'); return; }
    say((r.data.messages || []).map(function (m) { return m.text; }).join('\n\n'));
    $('form').hidden = true;
    closeApp();
  });

  load();
}());
