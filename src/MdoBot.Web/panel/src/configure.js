// The configuration page of the tab: nothing to choose; saving adds the panel to the meeting.
(async function () {
  const T = window.microsoftTeams;
  await T.app.initialize(window.mdobotPanel.devHost ? [location.origin] : undefined);
  const context = await T.app.getContext();
  if ((context.app.locale || '').toLowerCase().startsWith('en')) {
    document.documentElement.lang = 'en';
    document.getElementById('config-text').textContent = 'MdoBot shows the MDO agenda and clock in the meeting. Choose Save.';
  }
  T.pages.config.registerOnSaveHandler((save) => {
    T.pages.config.setConfig({
      entityId: 'mdobot-panel',
      contentUrl: new URL('index.html', location.href).href,
      suggestedDisplayName: 'MdoBot',
    }).then(() => save.notifySuccess(), () => save.notifyFailure('setConfig'));
  });
  T.pages.config.setValidityState(true);
  T.app.notifySuccess();
})();
