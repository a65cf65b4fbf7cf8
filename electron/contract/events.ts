/** Events pushed from the core to the UI. */
export type ApiEvents = {
  /** The document changed (by this window, undo, an import or a reload); refetch what is shown. */
  'store/changed': { revision: number };
  /** Save state changed: saving, saved, or failed with a Swedish message. */
  'store/status': { state: 'saved' | 'saving' | 'failed'; message?: string; revision: number };
  /** A menu command the UI should carry out (undo, redo, navigation, about). */
  'app/command': { command: AppCommand };
};
export type ApiEvent = keyof ApiEvents;
export const eventNames = ['store/changed', 'store/status', 'app/command'] as const satisfies readonly ApiEvent[];

export const appCommands = [
  'undo',
  'redo',
  'about',
  'navigate:oversikt',
  'navigate:medlemmar',
  'navigate:tjanster',
  'navigate:natverk',
  'navigate:budget',
  'navigate:styrelserapport',
  'navigate:data',
] as const;
export type AppCommand = (typeof appCommands)[number];
