// The side panel and the stage view. The countdown runs on server time: offset = server time - local time,
// measured when the stream connects and with every state or time event.
(async function () {
  const T = window.microsoftTeams;
  const $ = (id) => document.getElementById(id);
  let texts = window.mdobotTexts.nl;
  let state = null;
  let offset = 0;
  let token = null;
  let locale = 'nl-NL';

  const status = (text) => { $('status').textContent = text || ''; };
  const serverNow = () => Date.now() + offset;
  const measure = (iso) => { offset = Date.parse(iso) - Date.now(); };

  function format(ms) {
    const total = Math.ceil(Math.abs(ms) / 1000);
    const m = Math.floor(total / 60);
    const s = total % 60;
    return (ms < 0 && total > 0 ? '-' : '') + String(m).padStart(2, '0') + ':' + String(s).padStart(2, '0');
  }

  function tick() {
    const clock = $('clock');
    const current = state && state.current;
    clock.hidden = !current;
    if (!current) return;
    const now = serverNow();
    const left = Date.parse(current.endsAt) - now;
    const phase = left <= 0 ? 'over' : now >= Date.parse(current.warningAt) ? 'warning' : 'ok';
    clock.dataset.phase = phase;
    $('countdown').textContent = format(left);
    $('clock-note').textContent = phase === 'over' ? texts.over : phase === 'warning' ? texts.warning : texts.left;
  }

  function item(list, text, cls) {
    const li = document.createElement('li');
    li.textContent = text;
    if (cls) li.className = cls;
    list.appendChild(li);
  }

  function render(next) {
    state = next;
    document.body.dataset.view = state.stage ? 'stage' : 'panel';
    const agenda = $('agenda');
    agenda.replaceChildren();
    for (const c of state.cases) {
      item(agenda, c.code + ' · ' + c.minutes + ' ' + texts.minutes + ' · ' + texts[c.place === 'next' ? 'upcoming' : c.place], 'place-' + c.place);
    }
    const current = state.current;
    $('clock-code').textContent = current ? current.code : '';
    status(state.state === 'Closed' ? texts.closed : state.state === 'Planned' ? texts.notStarted : current ? '' : texts.noCase);
    $('case').hidden = state.stage || !current;
    if (current && !state.stage) {
      $('case-question').textContent = current.question || texts.none;
      $('case-goal').textContent = current.sharedGoal || texts.none;
      const actions = $('actions');
      actions.replaceChildren();
      for (const a of current.actions) item(actions, a.description + ' — ' + texts.owner + ' ' + a.owner + ', ' + texts.due + ' ' + a.due);
      if (!current.actions.length) item(actions, texts.none);
    }
    $('controls').hidden = !(state.isChair && state.state === 'Running');
    tick();
  }

  async function act(action) {
    const response = await fetch('/api/panel/chats/' + encodeURIComponent(chatId) + '/actions', {
      method: 'POST',
      headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' },
      body: JSON.stringify({ action, mdoId: state.mdoId, version: state.version, locale }),
      cache: 'no-store',
    });
    const body = await response.json().catch(() => ({}));
    if (response.ok) { measure(body.serverNow); render(body); status(''); }
    else if (response.status === 409 && body.state) { measure(body.state.serverNow); render(body.state); status(texts.stale); }
    else status(response.status === 403 ? texts.refused : texts.failed);
  }

  function connect(view) {
    const url = '/api/panel/chats/' + encodeURIComponent(chatId) + '/events' + (view ? '?view=' + view : '');
    window.mdobotStream(url, token, (name, data) => {
      if (name === 'state') { measure(data.serverNow); render(data); document.body.dataset.live = 'true'; }
      else if (name === 'time') { measure(data.serverNow); tick(); }
    }).catch((e) => {
      document.body.dataset.live = 'false';
      if (String(e.message).includes('404')) status(texts.noMdo);
      else if (String(e.message).includes('401') || String(e.message).includes('403')) status(texts.signIn);
    }).finally(() => setTimeout(async () => { token = await T.authentication.getAuthToken(); connect(view); }, 3000));
  }

  await T.app.initialize(window.mdobotPanel.devHost ? [location.origin] : undefined);
  const context = await T.app.getContext();
  if ((context.app.locale || '').toLowerCase().startsWith('en')) {
    texts = window.mdobotTexts.en;
    locale = 'en-US';
    document.documentElement.lang = 'en';
  }
  const stage = context.page.frameContext === 'meetingStage';
  const chatId = context.chat && context.chat.id;
  $('agenda-label').textContent = texts.agenda;
  $('case-question-label').textContent = texts.question;
  $('case-goal-label').textContent = texts.goal;
  $('actions-label').textContent = texts.actions;
  for (const b of document.querySelectorAll('[data-action]')) {
    b.textContent = texts[b.dataset.action];
    b.addEventListener('click', () => act(b.dataset.action));
  }
  const share = $('btn-share');
  share.textContent = texts.share;
  share.hidden = stage;
  share.addEventListener('click', () => T.meeting.shareAppContentToStage((error) => status(error ? texts.failed : texts.shared),
    new URL('index.html', location.href).href));
  $('app').classList.remove('loading');
  T.app.notifySuccess();
  if (!chatId) { status(texts.noMdo); return; }
  status(texts.loading);
  try {
    token = await T.authentication.getAuthToken();
  } catch (e) {
    status(texts.signIn);
    return;
  }
  connect(stage ? 'stage' : '');
  setInterval(tick, 250);
})();
