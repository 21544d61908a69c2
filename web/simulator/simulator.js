// Mitra web chat simulator (plain browser JavaScript, no build step, nothing from the internet).
//
// The page only talks to /simulator/api/*:
//   POST /simulator/api/send            { waId, profileName, input } -> the server signs a Meta-shaped
//                                        webhook and POSTs it to Mitra's real /webhooks/whatsapp.
//   GET  /simulator/api/events?waId=    Server-Sent Events: `history` (array) on connect, then `sim`
//                                        events: {kind:'in'|'out'|'status', ...}. 'out' carries the
//                                        exact Graph API request body Mitra sent.
//   GET  /simulator/api/media/:id       bytes of a media file (what Mitra sent, or what we uploaded).
//   GET  /simulator/api/config          { displayPhoneNumber, defaultWaId, defaultProfileName }.
'use strict';

(function main() {
  /** Latitude/longitude presets in Andhra Pradesh for the location sheet. */
  const LOCATION_PRESETS = [
    { name: 'Vijayawada', address: 'Vijayawada, NTR District, Andhra Pradesh', latitude: 16.5062, longitude: 80.648 },
    { name: 'Visakhapatnam', address: 'Visakhapatnam, Andhra Pradesh', latitude: 17.6868, longitude: 83.2185 },
    { name: 'Guntur', address: 'Guntur, Andhra Pradesh', latitude: 16.3067, longitude: 80.4365 },
    { name: 'Tirupati', address: 'Tirupati, Andhra Pradesh', latitude: 13.6288, longitude: 79.4192 },
  ];
  /** Largest upload the page accepts; Meta's document limit is 100 MB, we keep the demo small. */
  const MAX_UPLOAD_BYTES = 16 * 1024 * 1024;
  const STORAGE_KEY = 'mitra-simulator-citizen';

  const $ = (id) => document.getElementById(id);
  const messagesEl = $('messages');
  const textInput = $('text-input');
  const attachMenu = $('attach-menu');
  const backdrop = $('sheet-backdrop');

  const state = {
    waId: '919876543210',
    profileName: 'Ravi Kumar',
    /** Every event of the current conversation, in order (for the golden export). */
    events: [],
    /** wamid -> tick element of a citizen message, to update on status events. */
    ticks: new Map(),
    /** wamid -> short text of a message, for reply quotes. */
    snippets: new Map(),
    source: null,
    lastDay: '',
  };

  // ---------------------------------------------------------------- formatting helpers

  function escapeHtml(text) {
    return String(text)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;');
  }

  /** WhatsApp's own light markup: *bold*, _italic_, ~strike~, ```mono```, and bare URLs as links. */
  function formatWhatsAppText(text) {
    let html = escapeHtml(text);
    html = html.replace(/```([\s\S]+?)```/g, '<code>$1</code>');
    html = html.replace(/(^|[\s(])\*(?!\s)([^*\n]+?)\*(?=$|[\s.,!?:;)])/g, '$1<b>$2</b>');
    html = html.replace(/(^|[\s(])_(?!\s)([^_\n]+?)_(?=$|[\s.,!?:;)])/g, '$1<i>$2</i>');
    html = html.replace(/(^|[\s(])~(?!\s)([^~\n]+?)~(?=$|[\s.,!?:;)])/g, '$1<s>$2</s>');
    html = html.replace(/\bhttps?:\/\/[^\s<]+[^\s<.,:;"')\]]/g, (url) =>
      `<a href="${url}" target="_blank" rel="noopener noreferrer">${url}</a>`);
    return html;
  }

  function timeOf(iso) {
    const d = new Date(iso);
    return d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  function dayOf(iso) {
    const d = new Date(iso);
    const today = new Date();
    if (d.toDateString() === today.toDateString()) return 'Today';
    return d.toLocaleDateString([], { day: 'numeric', month: 'long', year: 'numeric' });
  }

  function el(tag, className, html) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (html !== undefined) node.innerHTML = html;
    return node;
  }

  function mediaUrl(id) {
    return `/simulator/api/media/${encodeURIComponent(id)}`;
  }

  function prettyPhone(digits) {
    const d = String(digits || '').replace(/\D/g, '');
    if (d.startsWith('91') && d.length === 12) return `+91 ${d.slice(2, 7)} ${d.slice(7)}`;
    return d ? `+${d}` : '';
  }

  // ---------------------------------------------------------------- rendering

  function scrollToEnd() {
    messagesEl.scrollTop = messagesEl.scrollHeight;
  }

  function addDayChip(iso) {
    const day = dayOf(iso);
    if (day === state.lastDay) return;
    state.lastDay = day;
    messagesEl.appendChild(el('div', 'day-chip', escapeHtml(day)));
  }

  /** The meta row under a bubble's content: time, ticks (citizen) and the Raw JSON toggle. */
  function addMeta(bubble, { at, raw, rawLabel, tickFor, reactTo }) {
    const meta = el('div', 'meta');
    if (reactTo) {
      const react = el('button', 'react', '👍');
      react.type = 'button';
      react.title = 'React with 👍';
      react.addEventListener('click', () => send({ type: 'reaction', messageId: reactTo, emoji: '👍' }));
      meta.appendChild(react);
    }
    if (raw !== undefined) {
      const toggle = el('button', 'raw-toggle', rawLabel || 'Raw JSON');
      toggle.type = 'button';
      toggle.setAttribute('aria-expanded', 'false');
      let pre = null;
      toggle.addEventListener('click', () => {
        if (pre) {
          pre.remove();
          pre = null;
          toggle.setAttribute('aria-expanded', 'false');
          return;
        }
        pre = el('pre', 'raw');
        pre.textContent = JSON.stringify(raw, null, 2);
        bubble.appendChild(pre);
        toggle.setAttribute('aria-expanded', 'true');
      });
      meta.appendChild(toggle);
    }
    meta.appendChild(el('span', 'time', escapeHtml(timeOf(at))));
    if (tickFor) {
      const tick = el('span', 'tick');
      meta.appendChild(tick);
      state.ticks.set(tickFor.wamid, tick);
      setTick(tick, tickFor.status);
    }
    bubble.appendChild(meta);
  }

  function setTick(tick, status) {
    tick.className = 'tick';
    tick.title = status;
    if (status === 'pending') tick.textContent = '🕓';
    else if (status === 'sent') tick.textContent = '✓';
    else if (status === 'delivered') tick.textContent = '✓✓';
    else if (status === 'read') {
      tick.textContent = '✓✓';
      tick.classList.add('read');
    } else if (status === 'failed') {
      tick.textContent = '⚠';
      tick.classList.add('failed');
    }
  }

  function quoteHtml(replyTo) {
    if (!replyTo || !state.snippets.has(replyTo)) return '';
    return `<div class="reply-quote"><b>Mitra</b>${escapeHtml(state.snippets.get(replyTo))}</div>`;
  }

  /** A document (or any file) card with a PDF icon; clicking downloads the file. */
  function fileCard({ href, filename, mimeType }) {
    const isPdf = /pdf/i.test(mimeType || '') || /\.pdf$/i.test(filename || '');
    const ext = (filename && filename.includes('.') ? filename.split('.').pop() : 'FILE').slice(0, 4).toUpperCase();
    const card = el('a', 'file-card');
    card.href = href;
    card.setAttribute('download', filename || 'document');
    card.innerHTML =
      `<span class="file-icon${isPdf ? '' : ' generic'}">${escapeHtml(isPdf ? 'PDF' : ext)}</span>` +
      `<span><div class="file-name">${escapeHtml(filename || 'document')}</div>` +
      `<div class="file-sub">${escapeHtml(isPdf ? 'PDF document' : mimeType || 'File')}</div></span>` +
      '<span class="file-download" aria-hidden="true">⤓</span>';
    return card;
  }

  function headerHtml(header) {
    if (!header) return '';
    if (header.type === 'text') return `<div class="header">${formatWhatsAppText(header.text)}</div>`;
    if (header.type === 'image' && header.image && header.image.id) {
      return `<img class="media" alt="" src="${mediaUrl(header.image.id)}">`;
    }
    return '';
  }

  /** Renders one message Mitra sent: `body` is the exact Graph API JSON. */
  function renderOutbound(ev) {
    const body = ev.body || {};
    const wrap = el('div', 'msg from-mitra');
    wrap.dataset.wamid = ev.id;
    wrap.dataset.type = body.type === 'interactive' ? `interactive:${body.interactive && body.interactive.type}` : body.type;
    const bubble = el('div', 'bubble');
    wrap.appendChild(bubble);
    let snippet = '';

    if (body.type === 'text') {
      bubble.appendChild(el('div', 'body', formatWhatsAppText(body.text.body)));
      snippet = body.text.body;
    } else if (body.type === 'interactive') {
      const it = body.interactive;
      bubble.insertAdjacentHTML('beforeend', headerHtml(it.header));
      if (it.body) bubble.appendChild(el('div', 'body', formatWhatsAppText(it.body.text)));
      if (it.footer) bubble.appendChild(el('div', 'footer', escapeHtml(it.footer.text)));
      snippet = it.body ? it.body.text : '';
      if (it.type === 'list') {
        const open = el('button', 'list-open', `<span aria-hidden="true">☰</span> ${escapeHtml(it.action.button)}`);
        open.type = 'button';
        open.addEventListener('click', () => openListSheet(ev.id, it.action));
        bubble.appendChild(open);
      } else if (it.type === 'button') {
        const buttons = el('div', 'reply-buttons');
        for (const b of it.action.buttons || []) {
          const button = el('button', '', escapeHtml(b.reply.title));
          button.type = 'button';
          button.dataset.replyId = b.reply.id;
          button.addEventListener('click', () =>
            send({ type: 'button_reply', id: b.reply.id, title: b.reply.title, replyTo: ev.id }));
          buttons.appendChild(button);
        }
        wrap.appendChild(buttons);
      } else if (it.type === 'cta_url') {
        const p = it.action.parameters || {};
        const link = el('a', 'bubble-action', `<span aria-hidden="true">↗</span> ${escapeHtml(p.display_text)}`);
        link.href = p.url;
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
        bubble.appendChild(link);
      } else if (it.type === 'location_request_message') {
        const button = el('button', 'bubble-action', '<span aria-hidden="true">📍</span> Send location');
        button.type = 'button';
        button.addEventListener('click', () => openLocationSheet(ev.id));
        bubble.appendChild(button);
      } else {
        bubble.appendChild(el('div', 'footer', `(interactive type “${escapeHtml(it.type)}” is shown only as raw JSON)`));
      }
    } else if (body.type === 'document') {
      const doc = body.document;
      const href = doc.id ? mediaUrl(doc.id) : doc.link;
      bubble.appendChild(fileCard({ href, filename: doc.filename, mimeType: ev.mimeType }));
      if (doc.caption) bubble.appendChild(el('div', 'caption', formatWhatsAppText(doc.caption)));
      snippet = `📄 ${doc.filename || 'Document'}`;
    } else if (body.type === 'image') {
      const img = el('img', 'media');
      img.alt = body.image.caption || 'image';
      img.src = body.image.id ? mediaUrl(body.image.id) : body.image.link;
      bubble.appendChild(img);
      if (body.image.caption) bubble.appendChild(el('div', 'caption', formatWhatsAppText(body.image.caption)));
      snippet = '🖼 Photo';
    } else if (body.type === 'audio') {
      const audio = el('audio');
      audio.controls = true;
      audio.src = body.audio.id ? mediaUrl(body.audio.id) : body.audio.link;
      bubble.appendChild(audio);
      snippet = '🎤 Voice message';
    } else if (body.type === 'template') {
      const t = body.template;
      bubble.appendChild(el('div', 'template-tag', `template · ${escapeHtml(t.name)} · ${escapeHtml(t.language && t.language.code)}`));
      const text = ev.rendered || templateFallback(t);
      bubble.appendChild(el('div', 'body', formatWhatsAppText(text)));
      snippet = text;
    } else {
      bubble.appendChild(el('div', 'footer', `(message type “${escapeHtml(body.type)}” is shown only as raw JSON)`));
    }

    addMeta(bubble, { at: ev.at, raw: body, reactTo: ev.id });
    state.snippets.set(ev.id, (snippet || '').slice(0, 90));
    return wrap;
  }

  function templateFallback(t) {
    const params = [];
    for (const c of t.components || []) {
      for (const p of c.parameters || []) if (p.type === 'text') params.push(`${p.parameter_name || '•'}: ${p.text}`);
    }
    return `[${t.name}]${params.length ? `\n${params.join('\n')}` : ''}`;
  }

  /** Renders one message the citizen sent (our simulated input). */
  function renderInbound(ev) {
    const input = ev.input;
    const wrap = el('div', 'msg from-citizen');
    wrap.dataset.wamid = ev.wamid;
    const bubble = el('div', 'bubble');
    wrap.appendChild(bubble);
    bubble.insertAdjacentHTML('beforeend', quoteHtml(input.replyTo));
    switch (input.type) {
      case 'text':
        bubble.appendChild(el('div', 'body', formatWhatsAppText(input.text)));
        break;
      case 'button_reply':
        bubble.appendChild(el('div', 'body', escapeHtml(input.title)));
        break;
      case 'list_reply':
        bubble.appendChild(el('div', 'body', escapeHtml(input.title)));
        if (input.description) bubble.appendChild(el('div', 'footer', escapeHtml(input.description)));
        break;
      case 'image': {
        const img = el('img', 'media');
        img.alt = input.filename || 'photo';
        img.src = mediaUrl(input.mediaId);
        bubble.appendChild(img);
        if (input.caption) bubble.appendChild(el('div', 'caption', formatWhatsAppText(input.caption)));
        break;
      }
      case 'document':
        bubble.appendChild(fileCard({ href: mediaUrl(input.mediaId), filename: input.filename, mimeType: input.mimeType }));
        if (input.caption) bubble.appendChild(el('div', 'caption', formatWhatsAppText(input.caption)));
        break;
      case 'location':
        bubble.appendChild(el('div', 'location-card',
          '<span class="pin" aria-hidden="true">📍</span><span>' +
          (input.name ? `<b>${escapeHtml(input.name)}</b><br>` : '') +
          (input.address ? `${escapeHtml(input.address)}<br>` : '') +
          `<span class="file-sub">${Number(input.latitude).toFixed(4)}, ${Number(input.longitude).toFixed(4)}</span></span>`));
        break;
      case 'sticker':
        bubble.appendChild(el('div', 'sticker', '🙂'));
        break;
      case 'contacts':
        bubble.appendChild(el('div', 'location-card',
          `<span class="pin" aria-hidden="true">👤</span><span><b>${escapeHtml(input.name || 'Contact')}</b><br>` +
          `<span class="file-sub">${escapeHtml(input.phone || '')}</span></span>`));
        break;
      case 'reaction':
        bubble.appendChild(el('div', 'reaction-chip',
          input.emoji ? `Reacted ${escapeHtml(input.emoji)} to a message` : 'Removed a reaction'));
        break;
      case 'voice': {
        const audio = el('audio');
        audio.controls = true;
        audio.src = mediaUrl(input.mediaId);
        bubble.appendChild(el('div', 'footer', '🎤 Voice message'));
        bubble.appendChild(audio);
        break;
      }
      case 'unsupported':
        bubble.appendChild(el('div', 'footer', `<i>(an unsupported message: ${escapeHtml(input.kind || 'unknown')})</i>`));
        break;
      default:
        bubble.appendChild(el('div', 'footer', escapeHtml(input.type)));
    }
    addMeta(bubble, { at: ev.at, raw: ev.webhook, rawLabel: 'Webhook JSON', tickFor: { wamid: ev.wamid, status: ev.status } });
    return wrap;
  }

  function renderEvent(ev) {
    if (ev.kind === 'status') {
      const tick = state.ticks.get(ev.wamid);
      if (tick) setTick(tick, ev.status);
      return;
    }
    const notice = $('connection-notice');
    if (notice) notice.remove();
    addDayChip(ev.at);
    const node = ev.kind === 'out' ? renderOutbound(ev) : renderInbound(ev);
    messagesEl.appendChild(node);
    scrollToEnd();
  }

  // ---------------------------------------------------------------- sheets

  function closeSheets() {
    for (const sheet of document.querySelectorAll('.sheet')) sheet.hidden = true;
    backdrop.hidden = true;
  }

  function openSheet(id) {
    closeSheets();
    attachMenu.hidden = true;
    backdrop.hidden = false;
    $(id).hidden = false;
  }

  function openListSheet(wamid, action) {
    $('list-sheet-title').textContent = action.button;
    const body = $('list-sheet-body');
    body.innerHTML = '';
    for (const section of action.sections || []) {
      if (section.title) body.appendChild(el('div', 'sheet-section-title', escapeHtml(section.title)));
      for (const row of section.rows || []) {
        const button = el('button', 'sheet-row',
          `<span class="row-text"><div class="row-title">${escapeHtml(row.title)}</div>` +
          (row.description ? `<div class="row-description">${escapeHtml(row.description)}</div>` : '') +
          '</span><span class="radio" aria-hidden="true"></span>');
        button.type = 'button';
        button.dataset.rowId = row.id;
        button.addEventListener('click', () => {
          closeSheets();
          send({ type: 'list_reply', id: row.id, title: row.title, description: row.description, replyTo: wamid });
        });
        body.appendChild(button);
      }
    }
    openSheet('list-sheet');
  }

  let locationReplyTo = undefined;
  function openLocationSheet(replyTo) {
    locationReplyTo = replyTo;
    openSheet('location-sheet');
  }

  // ---------------------------------------------------------------- sending

  async function send(input) {
    try {
      const response = await fetch('/simulator/api/send', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ waId: state.waId, profileName: state.profileName, input }),
      });
      if (!response.ok) {
        const problem = await response.json().catch(() => ({}));
        showNotice(`Not sent: ${problem.error || response.statusText}`);
      }
    } catch (err) {
      showNotice(`Not sent: ${err.message}`);
    }
  }

  function showNotice(text) {
    const notice = el('div', 'notice', escapeHtml(text));
    messagesEl.appendChild(notice);
    scrollToEnd();
  }

  function readFileBase64(file) {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(file);
    });
  }

  async function sendFile(kind, file) {
    if (!file) return;
    if (file.size > MAX_UPLOAD_BYTES) {
      showNotice(`File too large for the simulator (${Math.round(file.size / 1048576)} MB).`);
      return;
    }
    const base64 = await readFileBase64(file);
    const caption = kind === 'voice' ? undefined : textInput.value.trim() || undefined;
    if (caption) textInput.value = '';
    const mimeType = file.type || (kind === 'voice' ? 'audio/ogg; codecs=opus' : 'application/octet-stream');
    if (kind === 'voice') await send({ type: 'voice', base64, mimeType });
    else await send({ type: kind, base64, mimeType, filename: file.name, caption });
  }

  // ---------------------------------------------------------------- connection

  function connect() {
    if (state.source) state.source.close();
    state.events = [];
    state.ticks.clear();
    state.snippets.clear();
    state.lastDay = '';
    messagesEl.innerHTML = '<div class="notice" id="connection-notice">' +
      `Chatting as ${escapeHtml(state.profileName)} (${escapeHtml(prettyPhone(state.waId))}). Say “Hi” to start.</div>`;
    const source = new EventSource(`/simulator/api/events?waId=${encodeURIComponent(state.waId)}`);
    state.source = source;
    source.addEventListener('history', (e) => {
      const history = JSON.parse(e.data);
      for (const ev of history) {
        state.events.push(ev);
        renderEvent(ev);
      }
    });
    source.addEventListener('sim', (e) => {
      const ev = JSON.parse(e.data);
      state.events.push(ev);
      renderEvent(ev);
    });
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) showNotice('Disconnected from Mitra. Reload the page.');
    });
  }

  // ---------------------------------------------------------------- golden export (STYLE.md 8)

  /** Groups the conversation into steps: each citizen input with the Graph bodies that followed it. */
  function goldenSteps(events) {
    const steps = [];
    let current = null;
    for (const ev of events) {
      if (ev.kind === 'in') {
        current = { in: ev.input, out: [] };
        steps.push(current);
      } else if (ev.kind === 'out') {
        if (!current) {
          current = { in: null, out: [] };
          steps.push(current);
        }
        current.out.push(ev.body);
      }
    }
    return steps;
  }

  function exportGolden() {
    const golden = {
      format: 'mitra-simulator-golden/1',
      exportedAt: new Date().toISOString(),
      waId: state.waId,
      profileName: state.profileName,
      steps: goldenSteps(state.events),
    };
    const blob = new Blob([`${JSON.stringify(golden, null, 2)}\n`], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `golden-${state.waId}-${Date.now()}.json`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }
  // Exposed for tests and for the console.
  window.mitraSimulator = { goldenSteps: () => goldenSteps(state.events), state };

  // ---------------------------------------------------------------- wiring

  function loadCitizen() {
    try {
      const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) || 'null');
      if (saved && saved.waId) {
        state.waId = saved.waId;
        state.profileName = saved.profileName || state.profileName;
      }
    } catch {
      /* private mode or bad data: keep the defaults */
    }
    const params = new URLSearchParams(location.search);
    if (params.get('waId')) state.waId = params.get('waId').replace(/\D/g, '');
    if (params.get('name')) state.profileName = params.get('name');
    $('wa-id').value = state.waId;
    $('profile-name').value = state.profileName;
  }

  $('composer').addEventListener('submit', (e) => {
    e.preventDefault();
    const text = textInput.value.trim();
    if (!text) return;
    textInput.value = '';
    send({ type: 'text', text });
  });

  $('attach-button').addEventListener('click', () => {
    attachMenu.hidden = !attachMenu.hidden;
    $('attach-button').setAttribute('aria-expanded', String(!attachMenu.hidden));
  });

  attachMenu.addEventListener('click', (e) => {
    const button = e.target.closest('button[data-attach]');
    if (!button) return;
    attachMenu.hidden = true;
    const kind = button.dataset.attach;
    if (kind === 'photo') $('photo-input').click();
    else if (kind === 'document') $('document-input').click();
    else if (kind === 'voice') $('voice-input').click();
    else if (kind === 'location') openLocationSheet(undefined);
    else if (kind === 'contact') openSheet('contact-sheet');
    else if (kind === 'sticker') send({ type: 'sticker' });
    else if (kind === 'unsupported') send({ type: 'unsupported', kind: 'edit' });
  });

  $('photo-input').addEventListener('change', (e) => { sendFile('image', e.target.files[0]); e.target.value = ''; });
  $('document-input').addEventListener('change', (e) => { sendFile('document', e.target.files[0]); e.target.value = ''; });
  $('voice-input').addEventListener('change', (e) => { sendFile('voice', e.target.files[0]); e.target.value = ''; });

  const presets = $('location-presets');
  const locationForm = $('location-form');
  for (const preset of LOCATION_PRESETS) {
    const button = el('button', '', escapeHtml(preset.name));
    button.type = 'button';
    button.addEventListener('click', () => {
      locationForm.latitude.value = String(preset.latitude);
      locationForm.longitude.value = String(preset.longitude);
      locationForm.name.value = preset.name;
      locationForm.address.value = preset.address;
    });
    presets.appendChild(button);
  }
  locationForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const f = locationForm;
    closeSheets();
    send({
      type: 'location',
      latitude: Number(f.latitude.value),
      longitude: Number(f.longitude.value),
      name: f.name.value.trim() || undefined,
      address: f.address.value.trim() || undefined,
      replyTo: locationReplyTo,
    });
  });

  $('contact-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const f = e.target;
    closeSheets();
    send({ type: 'contacts', name: f.name.value.trim(), phone: f.phone.value.trim() });
  });

  for (const button of document.querySelectorAll('.close-sheet')) button.addEventListener('click', closeSheets);
  backdrop.addEventListener('click', closeSheets);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      closeSheets();
      attachMenu.hidden = true;
    }
  });

  $('settings-button').addEventListener('click', () => {
    const form = $('citizen-form');
    form.hidden = !form.hidden;
    $('settings-button').setAttribute('aria-expanded', String(!form.hidden));
  });

  $('citizen-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const waId = $('wa-id').value.replace(/\D/g, '');
    if (waId.length < 6) return;
    state.waId = waId;
    state.profileName = $('profile-name').value.trim() || 'Citizen';
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ waId: state.waId, profileName: state.profileName }));
    } catch {
      /* storage unavailable: the switch still works for this tab */
    }
    $('citizen-form').hidden = true;
    connect();
  });

  $('export-button').addEventListener('click', exportGolden);

  fetch('/simulator/api/config')
    .then((r) => (r.ok ? r.json() : null))
    .then((config) => {
      if (config && config.displayPhoneNumber) {
        $('business-number').textContent = `${prettyPhone(config.displayPhoneNumber)} · Official WhatsApp`;
      }
    })
    .catch(() => {});

  loadCitizen();
  connect();
})();
