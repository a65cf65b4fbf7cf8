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
    fakturering: 'Fakturering',
    zoomIn: 'Zooma in',
    zoomOut: 'Zooma ut',
    resetZoom: 'Återställ zoom',
    fullscreen: 'Helskärm',
    devTools: 'Utvecklarverktyg',
    help: 'Hjälp',
    guide: 'Användarguide',
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
    // Someone else has the register open (lock file).
    lockedTitle: 'Registret används redan',
    lockedDetail: 'Du kan öppna det skrivskyddat och läsa, men inte ändra något. Stäng och starta programmet igen när registret är ledigt.',
    openReadOnly: 'Öppna skrivskyddat',
    staleTitle: 'Registret verkar inte användas längre',
    staleDetail: (why: string) =>
      [why, 'Om du vet att ingen annan arbetar i registret just nu kan du ta över det. Annars: öppna det skrivskyddat.']
        .filter(Boolean)
        .join('\n\n'),
    takeOver: 'Ta över registret',
    // Nothing can be written where the register lives, or its file is write-protected.
    readOnlyHereTitle: 'Registret kan bara läsas',
    madeWritable: 'Registerfilen har gjorts skrivbar, och registret är nu öppet för ändringar.',
    readOnlyHereMessage: 'Registret kan inte ändras här, men du kan öppna det skrivskyddat och läsa det.',
    lockLostTitle: 'Registret har tagits över',
    lockLostMessage: 'En annan kopia av programmet har tagit över registret, så det här fönstret är nu skrivskyddat.',
    lockLostDetail: (who: string) => `${who} Dina tidigare ändringar är sparade. Stäng programmet och öppna det igen när registret är ledigt.`,
    // The file was changed on disk by something else while the app ran.
    externalChangeTitle: 'Registerfilen har ändrats utanför programmet',
    externalChangeMessage: 'Någon eller något annat har ändrat registerfilen sedan den lästes in, så din senaste ändring sparades inte.',
    externalChangeDetail:
      'Läs in filen från disken: din version sparas först undan som en egen fil bredvid registret, så att inget går förlorat. Du kan sedan göra om ändringen.',
    reload: 'Läs in filen från disken',
    notNow: 'Inte nu',
    reloadedTitle: 'Registret har lästs in igen',
    reloadedMessage: (aside: string) => `Registret visar nu filen från disken. Din tidigare version finns kvar i filen «${aside}».`,
    reloadFailed: (reason: string, aside: string) =>
      `Filen på disken gick inte att läsa in: ${reason} Din version finns kvar i programmet och är dessutom sparad som «${aside}».`,
    asideFailed: (reason: string) =>
      `Din version kunde inte sparas undan (${reason.replace(/[.]$/, '')}), så filen på disken lästes inte in. Inget har ändrats. Försök igen, eller kontrollera att mappen går att skriva i.`,
    reloadSummary: (aside: string) => `Läste in registerfilen från disken igen efter en ändring utanför programmet (tidigare version: ${aside})`,
  },
  status: {
    saveFailed: 'Ändringen kunde inte sparas. Registret på disken är oförändrat.',
  },
  ipc: {
    forbidden: 'Anropet kom inte från programmets eget fönster och avvisades.',
  },
} as const;
