/* Saraban Flow: the one script of the browser interface. Plain ES2017, no framework, no build.
   Every page works without it; it only saves round trips:
   - forms marked data-api call the JSON API with fetch and update the page in place;
   - the inbox acknowledges ("ทราบ") several memos at once;
   - the compose page adds, removes and reorders body blocks without a reload;
   - quick-phrase buttons fill a text box. */
(function () {
  'use strict';

  function $(selector, root) {
    return (root || document).querySelector(selector);
  }
  function $all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  // The button that submitted a form: event.submitter where the browser has it (Chrome 81+),
  // otherwise the last submit button clicked.
  var lastSubmitter = null;
  function submitterOf(event) {
    return event.submitter || lastSubmitter;
  }

  /* ---- numbers as the organisation writes them ---- */
  var THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';
  function pageDigits() {
    var meta = document.querySelector('meta[name="digits"]');
    return meta && meta.getAttribute('content') === 'thai' ? 'thai' : 'arabic';
  }
  /** A number (or text with numbers) in the page's digits. */
  function digits(value) {
    var s = String(value);
    if (pageDigits() !== 'thai') return s;
    return s.replace(/[0-9]/g, function (d) {
      return THAI_DIGITS.charAt(Number(d));
    });
  }
  /** The number a counter shows, whatever its digits. */
  function readNumber(text) {
    return parseInt(
      String(text).replace(/[๐-๙]/g, function (d) {
        return String(THAI_DIGITS.indexOf(d));
      }),
      10,
    );
  }

  /* ---- messages ---- */
  /** A visible status (or error) message; `quiet` ones only reach screen readers. */
  function announce(message, isError, quiet) {
    var region = document.getElementById(quiet ? 'sr-live-region' : 'live-region');
    if (!region) return;
    region.textContent = message;
    region.hidden = false;
    region.classList.toggle('is-error', !!isError);
    if (isError) region.setAttribute('role', 'alert');
    else region.setAttribute('role', 'status');
  }

  function errorText(body, status) {
    if (body && typeof body.message === 'string') {
      var details = '';
      if (body.details && Array.isArray(body.details)) {
        details = body.details
          .map(function (d) {
            return d && d.problems ? d.field + ': ' + d.problems.join(', ') : '';
          })
          .filter(Boolean)
          .join('; ');
      }
      return details ? body.message + ' (' + details + ')' : body.message;
    }
    if (status === 0) return 'เชื่อมต่อเครื่องแม่ข่ายไม่ได้ กรุณาตรวจสอบเครือข่ายแล้วลองใหม่';
    return 'ดำเนินการไม่สำเร็จ (' + status + ')';
  }

  function newKey() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') return window.crypto.randomUUID();
    return 'k-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2);
  }

  /** The page's CSRF token: the API refuses a request made with the session cookie without it. */
  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute('content') || '' : '';
  }

  /** POST JSON to the API with the session cookie and the page's token; resolves {ok, status, body}. */
  function callApi(url, payload, method, headers) {
    var h = { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': csrfToken() };
    for (var k in headers || {}) h[k] = headers[k];
    return fetch(url, {
      method: method || 'POST',
      credentials: 'same-origin',
      headers: h,
      body: payload === undefined ? undefined : JSON.stringify(payload),
    }).then(
      function (res) {
        return res.text().then(function (text) {
          var body = null;
          try {
            body = text ? JSON.parse(text) : null;
          } catch (e) {
            body = null;
          }
          return { ok: res.ok, status: res.status, body: body };
        });
      },
      function () {
        return { ok: false, status: 0, body: null };
      },
    );
  }

  /** The fields of a form as the API wants them: data-json="number|boolean" converts, data-no-api skips, empty optional fields are left out. */
  function formPayload(form) {
    var payload = {};
    $all('input, select, textarea', form).forEach(function (el) {
      if (!el.name || el.disabled || el.hasAttribute('data-no-api')) return;
      if ((el.type === 'radio' || el.type === 'checkbox') && !el.checked) return;
      var value = el.value;
      if (value === '' && el.hasAttribute('data-optional')) return;
      var kind = el.getAttribute('data-json');
      if (kind === 'number') value = Number(value);
      else if (kind === 'boolean') value = value === 'true';
      payload[el.name] = value;
    });
    return payload;
  }

  /* ---- in-place updates after an API call ---- */

  /** Re-reads the current page and swaps the parts marked data-refresh, keeping scroll and focus sane. */
  function refreshRegions() {
    return fetch(window.location.href, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (res) {
        return res.text();
      })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        $all('[data-refresh]').forEach(function (region) {
          var fresh = doc.getElementById(region.id);
          if (fresh) region.innerHTML = fresh.innerHTML;
        });
        enhance(document);
      });
  }

  function adjustCount(el, delta) {
    if (!el) return;
    var n = readNumber(el.textContent);
    if (!isNaN(n)) el.textContent = digits(Math.max(0, n + delta));
  }

  /** An inbox row is done: strike it, drop its controls and lower the counts. */
  function markRowDone(row, message) {
    if (!row || row.classList.contains('is-done')) return;
    row.classList.add('is-done');
    $all('input[type=checkbox]', row).forEach(function (c) {
      c.checked = false;
      c.disabled = true;
    });
    $all('.memo-quick', row).forEach(function (q) {
      q.innerHTML = '';
      var done = document.createElement('span');
      done.className = 'badge badge-status is-decided';
      done.textContent = message;
      q.appendChild(done);
    });
    // Every counter of the page moves together: the heading, "ทุกฐานะ" and the capacity's chip.
    adjustCount(document.getElementById('inbox-total'), -1);
    $all('[data-count-all]').forEach(function (el) {
      adjustCount(el, -1);
    });
    var capacity = row.getAttribute('data-capacity');
    if (capacity) adjustCount(document.querySelector('[data-capacity-count="' + capacity + '"]'), -1);
  }

  function setBusy(button, busy) {
    if (!button) return;
    button.disabled = busy;
    button.setAttribute('aria-busy', busy ? 'true' : 'false');
  }

  /** Forms with data-api: the same action as their normal POST, done with fetch. */
  function onApiSubmit(event) {
    var form = event.target;
    if (!form.matches || !form.matches('form[data-api]')) return;
    if (form.hasAttribute('data-confirm') && !window.confirm(form.getAttribute('data-confirm'))) {
      event.preventDefault();
      return;
    }
    event.preventDefault();
    var button = submitterOf(event) || $('button[type=submit], button:not([type])', form);
    var payload = formPayload(form);
    if (button && button.name) payload[button.name] = button.value;
    var headers = {};
    if (form.hasAttribute('data-idempotent')) {
      var keyField = $('input[name="idempotencyKey"]', form);
      headers['Idempotency-Key'] = keyField ? keyField.value : newKey();
      delete payload.idempotencyKey;
    }
    setBusy(button, true);
    callApi(form.getAttribute('data-api'), payload, form.getAttribute('data-method') || 'POST', headers).then(
      function (result) {
        setBusy(button, false);
        if (!result.ok) {
          var stale = result.status === 409 || result.status === 403;
          if (!stale || form.closest('[data-memo-row]')) {
            announce(errorText(result.body, result.status), true);
            return;
          }
          // Someone acted first: the form on the screen is out of date. Say so, and show the
          // memo as it stands now (the old form goes with the old state).
          refreshRegions()
            .then(function () {
              announce(errorText(result.body, result.status) + ' — หน้านี้แสดงสถานะล่าสุดแล้ว', true);
            })
            .catch(function () {
              window.location.reload();
            });
          return;
        }
        var message = form.getAttribute('data-done') || 'ดำเนินการแล้ว';
        var row = form.closest('[data-memo-row]');
        if (row) {
          markRowDone(row, message);
          announce(message + ': ' + (row.getAttribute('data-subject') || ''), false);
          return;
        }
        var then = form.getAttribute('data-then');
        if (then) {
          window.location.assign(then.replace('{id}', result.body && result.body.id ? result.body.id : ''));
          return;
        }
        announce(message, false);
        refreshRegions().catch(function () {
          window.location.reload();
        });
      },
    );
  }

  /* ---- inbox: select and acknowledge several ---- */
  function selectedRows() {
    return $all('[data-memo-row] input[name="memoIds"]:checked').map(function (c) {
      return c.closest('[data-memo-row]');
    });
  }

  function updateBulkBar() {
    var bar = $('[data-bulk-bar]');
    if (!bar) return;
    var n = selectedRows().length;
    var count = $('[data-bulk-count]', bar);
    if (count) count.textContent = digits(n);
    var button = $('[data-bulk-ack]', bar);
    if (button) button.disabled = n === 0;
  }

  function onBulkAck(event) {
    var form = event.target;
    if (!form.matches || !form.matches('form[data-bulk-form]')) return;
    event.preventDefault();
    var submitter = submitterOf(event);
    var quick = submitter && submitter.hasAttribute('data-quick-ack') ? submitter : null;
    var rows = quick ? [quick.closest('[data-memo-row]')] : selectedRows();
    if (rows.length === 0) {
      announce('ยังไม่ได้เลือกบันทึกข้อความ', true);
      return;
    }
    if (!quick) {
      // Several signatures at once: say exactly which before any is given.
      var list = rows.map(function (row) {
        return '• ' + (row.getAttribute('data-subject') || '');
      });
      if (!window.confirm('ลงนาม "ทราบ" ' + digits(rows.length) + ' เรื่องต่อไปนี้?\n' + list.join('\n'))) return;
    }
    var button = quick || $('[data-bulk-ack]', form);
    setBusy(button, true);
    var done = 0;
    var failed = [];
    // One after another: each is its own transaction, and an old office PC keeps up.
    var chain = Promise.resolve();
    rows.forEach(function (row) {
      chain = chain.then(function () {
        var payload = { order: 'noted' };
        var version = row.getAttribute('data-version');
        if (version) payload.version = Number(version);
        return callApi(row.getAttribute('data-decide-url'), payload).then(function (result) {
          if (result.ok) {
            done += 1;
            markRowDone(row, 'ทราบแล้ว');
          } else {
            failed.push(
              (row.getAttribute('data-subject') || '') + ': ' + errorText(result.body, result.status),
            );
          }
        });
      });
    });
    chain.then(function () {
      setBusy(button, false);
      updateBulkBar();
      if (failed.length)
        announce(
          'ลงนาม "ทราบ" แล้ว ' +
            digits(done) +
            ' เรื่อง ไม่สำเร็จ ' +
            digits(failed.length) +
            ' เรื่อง: ' +
            failed.join(' | '),
          true,
        );
      else announce('ลงนาม "ทราบ" แล้ว ' + digits(done) + ' เรื่อง', false);
    });
  }

  /* ---- quick phrases ---- */
  function onPhrase(event) {
    var button = event.target.closest ? event.target.closest('[data-phrase]') : null;
    if (!button) return;
    event.preventDefault();
    var target = document.getElementById(button.getAttribute('data-target'));
    if (!target) return;
    var phrase = button.getAttribute('data-phrase');
    if (button.hasAttribute('data-append') && target.value.trim())
      target.value = target.value.replace(/\s*$/, '') + ' ' + phrase;
    else target.value = phrase;
    target.focus();
  }

  /* ---- organisation file: jump to the line an error names ---- */
  function onGotoLine(event) {
    var link = event.target.closest ? event.target.closest('[data-goto-line]') : null;
    if (!link) return;
    var area = document.getElementById(link.getAttribute('href').slice(1));
    if (!area || typeof area.setSelectionRange !== 'function') return;
    event.preventDefault();
    var line = Number(link.getAttribute('data-goto-line'));
    var lines = area.value.split('\n');
    var start = 0;
    for (var i = 0; i < line - 1 && i < lines.length; i++) start += lines[i].length + 1;
    var end = start + (lines[line - 1] || '').length;
    area.focus();
    area.setSelectionRange(start, end);
    var lineHeight = parseFloat(window.getComputedStyle(area).lineHeight) || 20;
    area.scrollTop = Math.max(0, (line - 3) * lineHeight);
  }

  /* ---- compose: body blocks ---- */
  var BLOCK_HINTS = {
    heading: 'หัวข้อ เช่น ข้อเท็จจริง',
    paragraph: 'ข้อความหนึ่งย่อหน้า (พิมพ์ต่อกันได้ ไม่ต้องเว้นวรรคต้นย่อหน้า)',
    numbered: 'หนึ่งข้อต่อหนึ่งบรรทัด ระบบใส่เลขลำดับให้เอง',
  };

  function renumberBlocks(list) {
    $all(':scope > .block', list).forEach(function (block, i) {
      $all('[data-block-field]', block).forEach(function (el) {
        el.name = 'blocks[' + i + '][' + el.getAttribute('data-block-field') + ']';
        el.id = 'block-' + i + '-' + el.getAttribute('data-block-field');
      });
      $all('label[data-block-label]', block).forEach(function (label) {
        label.htmlFor = 'block-' + i + '-' + label.getAttribute('data-block-label');
      });
      $all('[data-block-number]', block).forEach(function (number) {
        number.textContent = digits(i + 1);
      });
      var up = $('[data-move="up"]', block);
      var down = $('[data-move="down"]', block);
      if (up) up.disabled = i === 0;
      if (down) down.disabled = i === list.children.length - 1;
    });
    var empty = $('[data-blocks-empty]');
    if (empty) empty.hidden = list.children.length > 0;
  }

  function setBlockType(block, type) {
    block.setAttribute('data-type', type);
    var hint = $('[data-block-hint]', block);
    if (hint) hint.textContent = BLOCK_HINTS[type] || '';
    var text = $('textarea[data-block-field="text"]', block);
    if (text) text.rows = type === 'heading' ? 1 : type === 'numbered' ? 4 : 5;
  }

  function onBlockClick(event) {
    var button = event.target.closest ? event.target.closest('button') : null;
    if (!button) return;
    var list = $('[data-blocks]');
    if (!list) return;
    var add = button.getAttribute('data-add-block');
    if (add) {
      event.preventDefault();
      var template = document.getElementById('block-template');
      if (!template) return;
      var block = template.content.firstElementChild.cloneNode(true);
      var select = $('select[data-block-field="type"]', block);
      if (select) select.value = add;
      setBlockType(block, add);
      list.appendChild(block);
      renumberBlocks(list);
      var field = $('textarea', block);
      if (field) field.focus();
      announce('เพิ่ม' + button.textContent.replace(/^\s*\+\s*/, '') + 'แล้ว', false, true);
      return;
    }
    var block2 = button.closest('.block');
    if (!block2 || block2.parentNode !== list) return;
    var move = button.getAttribute('data-move');
    if (move) {
      event.preventDefault();
      if (move === 'up' && block2.previousElementSibling)
        list.insertBefore(block2, block2.previousElementSibling);
      if (move === 'down' && block2.nextElementSibling) list.insertBefore(block2.nextElementSibling, block2);
      renumberBlocks(list);
      button.disabled
        ? $('[data-move="' + (move === 'up' ? 'down' : 'up') + '"]', block2).focus()
        : button.focus();
      announce('ย้ายเป็นลำดับที่ ' + digits(Array.prototype.indexOf.call(list.children, block2) + 1), false, true);
      return;
    }
    if (button.hasAttribute('data-remove-block')) {
      event.preventDefault();
      var next = block2.nextElementSibling || block2.previousElementSibling;
      list.removeChild(block2);
      renumberBlocks(list);
      var focusTo = next ? $('textarea', next) : $('[data-add-block]');
      if (focusTo) focusTo.focus();
      announce('ลบส่วนแล้ว', false, true);
    }
  }

  function onBlockTypeChange(event) {
    var select = event.target;
    if (!select.matches || !select.matches('select[data-block-field="type"]')) return;
    var block = select.closest('.block');
    if (block) setBlockType(block, select.value);
  }

  function onSelectChange(event) {
    var el = event.target;
    if (el.matches && el.matches('[data-select-all]')) {
      $all('[data-memo-row] input[name="memoIds"]:not(:disabled)').forEach(function (c) {
        c.checked = el.checked;
      });
    }
    if (el.matches && el.matches('input[name="memoIds"], [data-select-all]')) updateBulkBar();
  }

  /* ---- compose: what is typed is kept in this browser until the server has it ----
     A session that ends while someone types (idle timeout, sign-out elsewhere) turns the next
     บันทึกร่าง into the sign-in page, and the typed text used to be lost. The form's content is
     written to localStorage as it changes, under the person and the memo (and the version the
     page was built from); after the next page that is not the sign-in or an error page the copy
     is dropped (the server has it), otherwise the compose page puts it back. Not a server-side
     autosave: that needs the very session that has ended, and every save would bump the version
     the form is guarded with and add a revision to the memo's history. */
  var DRAFT_PREFIX = 'saraban.draft.';
  var DRAFT_PENDING = 'saraban.draft.pending';
  var DRAFT_MAX_AGE_MS = 14 * 24 * 3600 * 1000;
  var draftTimer = null;

  function storageOf(kind) {
    try {
      var store = window[kind];
      var probe = DRAFT_PREFIX + 'probe';
      store.setItem(probe, '1');
      store.removeItem(probe);
      return store;
    } catch (e) {
      return null;
    }
  }

  function composeForm() {
    return $('form[data-compose][data-draft-key]');
  }

  /** The form's own fields (not the token, version or buttons; not the body blocks), each with its key. */
  function draftFields(form) {
    return $all('input[name], select[name], textarea[name]', form).filter(function (el) {
      return !el.closest('.block') && !/^(_csrf|version|op)$/.test(el.name) && el.type !== 'hidden';
    });
  }
  /** A box is kept by name and value (several สำเนาเรียน boxes share one name); other fields by name. */
  function draftKeyOf(el) {
    return el.type === 'checkbox' ? el.name + '=' + el.value : el.name;
  }

  /** The form's content: its fields and the body blocks in order. */
  function readDraft(form) {
    var fields = {};
    draftFields(form).forEach(function (el) {
      if (el.type === 'radio') {
        if (el.checked) fields[el.name] = el.value;
      } else if (el.type === 'checkbox') fields[draftKeyOf(el)] = el.checked;
      else fields[el.name] = el.value;
    });
    var blocks = $all('[data-blocks] > .block', form).map(function (block) {
      var type = $('select[data-block-field="type"]', block);
      var text = $('textarea[data-block-field="text"]', block);
      return { type: type ? type.value : 'paragraph', text: text ? text.value : '' };
    });
    return { fields: fields, blocks: blocks };
  }

  function sameDraft(a, b) {
    return (
      JSON.stringify(a.fields) === JSON.stringify(b.fields) &&
      JSON.stringify(a.blocks) === JSON.stringify(b.blocks)
    );
  }

  function writeDraft(form, draft) {
    draftFields(form).forEach(function (el) {
      if (el.type === 'radio') {
        if (Object.prototype.hasOwnProperty.call(draft.fields, el.name))
          el.checked = el.value === draft.fields[el.name];
      } else if (Object.prototype.hasOwnProperty.call(draft.fields, draftKeyOf(el))) {
        if (el.type === 'checkbox') el.checked = draft.fields[draftKeyOf(el)] === true;
        else el.value = draft.fields[el.name];
      }
    });
    var list = $('[data-blocks]', form);
    var template = document.getElementById('block-template');
    if (!list || !template) return;
    $all(':scope > .block', list).forEach(function (block) {
      list.removeChild(block);
    });
    draft.blocks.forEach(function (b) {
      var block = template.content.firstElementChild.cloneNode(true);
      var select = $('select[data-block-field="type"]', block);
      if (select) select.value = b.type;
      setBlockType(block, b.type);
      var text = $('textarea[data-block-field="text"]', block);
      if (text) text.value = b.text;
      list.appendChild(block);
    });
    renumberBlocks(list);
  }

  function saveDraftNow() {
    var form = composeForm();
    var store = storageOf('localStorage');
    if (!form || !store) return;
    clearTimeout(draftTimer);
    draftTimer = null;
    var draft = readDraft(form);
    draft.version = form.getAttribute('data-draft-version');
    draft.savedAt = Date.now();
    try {
      store.setItem(DRAFT_PREFIX + form.getAttribute('data-draft-key'), JSON.stringify(draft));
    } catch (e) {
      // A full storage only loses the browser's copy; the form still works.
    }
  }

  function scheduleDraftSave(event) {
    if (!composeForm() || (event && event.target && !event.target.closest('form[data-compose]'))) return;
    clearTimeout(draftTimer);
    draftTimer = setTimeout(saveDraftNow, 400);
  }

  /** After a round trip: the copy the last compose submit left is dropped unless the server did not take it. */
  function settlePendingDraft() {
    var session = storageOf('sessionStorage');
    var store = storageOf('localStorage');
    if (!session || !store) return;
    var pending = session.getItem(DRAFT_PENDING);
    if (!pending) return;
    session.removeItem(DRAFT_PENDING);
    // The sign-in page (the session had ended) or an error: the server has not taken it; the copy
    // stays for the compose page to put back. Any other page came after the server took it.
    var body = document.body;
    if (body.classList.contains('page-login') || body.classList.contains('page-error')) return;
    store.removeItem(DRAFT_PREFIX + pending);
  }

  function restoreDraft() {
    var form = composeForm();
    var store = storageOf('localStorage');
    if (!form || !store) return;
    var key = DRAFT_PREFIX + form.getAttribute('data-draft-key');
    var saved = null;
    try {
      saved = JSON.parse(store.getItem(key) || 'null');
    } catch (e) {
      saved = null;
    }
    if (!saved || !saved.fields || !Array.isArray(saved.blocks)) return;
    // Built on another version (the server moved on since), or too old: not this page's draft.
    if (
      saved.version !== form.getAttribute('data-draft-version') ||
      Date.now() - saved.savedAt > DRAFT_MAX_AGE_MS
    ) {
      store.removeItem(key);
      return;
    }
    if (sameDraft(saved, readDraft(form))) return;
    writeDraft(form, saved);
    var notice = $('[data-draft-restored]');
    if (notice) {
      var at = $('[data-draft-restored-at]', notice);
      if (at)
        at.textContent = new Date(saved.savedAt).toLocaleString(
          'th-TH-u-nu-' + (pageDigits() === 'thai' ? 'thai' : 'latn'),
          { dateStyle: 'long', timeStyle: 'short' },
        );
      notice.hidden = false;
    }
  }

  function onDraftDiscard(event) {
    var button = event.target.closest ? event.target.closest('[data-draft-discard]') : null;
    var form = composeForm();
    var store = storageOf('localStorage');
    if (!button || !form) return;
    if (store) store.removeItem(DRAFT_PREFIX + form.getAttribute('data-draft-key'));
    window.location.reload();
  }

  /** Signing out on purpose ends the browser's copies too (a shared office computer). */
  function forgetDrafts() {
    var store = storageOf('localStorage');
    if (!store) return;
    for (var i = store.length - 1; i >= 0; i--) {
      var k = store.key(i);
      if (k && k.indexOf(DRAFT_PREFIX) === 0) store.removeItem(k);
    }
  }

  /* ---- wiring ---- */
  function enhance(root) {
    // The server-side block buttons (no-JS fallback) become client-side ones.
    $all('[data-blocks]', root).forEach(function (list) {
      list.setAttribute('data-enhanced', 'true');
      renumberBlocks(list);
    });
    $all('[data-js-only]', root).forEach(function (el) {
      el.hidden = false;
    });
    $all('[data-no-js]', root).forEach(function (el) {
      el.hidden = true;
    });
    updateBulkBar();
    settlePendingDraft();
    restoreDraft();
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.matches && form.matches('form[data-compose]')) {
      var list = $('[data-blocks]', form);
      if (list) renumberBlocks(list);
      if (form.hasAttribute('data-draft-key')) {
        saveDraftNow();
        var session = storageOf('sessionStorage');
        if (session) session.setItem(DRAFT_PENDING, form.getAttribute('data-draft-key'));
      }
      return;
    }
    if (form.matches && form.matches('form[action="/app/logout"]')) forgetDrafts();
    if (form.matches && form.matches('form[data-bulk-form]')) return onBulkAck(event);
    if (form.matches && form.matches('form[data-confirm]:not([data-api])')) {
      if (!window.confirm(form.getAttribute('data-confirm'))) event.preventDefault();
      return;
    }
    onApiSubmit(event);
  });
  document.addEventListener('click', function (event) {
    var clicked = event.target.closest
      ? event.target.closest('button[type=submit], button:not([type])')
      : null;
    if (clicked) lastSubmitter = clicked;
    onPhrase(event);
    onBlockClick(event);
    onGotoLine(event);
    onDraftDiscard(event);
    scheduleDraftSave(event);
  });
  document.addEventListener('input', scheduleDraftSave);
  document.addEventListener('change', function (event) {
    onBlockTypeChange(event);
    onSelectChange(event);
    scheduleDraftSave(event);
  });
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () {
      enhance(document);
    });
  } else {
    enhance(document);
  }
})();
