// Mitra officer console: a small vanilla script over the officer API (/docs). Views: sign in,
// inbox (most urgent first, with filters and SLA badges) and one application (answers,
// documents, history, actions with a reason). English and Telugu. Every POST carries the
// session's CSRF token; nothing from the API is ever inserted as HTML.
'use strict';

const TEXTS = {
  en: {
    title: 'Officer console', logout: 'Sign out', sign_in_title: 'Sign in', sign_in_lead: 'For officers of Andhra Pradesh departments.',
    username: 'Username', password: 'Password', sign_in: 'Sign in', signing_in: 'Signing in…',
    wrong_password: 'Wrong username or password.',
    locked: 'Too many wrong passwords. This account is locked until {time} (about {minutes} min). Please try again then.',
    expired: 'Your session has ended. Please sign in again.', signed_out: 'You have signed out.',
    network: 'Cannot reach the server. Check the connection and try again.',
    inbox: 'Inbox', status: 'Status', service: 'Service', overdue_only: 'Only overdue', all_services: 'All services',
    open: 'Open', closed: 'Closed', all: 'All',
    count_open: 'open', count_overdue: 'overdue', count_waiting: 'with citizens',
    col_sla: 'SLA', col_reference: 'Reference', col_applicant: 'Applicant', col_service: 'Service', col_status: 'Status', col_area: 'Area', col_due: 'Due',
    empty: 'No applications here.', your_action: 'Your action', showing: '{from}–{to} of {total}', previous: '◀ Previous', next: 'Next ▶',
    back: '◀ Inbox', answers: "Citizen's answers", documents: 'Documents', no_documents: 'No documents uploaded.', open_file: 'Open',
    history: 'History', no_history: 'No action taken yet.', decide: 'Decide', reason: 'Reason — the citizen will read it',
    reason_optional: 'Note (optional)', reason_required: 'Please write the reason: this action needs one, and the citizen will read it.',
    no_actions: 'Nothing for your role to do at this stage.', submitted: 'Submitted', language: 'Citizen writes in',
    state_deadline: 'This step due', overall_deadline: 'Overall due', paused: 'paused (waiting for the citizen)',
    breaches: 'SLA breaches', escalated_to: 'escalated to {role}', breach_state: 'step', breach_overall: 'overall',
    done: '{action}. The citizen has been told on WhatsApp.', failed: 'Could not do that: {message}',
    not_found: 'This application does not exist, or it is outside your jurisdiction.',
    due_in: 'in {d}', late_by: '{d} late', days: '{n} d', hours: '{n} h', minutes: '{n} min', unknown_area: '—', pdf: 'PDF',
    officer_note: 'Note to the citizen', from_to: '{from} → {to}', by: 'by {who}',
    certificate: 'Certificate', cert_state_valid: 'Valid', cert_state_revoked: 'Revoked', cert_issued: 'Issued {date}', cert_revoked: 'Revoked {date} by {who}: {reason}', cert_pending: 'Being issued: the certificate is signed and sent to the citizen within a few seconds.',
    cert_verify: 'Verification page', cert_pdf: 'PDF', revoke: 'Revoke certificate', revoke_reason: 'Reason for revoking — the citizen and anyone who verifies it will read it',
    revoke_confirm: 'Revoke certificate {number}? Verifiers will see it as revoked at once. This cannot be undone.', revoked_done: 'Certificate {number} revoked. The citizen has been told on WhatsApp.',
  },
  te: {
    title: 'అధికారుల కన్సోల్', logout: 'లాగ్ అవుట్', sign_in_title: 'లాగిన్', sign_in_lead: 'ఆంధ్రప్రదేశ్ ప్రభుత్వ శాఖల అధికారుల కోసం.',
    username: 'వినియోగదారు పేరు', password: 'పాస్‌వర్డ్', sign_in: 'లాగిన్', signing_in: 'లాగిన్ అవుతోంది…',
    wrong_password: 'వినియోగదారు పేరు లేదా పాస్‌వర్డ్ తప్పు.',
    locked: 'తప్పు పాస్‌వర్డ్‌లు ఎక్కువసార్లు వచ్చాయి. ఈ ఖాతా {time} వరకు (సుమారు {minutes} నిమిషాలు) నిలిపివేయబడింది. ఆ తర్వాత మళ్లీ ప్రయత్నించండి.',
    expired: 'మీ సెషన్ ముగిసింది. దయచేసి మళ్లీ లాగిన్ అవ్వండి.', signed_out: 'మీరు లాగ్ అవుట్ అయ్యారు.',
    network: 'సర్వర్ అందుబాటులో లేదు. కనెక్షన్ చూసి మళ్లీ ప్రయత్నించండి.',
    inbox: 'ఇన్‌బాక్స్', status: 'స్థితి', service: 'సేవ', overdue_only: 'గడువు దాటినవి మాత్రమే', all_services: 'అన్ని సేవలు',
    open: 'తెరిచి ఉన్నవి', closed: 'ముగిసినవి', all: 'అన్నీ',
    count_open: 'తెరిచి ఉన్నవి', count_overdue: 'గడువు దాటినవి', count_waiting: 'పౌరుల వద్ద',
    col_sla: 'గడువు స్థితి', col_reference: 'సూచన సంఖ్య', col_applicant: 'దరఖాస్తుదారు', col_service: 'సేవ', col_status: 'స్థితి', col_area: 'ప్రాంతం', col_due: 'గడువు',
    empty: 'ఇక్కడ దరఖాస్తులు లేవు.', your_action: 'మీ చర్య', showing: 'మొత్తం {total} లో {from}–{to}', previous: '◀ వెనుకకు', next: 'తరువాత ▶',
    back: '◀ ఇన్‌బాక్స్', answers: 'పౌరుని జవాబులు', documents: 'పత్రాలు', no_documents: 'పత్రాలు ఏవీ జత చేయలేదు.', open_file: 'తెరవండి',
    history: 'చరిత్ర', no_history: 'ఇంకా ఏ చర్యా తీసుకోలేదు.', decide: 'నిర్ణయం', reason: 'కారణం — పౌరునికి చూపబడుతుంది',
    reason_optional: 'వ్యాఖ్య (ఐచ్ఛికం)', reason_required: 'దయచేసి కారణం రాయండి: ఈ చర్యకు అది తప్పనిసరి, పౌరుడు దాన్ని చదువుతారు.',
    no_actions: 'ఈ దశలో మీ పాత్రకు చర్య లేదు.', submitted: 'సమర్పించినది', language: 'పౌరుని భాష',
    state_deadline: 'ఈ దశ గడువు', overall_deadline: 'మొత్తం గడువు', paused: 'ఆగి ఉంది (పౌరుని జవాబు కోసం)',
    breaches: 'గడువు ఉల్లంఘనలు', escalated_to: '{role} కు పంపబడింది', breach_state: 'దశ', breach_overall: 'మొత్తం',
    done: '{action}. పౌరునికి వాట్సాప్‌లో తెలియజేశాం.', failed: 'చేయలేకపోయాం: {message}',
    not_found: 'ఈ దరఖాస్తు లేదు, లేదా మీ పరిధిలో లేదు.',
    due_in: '{d} లో', late_by: '{d} ఆలస్యం', days: '{n} రోజులు', hours: '{n} గం', minutes: '{n} ని', unknown_area: '—', pdf: 'PDF',
    officer_note: 'పౌరునికి వ్యాఖ్య', from_to: '{from} → {to}', by: '{who} ద్వారా',
    certificate: 'ధృవీకరణ పత్రం', cert_state_valid: 'చెల్లుబాటు', cert_state_revoked: 'రద్దు', cert_issued: '{date} న జారీ', cert_revoked: '{date} న {who} రద్దు చేశారు: {reason}', cert_pending: 'జారీ అవుతోంది: కొన్ని క్షణాల్లో సంతకం చేసి పౌరునికి పంపబడుతుంది.',
    cert_verify: 'ధృవీకరణ పేజీ', cert_pdf: 'PDF', revoke: 'ధృవీకరణ పత్రం రద్దు', revoke_reason: 'రద్దుకు కారణం — పౌరుడు, దీన్ని ధృవీకరించే ప్రతి ఒక్కరూ చదువుతారు',
    revoke_confirm: 'ధృవీకరణ పత్రం {number} రద్దు చేయాలా? ధృవీకరించే వారికి వెంటనే రద్దు అని కనిపిస్తుంది. దీన్ని వెనక్కి తీసుకోలేరు.', revoked_done: 'ధృవీకరణ పత్రం {number} రద్దు చేయబడింది. పౌరునికి వాట్సాప్‌లో తెలియజేశాం.',
  },
};

const STATUS = {
  en: { submitted: 'Submitted', in_verification: 'In verification', pending_approval: 'Pending approval', info_requested: 'Information requested', escalated: 'Escalated', assigned: 'Assigned', resolved: 'Resolved', approved: 'Approved', rejected: 'Rejected', closed: 'Closed', withdrawn: 'Withdrawn', lapsed: 'Lapsed' },
  te: { submitted: 'సమర్పించబడింది', in_verification: 'ధృవీకరణలో', pending_approval: 'ఆమోదం కోసం', info_requested: 'సమాచారం అడిగారు', escalated: 'ఉన్నతాధికారికి', assigned: 'అప్పగించారు', resolved: 'పరిష్కరించారు', approved: 'ఆమోదించారు', rejected: 'తిరస్కరించారు', closed: 'ముగిసింది', withdrawn: 'ఉపసంహరించారు', lapsed: 'గడువు ముగిసింది' },
};
const SLA = {
  en: { on_time: 'On time', due_soon: 'Due soon', breached: 'Breached', waiting_for_citizen: 'With citizen', closed: 'Closed' },
  te: { on_time: 'సమయానికి', due_soon: 'గడువు దగ్గర', breached: 'గడువు దాటింది', waiting_for_citizen: 'పౌరుని వద్ద', closed: 'ముగిసింది' },
};
const ACTIONS = {
  en: { approve: 'Approve', reject: 'Reject', request_info: 'Ask for information', forward: 'Forward', verify: 'Verify', send_back: 'Send back', assign: 'Assign', resolve: 'Resolve', resubmit: 'Citizen replied', escalate: 'Escalated', lapse: 'Lapsed', auto_close: 'Closed automatically', withdraw: 'Withdrawn', close: 'Closed', reopen: 'Reopened', revoke_certificate: 'Revoke certificate' },
  te: { approve: 'ఆమోదించు', reject: 'తిరస్కరించు', request_info: 'సమాచారం అడుగు', forward: 'ముందుకు పంపు', verify: 'ధృవీకరించు', send_back: 'వెనక్కి పంపు', assign: 'అప్పగించు', resolve: 'పరిష్కరించు', resubmit: 'పౌరుడు జవాబిచ్చారు', escalate: 'ఉన్నతాధికారికి పంపారు', lapse: 'గడువు ముగిసింది', auto_close: 'స్వయంచాలకంగా ముగిసింది', withdraw: 'ఉపసంహరణ', close: 'ముగించారు', reopen: 'మళ్లీ తెరిచారు', revoke_certificate: 'ధృవీకరణ పత్రం రద్దు' },
};
/** What an action did, for the history (past tense). */
const DONE = {
  en: { approve: 'Approved', reject: 'Rejected', request_info: 'Asked for information', forward: 'Forwarded', verify: 'Verified', send_back: 'Sent back', assign: 'Assigned', resolve: 'Resolved', revoke_certificate: 'Certificate revoked' },
  te: { approve: 'ఆమోదించారు', reject: 'తిరస్కరించారు', request_info: 'సమాచారం అడిగారు', forward: 'ముందుకు పంపారు', verify: 'ధృవీకరించారు', send_back: 'వెనక్కి పంపారు', assign: 'అప్పగించారు', resolve: 'పరిష్కరించారు', revoke_certificate: 'ధృవీకరణ పత్రం రద్దు చేశారు' },
};
const ROLES = {
  en: { secretariat_staff: 'Secretariat staff', approving_officer: 'Approving officer', department_administrator: 'Department administrator', state_administrator: 'State administrator', citizen: 'Citizen', system: 'Mitra (automatic)' },
  te: { secretariat_staff: 'సచివాలయ సిబ్బంది', approving_officer: 'ఆమోదించే అధికారి', department_administrator: 'శాఖ నిర్వాహకులు', state_administrator: 'రాష్ట్ర నిర్వాహకులు', citizen: 'పౌరుడు', system: 'మిత్ర (స్వయంచాలకం)' },
};
const LANG_NAMES = { te: 'తెలుగు', en: 'English', hi: 'हिंदी' };
const OPEN_STATUSES = ['in_verification', 'pending_approval', 'info_requested', 'escalated', 'submitted', 'assigned', 'resolved'];
const CLOSED_STATUSES = ['approved', 'rejected', 'closed', 'withdrawn', 'lapsed'];
const PAGE = 25;

const state = {
  lang: localStorage.getItem('mitra.console.lang') === 'te' ? 'te' : 'en',
  officer: null,
  csrf: null,
  notice: null,
  services: null,
};

// ---------------------------------------------------------------------------------------
// Small helpers

function t(key, params = {}) {
  const text = TEXTS[state.lang][key] ?? TEXTS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}
const label = (table, key) => table[state.lang][key] ?? table.en[key] ?? key;

/** Builds an element; children are nodes or text (never parsed as HTML). */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

const app = () => document.getElementById('app');
function render(...nodes) {
  app().replaceChildren(...nodes.filter((n) => n !== null && n !== undefined));
}

function fmtTime(iso) {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(state.lang === 'te' ? 'te-IN' : 'en-IN', { timeZone: 'Asia/Kolkata', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}
function fmtSpan(ms) {
  const abs = Math.abs(ms);
  if (abs >= 86_400_000) return t('days', { n: Math.round(abs / 86_400_000) });
  if (abs >= 3_600_000) return t('hours', { n: Math.round(abs / 3_600_000) });
  return t('minutes', { n: Math.max(1, Math.round(abs / 60_000)) });
}
function dueText(sla) {
  if (!sla || sla.status === 'closed') return null;
  if (sla.remainingMs === null || sla.remainingMs === undefined) return h('span', { class: 'due' }, sla.status === 'waiting_for_citizen' ? label(SLA, 'waiting_for_citizen') : '—');
  const late = sla.remainingMs < 0;
  return h('span', { class: `due${late ? ' late' : ''}`, title: fmtTime(sla.deadline) }, late ? t('late_by', { d: fmtSpan(sla.remainingMs) }) : t('due_in', { d: fmtSpan(sla.remainingMs) }));
}
const badge = (status) => h('span', { class: `badge ${status}` }, label(SLA, status));
const statusPill = (status) => h('span', { class: `status ${status}` }, label(STATUS, status));
/** A mandal as stored ("vijayawada-rural") as people write it ("Vijayawada Rural"). */
const titleCase = (s) => s.replace(/-/g, ' ').replace(/(^|\s)\S/g, (c) => c.toUpperCase());
const area = (item) => [item.mandal && titleCase(item.mandal), item.districtName ?? item.district].filter(Boolean).join(', ') || t('unknown_area');

class ApiError extends Error {
  constructor(status, body) {
    super(body?.message ?? `HTTP ${status}`);
    this.status = status;
    this.body = body ?? {};
  }
}

async function api(method, path, body, options = {}) {
  const headers = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && state.csrf) headers['x-csrf-token'] = state.csrf;
  let res;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, { error: 'network', message: t('network') });
  }
  if (res.status === 204) return null;
  const data = await res.json().catch(() => ({}));
  if (res.status === 401 && !path.endsWith('/login') && !options.probe) {
    state.officer = null;
    state.csrf = null;
    state.notice = { kind: 'info', text: t('expired') };
    navigate('#/login');
    throw new ApiError(401, data);
  }
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}

// ---------------------------------------------------------------------------------------
// Chrome: top bar, language

function renderChrome() {
  document.documentElement.lang = state.lang;
  document.title = `Mitra · ${t('title')}`;
  for (const el of document.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t);
  const switcher = document.getElementById('lang-switch');
  switcher.textContent = state.lang === 'te' ? 'English' : 'తెలుగు';
  switcher.lang = state.lang === 'te' ? 'en' : 'te';
  const who = document.getElementById('who');
  const logout = document.getElementById('logout');
  if (state.officer) {
    const o = state.officer;
    const where = [o.mandal && titleCase(o.mandal), o.districtName?.[state.lang] ?? o.district, o.department && titleCase(o.department)].filter(Boolean).join(' · ');
    who.replaceChildren(h('span', {}, o.username), h('small', {}, `${label(ROLES, o.role)}${where ? ` · ${where}` : ''}`));
    who.hidden = false;
    logout.hidden = false;
  } else {
    who.hidden = true;
    logout.hidden = true;
  }
}

// ---------------------------------------------------------------------------------------
// Views

function loginView() {
  const notice = state.notice;
  state.notice = null;
  const error = h('div', { class: 'alert error', role: 'alert', id: 'login-error', hidden: true });
  const user = h('input', { type: 'text', id: 'username', name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false' });
  const pass = h('input', { type: 'password', id: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { class: 'primary', type: 'submit' }, t('sign_in'));
  const form = h('form', {
    class: 'card login', id: 'login-form', novalidate: true,
    async onsubmit(e) {
      e.preventDefault();
      error.hidden = true;
      submit.disabled = true;
      submit.textContent = t('signing_in');
      try {
        const session = await api('POST', '/api/officer/login', { username: user.value.trim(), password: pass.value });
        state.officer = session.officer;
        state.csrf = session.csrfToken;
        pass.value = '';
        navigate('#/inbox');
      } catch (err) {
        pass.value = '';
        if (err.status === 429) {
          const until = err.body.lockedUntil;
          error.textContent = t('locked', { time: fmtTime(until), minutes: Math.ceil((err.body.retryAfterSeconds ?? 900) / 60) });
        } else if (err.status === 401) error.textContent = t('wrong_password');
        else error.textContent = err.message;
        error.hidden = false;
      } finally {
        submit.disabled = false;
        submit.textContent = t('sign_in');
      }
    },
  },
  h('h1', {}, t('sign_in_title')),
  h('p', { class: 'lead' }, t('sign_in_lead')),
  notice ? h('div', { class: `alert ${notice.kind}` }, notice.text) : null,
  h('label', { for: 'username' }, t('username')), user,
  h('label', { for: 'password' }, t('password')), pass,
  submit, error);
  render(form);
  user.focus();
}

function parseQuery(hash) {
  const q = hash.split('?')[1] ?? '';
  return Object.fromEntries(new URLSearchParams(q));
}

async function servicesFor(officer) {
  if (state.services) return state.services;
  try {
    const res = await fetch('/api/catalog');
    const catalog = await res.json();
    const list = [];
    for (const d of catalog.departments) {
      if (officer.department && d.id !== officer.department) continue;
      for (const s of d.services) if (['certificate', 'application', 'grievance'].includes(s.kind)) list.push(s);
    }
    state.services = list;
  } catch {
    state.services = [];
  }
  return state.services;
}

async function inboxView(query) {
  const status = query.status ?? 'open';
  const service = query.service ?? '';
  const overdue = query.overdue === 'true';
  const offset = Number(query.offset ?? 0) || 0;
  const params = new URLSearchParams({ status, limit: String(PAGE), offset: String(offset), lang: state.lang });
  if (service) params.set('service', service);
  if (overdue) params.set('overdue', 'true');
  const [data, services] = await Promise.all([api('GET', `/api/officer/applications?${params}`), servicesFor(state.officer)]);

  const go = (next) => {
    const merged = { status, service, overdue: overdue ? 'true' : '', ...next };
    const qs = new URLSearchParams(Object.entries(merged).filter(([, v]) => v !== '' && v !== undefined && v !== '0'));
    location.hash = `#/inbox?${qs}`;
  };
  const statusSelect = h('select', { id: 'filter-status', onchange: (e) => go({ status: e.target.value, offset: '0' }) },
    ['open', 'all', 'closed', ...OPEN_STATUSES, ...CLOSED_STATUSES].map((s) =>
      h('option', { value: s, selected: s === status }, ['open', 'all', 'closed'].includes(s) ? t(s) : label(STATUS, s))));
  const serviceSelect = h('select', { id: 'filter-service', onchange: (e) => go({ service: e.target.value, offset: '0' }) },
    h('option', { value: '' }, t('all_services')),
    services.map((s) => h('option', { value: s.id, selected: s.id === service }, s.name[state.lang] ?? s.name.en)));
  const overdueBox = h('input', { type: 'checkbox', id: 'filter-overdue', checked: overdue, onchange: (e) => go({ overdue: e.target.checked ? 'true' : '', offset: '0' }) });

  const rows = data.items.map((item) => {
    const open = () => { location.hash = `#/a/${encodeURIComponent(item.id)}`; };
    return h('tr', { 'data-id': item.id, 'data-reference': item.reference, onclick: open },
      h('td', { class: 'sla' }, badge(item.sla.status)),
      h('td', { class: 'ref' }, h('a', { href: `#/a/${encodeURIComponent(item.id)}`, onclick: (e) => e.stopPropagation() }, item.reference),
        item.actionable ? h('span', { class: 'mine' }, t('your_action')) : null),
      h('td', { class: 'wide' }, item.applicantName ?? '—', h('span', { class: 'sub' }, item.service.name)),
      h('td', { class: 'wide' }, statusPill(item.status)),
      h('td', { class: 'wide' }, area(item)),
      h('td', { class: 'wide' }, dueText(item.sla)));
  });
  const table = data.items.length === 0
    ? h('div', { class: 'card empty' }, t('empty'))
    : h('table', { class: 'inbox', id: 'inbox-table' },
      h('thead', {}, h('tr', {}, ['col_sla', 'col_reference', 'col_applicant', 'col_status', 'col_area', 'col_due'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, rows));
  const to = Math.min(offset + data.items.length, data.total);
  const pager = data.total > PAGE ? h('div', { class: 'pager' },
    h('button', { type: 'button', disabled: offset === 0, onclick: () => go({ offset: String(Math.max(0, offset - PAGE)) }) }, t('previous')),
    h('span', {}, t('showing', { from: data.total ? offset + 1 : 0, to, total: data.total })),
    h('button', { type: 'button', disabled: to >= data.total, onclick: () => go({ offset: String(offset + PAGE) }) }, t('next'))) : null;

  render(
    h('div', { class: 'inbox-head' },
      h('h1', {}, t('inbox')),
      h('div', { class: 'counts' },
        h('span', { class: 'chip' }, h('strong', {}, data.counts.open), t('count_open')),
        h('span', { class: `chip${data.counts.overdue ? ' bad' : ''}` }, h('strong', {}, data.counts.overdue), t('count_overdue')),
        h('span', { class: 'chip wait' }, h('strong', {}, data.counts.waitingForCitizen), t('count_waiting')))),
    h('div', { class: 'filters' },
      h('div', { class: 'field' }, h('label', { for: 'filter-status' }, t('status')), statusSelect),
      h('div', { class: 'field' }, h('label', { for: 'filter-service' }, t('service')), serviceSelect),
      h('label', { class: 'check', for: 'filter-overdue' }, overdueBox, t('overdue_only'))),
    table, pager);
}

function documentTile(doc) {
  const isImage = doc.mimeType.startsWith('image/');
  const preview = isImage
    ? h('img', { src: doc.url, alt: doc.filename, loading: 'lazy' })
    : h('object', { data: doc.url, type: 'application/pdf', 'aria-label': doc.filename }, h('div', { class: 'pdf-fallback' }, t('pdf')));
  return h('figure', { class: 'doc' },
    preview,
    h('figcaption', { class: 'cap' }, h('span', { title: doc.filename }, doc.filename), h('a', { href: doc.url, target: '_blank', rel: 'noopener' }, t('open_file'))));
}

function historyItem(entry) {
  const who = entry.actorRole === 'system' ? label(ROLES, 'system') : entry.actorRole === 'citizen' ? label(ROLES, 'citizen') : `${entry.actor} (${label(ROLES, entry.actorRole)})`;
  const escalated = entry.details?.escalateTo ? ` → ${label(ROLES, entry.details.escalateTo)}` : '';
  return h('li', { class: entry.actorRole === 'system' ? 'system' : entry.actorRole === 'citizen' ? 'citizen' : '' },
    h('div', { class: 'what' }, DONE[state.lang][entry.action] ?? label(ACTIONS, entry.action), escalated),
    h('div', { class: 'when' }, `${fmtTime(entry.at)} · ${t('by', { who })} · ${t('from_to', { from: label(STATUS, entry.fromStatus), to: label(STATUS, entry.toStatus) })}`),
    entry.reason ? h('p', { class: 'reason' }, entry.reason) : null);
}

function actionsCard(view) {
  const message = h('div', { class: 'alert', role: 'status', hidden: true });
  if (view.actions.length === 0) {
    return h('section', { class: 'card actions', id: 'actions' }, h('h2', {}, t('decide')), h('p', { class: 'hint' }, t('no_actions')));
  }
  const needsReason = view.actions.some((a) => a.reasonRequired);
  const reason = h('textarea', { id: 'reason', maxlength: '1000' });
  const buttons = view.actions.map((a) => h('button', {
    class: `act ${a.action}`, type: 'button', 'data-action': a.action,
    async onclick(e) {
      const text = reason.value.trim();
      if (a.reasonRequired && !text) {
        message.className = 'alert error';
        message.textContent = t('reason_required');
        message.hidden = false;
        reason.focus();
        return;
      }
      for (const b of buttons) b.disabled = true;
      try {
        await api('POST', `/api/officer/applications/${encodeURIComponent(view.id)}/decision?lang=${state.lang}`, { action: a.action, ...(text ? { reason: text } : {}) });
        state.notice = { kind: 'success', text: t('done', { action: DONE[state.lang][a.action] ?? label(ACTIONS, a.action) }) };
        await route();
      } catch (err) {
        if (err.status === 401) return;
        message.className = 'alert error';
        message.textContent = t('failed', { message: err.message });
        message.hidden = false;
        for (const b of buttons) b.disabled = false;
      }
      e.target.blur();
    },
  }, label(ACTIONS, a.action)));
  return h('section', { class: 'card actions', id: 'actions' },
    h('h2', {}, t('decide')),
    h('label', { for: 'reason' }, needsReason ? t('reason') : t('reason_optional')), reason,
    h('div', { class: 'buttons' }, buttons), message);
}

function certificateCard(view) {
  const c = view.certificate;
  if (!c) return null;
  const message = h('div', { class: 'alert', role: 'status', hidden: true });
  const parts = [h('h2', {}, t('certificate')), h('p', { class: 'cert-number' }, h('strong', {}, c.number), ' ', h('span', { class: `status ${c.status === 'revoked' ? 'rejected' : 'approved'}` }, t(c.status === 'revoked' ? 'cert_state_revoked' : 'cert_state_valid')))];
  parts.push(h('p', { class: 'hint' }, c.status === 'revoked'
    ? t('cert_revoked', { date: fmtTime(c.revokedAt), who: c.revokedBy, reason: c.revokeReason })
    : c.deliveredAt ? t('cert_issued', { date: fmtTime(c.issuedAt) }) : t('cert_pending')));
  parts.push(h('p', { class: 'links' }, h('a', { href: c.verifyUrl, target: '_blank', rel: 'noopener' }, t('cert_verify')),
    c.pdfUrl ? [' · ', h('a', { href: c.pdfUrl, target: '_blank', rel: 'noopener' }, t('cert_pdf'))] : null));
  if (c.status !== 'revoked' && c.canRevoke) {
    const reason = h('textarea', { id: 'revoke-reason', maxlength: '1000' });
    const button = h('button', {
      class: 'act reject', type: 'button', id: 'revoke',
      async onclick() {
        const text = reason.value.trim();
        if (text.length < 5) {
          message.className = 'alert error';
          message.textContent = t('reason_required');
          message.hidden = false;
          reason.focus();
          return;
        }
        if (!window.confirm(t('revoke_confirm', { number: c.number }))) return;
        button.disabled = true;
        try {
          await api('POST', `/api/officer/applications/${encodeURIComponent(view.id)}/certificate/revoke`, { reason: text });
          state.notice = { kind: 'success', text: t('revoked_done', { number: c.number }) };
          await route();
        } catch (err) {
          if (err.status === 401) return;
          message.className = 'alert error';
          message.textContent = t('failed', { message: err.message });
          message.hidden = false;
          button.disabled = false;
        }
      },
    }, t('revoke'));
    parts.push(h('label', { for: 'revoke-reason' }, t('revoke_reason')), reason, h('div', { class: 'buttons' }, button), message);
  }
  return h('section', { class: 'card certificate', id: 'certificate', 'data-status': c.status }, parts);
}

async function applicationView(id) {
  let view;
  try {
    view = await api('GET', `/api/officer/applications/${encodeURIComponent(id)}?lang=${state.lang}`);
  } catch (err) {
    if (err.status === 404) {
      render(h('a', { class: 'back', href: '#/inbox' }, t('back')), h('div', { class: 'card empty', id: 'not-found' }, t('not_found')));
      return;
    }
    throw err;
  }
  const notice = state.notice;
  state.notice = null;
  const clocks = view.clocks;
  const clockRow = (key, clock) => (clock ? [h('dt', {}, t(key)), h('dd', {}, clock.status === 'paused' ? t('paused') : [badge(clock.status === 'paused' ? 'waiting_for_citizen' : clock.status), ' ', fmtTime(clock.deadline)])] : []);
  render(
    h('a', { class: 'back', href: '#/inbox' }, t('back')),
    notice ? h('div', { class: `alert ${notice.kind}`, id: 'notice' }, notice.text) : null,
    h('section', { class: 'card app-head', id: 'application', 'data-status': view.status },
      h('div', {},
        h('h1', {}, view.reference),
        h('p', { class: 'service' }, view.service.name),
        h('div', { class: 'meta' }, statusPill(view.status), ' ', badge(view.sla.status), ' · ', area(view), ' · ',
          `${t('submitted')} ${fmtTime(view.submittedAt)}`, ' · ', `${t('language')} ${LANG_NAMES[view.lang] ?? view.lang}`),
        view.statusReason ? h('p', { class: 'hint' }, `${t('officer_note')}: ${view.statusReason}`) : null),
      h('dl', { class: 'clocks' }, clockRow('state_deadline', clocks.state), clockRow('overall_deadline', clocks.overall))),
    h('div', { class: 'grid' },
      h('div', { class: 'stack' },
        h('section', { class: 'card', id: 'answers' }, h('h2', {}, t('answers')),
          h('dl', { class: 'answers' }, view.answers.flatMap((a) => {
            const doc = a.documentId ? view.documents.find((d) => d.id === a.documentId) : undefined;
            return [h('dt', {}, a.label), h('dd', {}, doc ? h('a', { href: doc.url, target: '_blank', rel: 'noopener' }, a.value) : a.value)];
          }))),
        h('section', { class: 'card', id: 'documents' }, h('h2', {}, t('documents')),
          view.documents.length === 0 ? h('p', { class: 'hint' }, t('no_documents')) : h('div', { class: 'docs' }, view.documents.map(documentTile)))),
      h('div', { class: 'stack' },
        actionsCard(view),
        certificateCard(view),
        view.breaches.length ? h('section', { class: 'card', id: 'breaches' }, h('h2', {}, t('breaches')),
          h('ul', {}, view.breaches.map((b) => h('li', {}, `${fmtTime(b.notedAt)} · ${t(b.scope === 'state' ? 'breach_state' : 'breach_overall')} (${b.state.replace(/_/g, ' ')})`,
            b.escalatedTo ? ` · ${t('escalated_to', { role: label(ROLES, b.escalatedTo) })}` : '')))) : null,
        h('section', { class: 'card', id: 'history' }, h('h2', {}, t('history')),
          view.history.length === 0 ? h('p', { class: 'hint' }, t('no_history')) : h('ol', { class: 'timeline' }, view.history.map(historyItem))))));
}

// ---------------------------------------------------------------------------------------
// Routing

async function ensureSession() {
  if (state.officer) return true;
  try {
    const me = await api('GET', '/api/officer/me', undefined, { probe: true });
    state.officer = me.officer;
    state.csrf = me.csrfToken;
    return true;
  } catch {
    return false;
  }
}

/** Goes to `hash`, rendering again even when it is the current one. */
function navigate(hash) {
  if (location.hash === hash) void route();
  else location.hash = hash;
}

let routing = 0;
async function route() {
  const mine = ++routing;
  const hash = location.hash || '#/inbox';
  if (hash.startsWith('#/login')) {
    state.officer = null;
    renderChrome();
    loginView();
    return;
  }
  if (!(await ensureSession())) {
    if (mine !== routing) return;
    navigate('#/login');
    return;
  }
  renderChrome();
  try {
    if (hash.startsWith('#/a/')) await applicationView(decodeURIComponent(hash.slice(4).split('?')[0]));
    else await inboxView(parseQuery(hash));
  } catch (err) {
    if (err.status === 401) return;
    render(h('div', { class: 'alert error', role: 'alert' }, err.message));
  }
}

window.addEventListener('hashchange', () => { void route(); });
document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('lang-switch').addEventListener('click', () => {
    state.lang = state.lang === 'te' ? 'en' : 'te';
    localStorage.setItem('mitra.console.lang', state.lang);
    void route();
  });
  document.getElementById('logout').addEventListener('click', async () => {
    try { await api('POST', '/api/officer/logout'); } catch { /* signed out anyway */ }
    state.officer = null;
    state.csrf = null;
    state.notice = { kind: 'info', text: t('signed_out') };
    navigate('#/login');
  });
  void route();
});
