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
        else a.addEventListener('click', function (ev) {
          // Another product's form: what was typed here is saved first, never dropped.
          if (!dirty()) return;
          ev.preventDefault();
          save(a.href);
        });
        nav.appendChild(a);
      });
      box.appendChild(nav);
    }
    data.fields.forEach(function (f) {
      if (f.name === 'business_name') box.appendChild(el('h2', '', ui.business));
      if (f.name === 'product_name' && data.scope === 'all') box.appendChild(el('h2', '', ui.product));
      box.appendChild(field(f, ui));
    });
    showPhotos(data.photos || [], ui);
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
      var thumbs = el('ul', 'thumbs');
      thumbs.id = 'thumbs';
      wrap.appendChild(thumbs);
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

  // The product's photos, each with "remove", which asks once more before it does.
  function showPhotos(photos, ui) {
    var list = $('thumbs'), count = $('count-photos');
    if (!list) return;
    list.textContent = '';
    if (count) count.textContent = String(photos.length);
    photos.forEach(function (p, i) {
      var name = ui.photo + ' ' + (i + 1);
      var item = el('li', 'thumb');
      item.setAttribute('data-photo', p.id);
      var img = el('img');
      img.src = p.url;
      img.alt = name;
      item.appendChild(img);
      var remove = el('button', 'remove', ui.remove_photo);
      remove.type = 'button';
      remove.setAttribute('aria-label', ui.remove_photo + ' (' + name + ')');
      remove.addEventListener('click', function () { confirmRemove(item, remove, p, ui); });
      item.appendChild(remove);
      list.appendChild(item);
    });
  }

  function confirmRemove(item, remove, photo, ui) {
    remove.hidden = true;
    var ask = el('div', 'confirm');
    ask.setAttribute('role', 'group');
    ask.appendChild(el('span', '', ui.confirm_remove));
    var yes = el('button', 'yes', ui.remove_photo), no = el('button', 'no', ui.cancel);
    yes.type = no.type = 'button';
    ask.appendChild(yes); ask.appendChild(no);
    item.appendChild(ask);
    yes.focus();
    no.addEventListener('click', function () { ask.remove(); remove.hidden = false; remove.focus(); });
    yes.addEventListener('click', async function () {
      yes.disabled = no.disabled = true;
      var r = await call('POST', base + '/photo/remove', {product: state.product, photo: photo.id});
      if (r.status === 200 && r.data) {
        state.photos = r.data.photos;
        showPhotos(state.photos, ui);
        say(r.data.text);
      } else {
        ask.remove(); remove.hidden = false;
        say(r.status === 403 ? ui.refused : ui.error);
      }
    });
  }

  function dirty() {  // typed but not saved
    return state.fields.some(function (f) {
      if (f.kind === 'photo') return false;
      return $('in-' + f.name).value !== (f.value == null ? '' : String(f.value));
    });
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
      state.photos = r.data.photos;
      showPhotos(state.photos, state.ui);
      $('err-photos').textContent = r.data.added ? '' : r.data.text;
    } else say(r.status === 403 ? state.ui.refused : state.ui.error);
  }

  // Saved, then on to `next` (another product's form), or back to the conversation.
  async function save(next) {
    var values = {};
    state.fields.forEach(function (f) {
      if (f.kind !== 'photo') values[f.name] = $('in-' + f.name).value;
    });
    $('save').disabled = true;
    var r = await call('POST', base, {scope: state.scope, product: state.product, values: values});
    $('save').disabled = false;
    if (r.status === 422 && r.data) { showErrors(r.data.errors || {}); return; }
    if (r.status !== 200 || !r.data) { say(r.status === 403 ? state.ui.refused : state.ui.error); return; }
    if (next) { location.assign(next); return; }
    if (mode === 'web') { location.assign('/chat'); return; }
    say((r.data.messages || []).map(function (m) { return m.text; }).join('\n\n'));
    $('form').hidden = true;
    closeApp();
  }

  $('form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    save(null);
  });

  load();
}());
