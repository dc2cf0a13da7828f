// A stand-in for the Teams client, for local development and the browser tests: it hosts the page in an iframe and
// answers the host side of the teams-js postMessage protocol (initialize, getContext, authentication.getAuthToken,
// meeting.shareAppContentToStage). Query: chat, meeting, tid, oid, locale, frame (sidePanel | meetingStage).
// The token is a development token (dev:{tid}:{oid}) unless the test defines window.mdobotHostToken().
(function () {
  const q = new URLSearchParams(location.search);
  const chat = q.get('chat') || '';
  const tid = q.get('tid') || '';
  const oid = q.get('oid') || '';
  const locale = q.get('locale') || 'nl-NL';
  const frames = new Map();
  window.mdobotHostLog = [];

  const runtime = JSON.stringify({
    apiVersion: 4,
    isLegacyTeams: false,
    supports: { app: {}, appInitialization: {}, authentication: {}, meeting: { appShareButton: {} }, pages: { appButton: {}, config: {}, tabs: {} }, teamsCore: {} },
  });

  function context(frame) {
    return {
      locale, theme: 'default', frameContext: frame, hostClientType: 'web', hostName: 'Teams', appSessionId: 'dev-session',
      chatId: chat, meetingId: q.get('meeting') || undefined, tid, userObjectId: oid, entityId: 'mdobot-panel',
    };
  }

  async function token() {
    return typeof window.mdobotHostToken === 'function' ? window.mdobotHostToken() : 'dev:' + tid + ':' + oid;
  }

  function load(id, frame) {
    const el = document.getElementById(id);
    el.hidden = false;
    el.src = '../index.html';
    frames.set(el, frame);
  }

  window.addEventListener('message', async (evt) => {
    const iframe = [...frames.keys()].find((f) => f.contentWindow === evt.source);
    const m = evt.data;
    if (!iframe || evt.origin !== location.origin || !m || typeof m.func !== 'string') return;
    const frame = frames.get(iframe);
    window.mdobotHostLog.push({ frame, func: m.func });
    const reply = (args) => evt.source.postMessage({ id: m.id, uuidAsString: m.uuidAsString, args }, location.origin);
    switch (m.func) {
      case 'initialize': reply([frame, 'web', runtime, '2.58.0']); break;
      case 'getContext': reply([context(frame)]); break;
      case 'authentication.getAuthToken':
        try { reply([true, await token()]); } catch (e) { reply([false, 'token unavailable']); }
        break;
      case 'meeting.shareAppContentToStage':
        window.mdobotSharedUrl = m.args[0];
        load('stage', 'meetingStage');
        reply([null, true]);
        break;
      default: break; // appInitialization.* and the rest need no answer
    }
  });

  document.getElementById('host-info').textContent = q.get('frame') === 'meetingStage' ? 'stage' : 'side panel';
  if (q.get('frame') === 'meetingStage') {
    document.body.classList.add('stage-only');
    load('stage', 'meetingStage');
  } else {
    load('side', 'sidePanel');
  }
})();
