/* Tijara web chat. Vanilla JS, no dependencies. Server and user text is only
   ever written with textContent (never innerHTML). */
(function () {
  'use strict';

  var API = '/api/chat/sessions';
  var STORE_KEY = 'tijara.chat.session';
  var TIMEOUT_MS = 30000;
  // 429 (too many requests) and 503 (the database is away for a moment): the same request,
  // same message id, is sent again after the server's Retry-After, this many times.
  var AUTO_RETRIES = 8;
  var MAX_WAIT_S = 60; // a longer Retry-After is not waited for: the owner can retry
  var LANGS = { 'ary-Arab': 'ar-MA', 'ary-Latn': 'ar-Latn-MA', ary: 'ar-MA', fr: 'fr', ar: 'ar' };
  // The page chrome's words before the first answer come from the locales, put in the
  // page by the server (GET /chat), so no sentence lives in this file.
  var DEFAULT_UI = JSON.parse(document.getElementById('ui-defaults').textContent);

  function $(id) { return document.getElementById(id); }
  var root = document.documentElement;
  var list = $('messages');
  var scroller = $('scroller');
  var form = $('composer');
  var input = $('text');
  var sendBtn = $('send');
  var photoInput = $('photo');
  var photoBtn = $('photo-btn');
  var restartBtn = $('restart');
  var confirmBox = $('restart-confirm');
  var typing = $('typing');

  var browserLang = String(navigator.language || '');
  var arabic = /^ar/i.test(browserLang);
  var ui = {};
  var base = arabic ? DEFAULT_UI.ar : DEFAULT_UI.fr;
  Object.keys(base).forEach(function (k) { ui[k] = base[k]; });
  root.lang = arabic ? 'ar' : 'fr';
  root.dir = arabic ? 'rtl' : 'ltr';

  var sid = store('get');
  var ready = false;       // true once the current question is on screen
  var starting = null;     // in-flight session resume/creation
  var gen = 0;             // bumped by restart: late answers of the old session are ignored
  var queue = Promise.resolve(); // text and button sends are kept in order
  var pending = 0;
  var active = { group: null, expects: '' }; // chips of the last bot message

  /* ---------- storage ---------- */
  function store(op, value) {
    try {
      if (op === 'get') return window.localStorage.getItem(STORE_KEY);
      if (op === 'set') window.localStorage.setItem(STORE_KEY, value);
      else window.localStorage.removeItem(STORE_KEY);
    } catch (e) { /* private mode: session lives in memory only */ }
    return null;
  }
  function forget() { sid = null; ready = false; store('del'); }

  /* ---------- network ---------- */
  function busy(delta) {
    pending = Math.max(0, pending + delta);
    typing.hidden = pending === 0;
    list.setAttribute('aria-busy', pending ? 'true' : 'false');
    if (pending) scrollDown();
  }

  // Every message carries an id of its own, kept when it is sent again: the server
  // answers a message it already has without doing it twice.
  function newId() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') return window.crypto.randomUUID();
    return Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 12);
  }

  // Resolves (never rejects) to {ok, status, data, retryAfter}; status 0 = network error
  // or timeout; retryAfter in seconds, null when the server named none.
  async function call(method, url, body, quiet) {
    var ctl = typeof AbortController === 'function' ? new AbortController() : null;
    var timer = setTimeout(function () { if (ctl) ctl.abort(); }, TIMEOUT_MS);
    var opts = { method: method, headers: { Accept: 'application/json' }, credentials: 'same-origin' };
    if (ctl) opts.signal = ctl.signal;
    if (body instanceof FormData) {
      opts.body = body;
    } else if (body !== undefined) {
      opts.headers['Content-Type'] = 'application/json';
      opts.body = JSON.stringify(body);
    }
    if (!quiet) busy(1);
    try {
      var work = fetch(url, opts).then(function (res) {
        return res.json().then(
          function (data) { return { res: res, data: data }; },
          function () { return { res: res, data: null }; });
      });
      var timeout = new Promise(function (resolve) {
        setTimeout(function () { resolve(null); }, TIMEOUT_MS + 50);
      });
      var out = await Promise.race([work, timeout]);
      if (!out) return { ok: false, status: 0, data: null, retryAfter: null };
      var data = out.data && typeof out.data === 'object' ? out.data : null;
      var wait = parseInt(out.res.headers.get('Retry-After') || '', 10);
      return { ok: out.res.ok && !!data, status: out.res.status, data: data,
               retryAfter: wait >= 0 ? wait : null };
    } catch (e) {
      return { ok: false, status: 0, data: null, retryAfter: null };
    } finally {
      clearTimeout(timer);
      if (!quiet) busy(-1);
    }
  }

  // call(), and on 429/503 the same request again after Retry-After (typing dots shown).
  async function patient(method, url, body) {
    var g = gen;
    for (var attempt = 0; ; attempt++) {
      var r = await call(method, url, body);
      if ((r.status !== 429 && r.status !== 503) || attempt >= AUTO_RETRIES) return r;
      var wait = r.retryAfter == null ? 5 : r.retryAfter;
      if (wait > MAX_WAIT_S) return r;
      clearNotes();
      note(ui.error);
      busy(1);
      await new Promise(function (resolve) { setTimeout(resolve, Math.max(wait, 1) * 1000); });
      busy(-1);
      if (g !== gen) return r;
    }
  }

  function sessionUrl(id) { return API + '/' + encodeURIComponent(id); }

  function ensureSession() {
    if (ready && sid) return Promise.resolve(sid);
    if (!starting) {
      var p = starting = init().then(function (v) {
        if (starting === p) starting = null;
        return v;
      });
    }
    return starting;
  }

  async function init() {
    var g = gen;
    var r;
    // A field agent's link or QR code (/chat?ref=ref-XXXX) attributes the owner to them;
    // an owner's link (ref=own-…) opens the draft their agent filled in, in a chat of its own.
    var ref = new URLSearchParams(window.location.search).get('ref');
    var ownerLink = !!ref && ref.indexOf('own-') === 0;
    if (sid && !ownerLink) {
      r = await patient('GET', sessionUrl(sid));
      if (g !== gen) return null;
      if (r.ok) return opened(r.data, sid);
      if ([400, 404, 410].indexOf(r.status) < 0) { explain(r); return null; }
      forget();
    }
    r = await patient('POST', API, ref ? { lang_hint: browserLang, ref: ref } : { lang_hint: browserLang });
    if (g !== gen) return null;
    if (r.ok && r.data.session) {
      // Used once: a reload resumes this chat rather than opening the link again.
      if (ownerLink && window.history && history.replaceState) {
        history.replaceState(null, '', window.location.pathname);
      }
      return opened(r.data, String(r.data.session));
    }
    explain(r);
    return null;
  }

  function opened(data, id) {
    sid = id;
    store('set', id);
    ready = true;
    clearNotes();
    apply(data);
    render(data.messages);
    return id;
  }

  // One exchange with the bot. Resolves to {ok, retry}.
  async function exchange(body, fresh) {
    var g = gen;
    var wasReady = ready && !!sid;
    var id = await ensureSession();
    if (g !== gen) return { ok: true };
    if (!id) return { ok: false, retry: true };
    // The question only just appeared: let the owner read it before answering.
    if (!wasReady && fresh) return { ok: false, retry: true };
    var r = await patient('POST', sessionUrl(id) + '/messages', body);
    if (g !== gen) return { ok: true };
    if (r.ok) {
      clearNotes();
      apply(r.data);
      render(r.data.messages);
      return { ok: true };
    }
    var explained = explain(r);
    if (r.status === 404 || r.status === 410) {
      forget();
      ensureSession();
    }
    return { ok: false, retry: !explained || r.status === 0 || r.status === 429 || r.status >= 500 };
  }

  function post(body) {
    body.id = newId();
    var p = queue.then(function () { return exchange(body, true); });
    queue = p.catch(function () {});
    return p;
  }

  // Shows the server's explanation if it sent one, else ui.error. Returns true if explained.
  function explain(r) {
    var d = r.data;
    if (d && Array.isArray(d.messages) && d.messages.length) {
      clearNotes();
      apply(d);
      var prev = active;
      render(d.messages);
      if (!active.group) { active = prev; refreshChoices(); }
      return true;
    }
    note(ui.error);
    return false;
  }

  /* ---------- locale / labels ---------- */
  function apply(d) {
    if (!d) return;
    if (d.ui && typeof d.ui === 'object') {
      Object.keys(d.ui).forEach(function (k) {
        if (typeof d.ui[k] === 'string' && d.ui[k]) ui[k] = d.ui[k];
      });
    }
    if (typeof d.locale === 'string' && d.locale) {
      root.lang = LANGS[d.locale] || (/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(d.locale) ? d.locale : root.lang);
    }
    if (d.dir === 'rtl' || d.dir === 'ltr') root.dir = d.dir;
    if (typeof d.form === 'boolean') $('form-link').hidden = !d.form;  // flows/forms.py
    // A field agent's console must not be wiped by a tap: its invite link works only once.
    if (typeof d.console === 'boolean') {
      restartBtn.hidden = d.console;
      if (d.console) askRestart(false);
    }
    labels();
  }

  function labels() {
    $('title').textContent = ui.title;
    document.title = ui.title;
    input.placeholder = ui.placeholder;
    $('text-label').textContent = ui.placeholder;
    $('send-label').textContent = ui.send;
    $('photo-label').textContent = ui.photo;
    restartBtn.textContent = ui.restart;
    $('form-link').textContent = ui.form;
    $('restart-q').textContent = ui.restart_confirm;
    $('restart-yes').textContent = ui.restart_yes;
    $('restart-no').textContent = ui.cancel;
    var ctas = list.querySelectorAll('.photo-cta .lbl');
    for (var i = 0; i < ctas.length; i++) ctas[i].textContent = ui.photo;
    var wheres = list.querySelectorAll('.location-cta');
    for (var w = 0; w < wheres.length; w++) wheres[w].textContent = ui.location;
    var retries = list.querySelectorAll('.retry');
    for (var j = 0; j < retries.length; j++) retries[j].setAttribute('aria-label', ui.send);
  }

  /* ---------- rendering ---------- */
  function el(tag, cls, textValue) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (textValue !== undefined) n.textContent = textValue;
    return n;
  }

  function scrollDown() {
    var go = function () { scroller.scrollTop = scroller.scrollHeight; };
    go();
    if (window.requestAnimationFrame) window.requestAnimationFrame(go);
  }

  function render(msgs) {
    if (!Array.isArray(msgs) || !msgs.length) { refreshChoices(); return; }
    msgs.forEach(function (m) { if (m && typeof m === 'object') addBot(m); });
    refreshChoices();
    scrollDown();
  }

  // Only a web address (http/https) is shown as a picture; anything else is ignored.
  function imageUrl(value) {
    if (typeof value !== 'string' || !value) return null;
    try {
      var u = new URL(value, window.location.href);
      return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
    } catch (e) { return null; }
  }

  // A picture under the message's text (an agent's QR code); a tap opens it full size.
  function addImage(li, src, text) {
    var link = el('a', 'shot');
    link.href = src;
    link.target = '_blank';
    link.rel = 'noopener';
    var img = el('img');
    img.alt = text;
    img.loading = 'lazy';
    img.decoding = 'async';
    img.onload = scrollDown;
    img.onerror = function () { if (link.parentNode) link.parentNode.removeChild(link); };
    img.src = src;
    link.appendChild(img);
    li.appendChild(link);
  }

  // A link to hand on (an agent's referral link, an owner's link): open, copy, share.
  function addLink(li, href) {
    var box = el('div', 'link-actions');
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', href);
    var open = el('a', 'link-btn link-open', ui.link_open);
    open.href = href;
    open.target = '_blank';
    open.rel = 'noopener noreferrer';
    box.appendChild(open);
    var status = el('span', 'link-status');
    status.setAttribute('role', 'status');
    var copy = el('button', 'link-btn link-copy', ui.link_copy);
    copy.type = 'button';
    copy.addEventListener('click', function () {
      copyText(href).then(function (ok) {
        status.textContent = ok ? ui.link_copied : ui.link_copy_failed;
      });
    });
    box.appendChild(copy);
    if (navigator.share) {
      var share = el('button', 'link-btn link-share', ui.link_share);
      share.type = 'button';
      share.addEventListener('click', function () {
        navigator.share({ url: href }).catch(function () {});
      });
      box.appendChild(share);
    }
    box.appendChild(status);
    li.appendChild(box);
  }

  // The Clipboard API where the page may use it; otherwise a selected, hidden field.
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(function () { return true; },
        function () { return legacyCopy(text); });
    }
    return Promise.resolve(legacyCopy(text));
  }

  function legacyCopy(text) {
    var area = el('textarea', 'offscreen');
    area.value = text;
    area.setAttribute('readonly', '');
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }

  function addBot(m) {
    var text = m.text == null ? '' : String(m.text);
    var li = el('li', 'msg bot', text);
    li.setAttribute('data-key', m.key == null ? '' : String(m.key));
    li.dir = 'auto';
    var src = imageUrl(m.image);
    if (src) {
      addImage(li, src, text);
      if (!text) li.classList.add('bare');
    }
    var href = imageUrl(m.link);
    if (href) addLink(li, href);
    list.appendChild(li);
    var buttons = Array.isArray(m.buttons) ? m.buttons.filter(function (b) {
      return b && b.payload != null;
    }) : [];
    var group = null;
    // "location": the question can be answered with where the owner is (after the
    // browser asks their permission); only a town comes of it, the coordinates are not kept.
    var locate = m.location === true && !!navigator.geolocation;
    if (buttons.length || m.expects === 'photo' || locate) {
      group = el('li', 'choices');
      buttons.forEach(function (b) {
        var btn = el('button', 'choice', String(b.label != null ? b.label : b.payload));
        btn.type = 'button';
        btn.dir = 'auto';
        btn.setAttribute('data-payload', String(b.payload));
        btn.addEventListener('click', function () { choose(btn, group); });
        group.appendChild(btn);
      });
      if (m.expects === 'photo') {
        var cta = el('button', 'photo-cta');
        cta.type = 'button';
        cta.appendChild(photoBtn.querySelector('svg').cloneNode(true));
        cta.appendChild(el('span', 'lbl', ui.photo));
        cta.addEventListener('click', function () { photoInput.click(); });
        group.appendChild(cta);
      }
      if (locate) {
        var where = el('button', 'choice location-cta', ui.location);
        where.type = 'button';
        where.dir = 'auto';
        where.addEventListener('click', function () { shareLocation(where, group); });
        group.appendChild(where);
      }
      list.appendChild(group);
    }
    active = { group: group, expects: String(m.expects || '') };
  }

  function setGroup(group, enabled) {
    var bs = group.querySelectorAll('button');
    for (var i = 0; i < bs.length; i++) bs[i].disabled = !enabled;
  }

  function refreshChoices() {
    var groups = list.querySelectorAll('.choices');
    for (var i = 0; i < groups.length; i++) {
      var live = groups[i] === active.group;
      groups[i].classList.toggle('stale', !live);
      setGroup(groups[i], live);
    }
    document.body.classList.toggle('want-photo', active.expects === 'photo');
  }

  function addUser(value) {
    var li = el('li', 'msg user', value);
    li.dir = 'auto';
    list.appendChild(li);
    scrollDown();
    return li;
  }

  function note(message) {
    var li = el('li', 'msg system', message);
    li.setAttribute('role', 'alert');
    li.dir = 'auto';
    list.appendChild(li);
    scrollDown();
  }

  function clearNotes() {
    var ns = list.querySelectorAll('.msg.system');
    for (var i = 0; i < ns.length; i++) ns[i].parentNode.removeChild(ns[i]);
  }

  /* ---------- sending ---------- */
  function syncInput() {
    sendBtn.disabled = !input.value.trim();
    input.style.height = 'auto';
    input.style.height = Math.min(input.scrollHeight + 3, 140) + 'px';
  }

  function restoreText(value) {
    input.value = input.value ? value + '\n' + input.value : value;
    syncInput();
  }

  function submitText() {
    var raw = input.value;
    var value = raw.trim();
    if (!value) return;
    input.value = '';
    syncInput();
    var bubble = addUser(value);
    post({ text: value }).then(function (r) {
      if (r.ok) return;
      if (bubble.parentNode) bubble.parentNode.removeChild(bubble);
      restoreText(raw);
    });
  }

  function choose(btn, group) {
    if (btn.disabled) return;
    setGroup(group, false);
    btn.classList.add('picked');
    var bubble = addUser(btn.textContent);
    post({ payload: btn.getAttribute('data-payload') }).then(function (r) {
      if (r.ok) return;
      btn.classList.remove('picked');
      if (bubble.parentNode) bubble.parentNode.removeChild(bubble);
      if (group === active.group) setGroup(group, true);
    });
  }

  function shareLocation(btn, group) {
    if (btn.disabled) return;
    setGroup(group, false);
    navigator.geolocation.getCurrentPosition(function (pos) {
      btn.classList.add('picked');
      var bubble = addUser(ui.location);
      post({ location: { latitude: pos.coords.latitude, longitude: pos.coords.longitude } })
        .then(function (r) {
          if (r.ok) return;
          btn.classList.remove('picked');
          if (bubble.parentNode) bubble.parentNode.removeChild(bubble);
          if (group === active.group) setGroup(group, true);
        });
    }, function () {
      note(ui.location_denied);  // refused, or no fix: typing the town still works
      if (group === active.group) setGroup(group, true);
    }, { enableHighAccuracy: false, timeout: 20000, maximumAge: 300000 });
  }

  function sendPhoto(file, li) {
    if (!li) {
      li = el('li', 'msg user photo');
      li.dir = 'auto';
      var img = el('img');
      img.alt = ui.photo + (file.name ? ' — ' + file.name : '');
      var url = URL.createObjectURL(file);
      img.onload = function () { URL.revokeObjectURL(url); scrollDown(); };
      img.onerror = function () {
        URL.revokeObjectURL(url);
        li.classList.add('noimg');
        li.replaceChild(el('span', 'file', file.name || ui.photo), img);
      };
      img.src = url;
      li.appendChild(img);
      list.appendChild(li);
      scrollDown();
    }
    var old = li.querySelector('.retry');
    if (old) li.removeChild(old);
    li.classList.remove('failed');
    li.classList.add('sending');
    if (!li.getAttribute('data-id')) li.setAttribute('data-id', newId()); // kept by ↻
    var fd = new FormData();
    fd.append('id', li.getAttribute('data-id'));
    fd.append('photo', file, file.name || 'photo.jpg');
    exchange(fd, false).then(function (r) {
      li.classList.remove('sending');
      if (r.ok) return;
      li.classList.add('failed');
      if (!r.retry) return;
      var again = el('button', 'retry', '↻');
      again.type = 'button';
      again.setAttribute('aria-label', ui.send);
      again.addEventListener('click', function () { sendPhoto(file, li); });
      li.appendChild(again);
    });
  }

  /* ---------- news while the page is open (a review decision, an agent's news) ---------- */
  var POLL_MS = 20000;
  function poll() {
    if (!ready || !sid || document.hidden || pending) return;
    var g = gen, id = sid;
    queue = queue.then(async function () {
      var r = await call('GET', sessionUrl(id) + '/waiting', undefined, true);
      if (g !== gen || !r.ok || !Array.isArray(r.data.messages) || !r.data.messages.length) return;
      apply(r.data);
      var prev = active;
      render(r.data.messages);
      if (!active.group) { active = prev; refreshChoices(); } // news alone: the question stays
    }).catch(function () {});
  }
  setInterval(poll, POLL_MS);
  document.addEventListener('visibilitychange', poll);

  /* ---------- events ---------- */
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    submitText();
  });

  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      submitText();
    }
  });
  input.addEventListener('input', syncInput);

  photoInput.addEventListener('change', function () {
    var files = Array.prototype.slice.call(photoInput.files || []);
    photoInput.value = ''; // lets the same photo be picked again
    files.forEach(function (f) { sendPhoto(f); }); // an album: all uploads run concurrently
  });

  // "New conversation" wipes what is on the page: asked once more before it does.
  function askRestart(open) {
    confirmBox.hidden = !open;
    restartBtn.setAttribute('aria-expanded', open ? 'true' : 'false');
    if (open) $('restart-no').focus();
  }
  restartBtn.addEventListener('click', function () { askRestart(confirmBox.hidden); });
  $('restart-no').addEventListener('click', function () {
    askRestart(false);
    restartBtn.focus();
  });
  $('restart-yes').addEventListener('click', function () {
    askRestart(false);
    gen++;
    forget();
    starting = null;
    queue = Promise.resolve();
    active = { group: null, expects: '' };
    list.textContent = '';
    refreshChoices();
    ensureSession();
  });

  window.addEventListener('resize', scrollDown);

  labels();
  syncInput();
  ensureSession();
  if (window.matchMedia && window.matchMedia('(pointer: fine)').matches) input.focus();
})();
