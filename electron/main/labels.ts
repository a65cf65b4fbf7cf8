/** Every word the shell shows (menus, dialogs), in one place. */
export const sv = {
  appName: 'Sambruk Kansli',
  menu: {
    file: 'Arkiv',
    showDataFile: 'Visa datafil i mappen',
    quit: 'Avsluta',
    edit: 'Redigera',
    undo: 'Ångra',
    redo: 'Gör om',
    cut: 'Klipp ut',
    copy: 'Kopiera',
    paste: 'Klistra in',
    selectAll: 'Markera allt',
    view: 'Visa',
    oversikt: 'Översikt',
    medlemmar: 'Medlemmar',
    tjanster: 'Tjänster',
    natverk: 'Nätverk',
    budget: 'Budget',
    styrelserapport: 'Styrelserapport',
    data: 'Data',
    zoomIn: 'Zooma in',
    zoomOut: 'Zooma ut',
    resetZoom: 'Återställ zoom',
    fullscreen: 'Helskärm',
    devTools: 'Utvecklarverktyg',
    help: 'Hjälp',
    about: 'Om Sambruk Kansli',
    hide: 'Göm Sambruk Kansli',
  },
  dialogs: {
    unrecoverableTitle: 'Registret kunde inte öppnas',
    unrecoverableMessage: 'Datafilen är skadad och det finns ingen giltig säkerhetskopia att återställa.',
    unrecoverableDetail: (reason: string, keptAs: string | undefined) =>
      [
        reason,
        keptAs ? `Den skadade filen finns kvar och tas inte bort: ${keptAs}` : 'Den skadade filen finns kvar och tas inte bort.',
        'Vill du börja om med standarddata, eller avsluta och be om hjälp att återställa filen?',
      ]
        .filter(Boolean)
        .join('\n\n'),
    startFromDefault: 'Börja med standarddata',
    quit: 'Avsluta',
    startupFailedTitle: 'Sambruk Kansli kunde inte starta',
    startupFailed: (reason: string) => `Registret kunde inte öppnas: ${reason}`,
  },
  status: {
    saveFailed: 'Ändringen kunde inte sparas. Registret på disken är oförändrat.',
  },
  ipc: {
    forbidden: 'Anropet kom inte från programmets eget fönster och avvisades.',
  },
} as const;
