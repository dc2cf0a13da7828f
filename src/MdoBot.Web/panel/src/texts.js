// The page's texts: Dutch by default, English for an English Teams locale.
window.mdobotTexts = {
  nl: {
    loading: 'MdoBot laden…', agenda: 'Agenda', question: 'Vraag', goal: 'Gezamenlijk doel', actions: 'Open acties',
    none: '—', noMdo: 'Er is nog geen MDO in deze chat.', noCase: 'Er is nu geen casus aan de beurt.',
    next: 'Volgende casus', extend: 'Verleng +5', close: 'Afronden', share: 'Delen op het scherm',
    done: 'besproken', current: 'nu', upcoming: 'hierna', planned: 'gepland', minutes: 'min',
    warning: 'Bijna tijd', over: 'Tijd voorbij', left: 'resterend', closed: 'Het MDO is afgerond.', notStarted: 'Het MDO is nog niet gestart.',
    refused: 'Dat kan alleen de voorzitter.', stale: 'Het MDO is intussen veranderd; dit is de nieuwe stand.', failed: 'Dat lukte niet. Probeer het opnieuw.',
    signIn: 'Aanmelden is niet gelukt.', shared: 'Gedeeld op het scherm.', owner: 'door', due: 'voor',
  },
  en: {
    loading: 'Loading MdoBot…', agenda: 'Agenda', question: 'Question', goal: 'Shared goal', actions: 'Open actions',
    none: '—', noMdo: 'There is no MDO in this chat yet.', noCase: 'No case is being discussed right now.',
    next: 'Next case', extend: 'Extend +5', close: 'Close', share: 'Share to stage',
    done: 'done', current: 'now', upcoming: 'next', planned: 'planned', minutes: 'min',
    warning: 'Almost time', over: 'Time is up', left: 'left', closed: 'The MDO is closed.', notStarted: 'The MDO has not started yet.',
    refused: 'Only a chair can do this.', stale: 'The MDO changed meanwhile; this is the current state.', failed: 'That did not work. Please try again.',
    signIn: 'Signing in failed.', shared: 'Shared to the stage.', owner: 'by', due: 'due',
  },
};
