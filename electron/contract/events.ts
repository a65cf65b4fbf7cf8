/** Events pushed from the core to the UI. */
export type ApiEvents = {
  /** The document changed (by this window, undo, an import or a reload); refetch what is shown. */
  'store/changed': { revision: number };
  /** Save state changed: saving, saved, or failed with a Swedish message. */
  'store/status': { state: 'saved' | 'saving' | 'failed'; message?: string; revision: number };
  /** A menu command the UI should carry out (undo, redo, navigation, about). */
  'app/command': { command: AppCommand };
  /** How far a long call that was given a `taskId` has come (an import, the accountant's workbook). */
  'task/progress': TaskProgress;
};
export type ApiEvent = keyof ApiEvents;
export const eventNames = ['store/changed', 'store/status', 'app/command', 'task/progress'] as const satisfies readonly ApiEvent[];

/**
 * The steps of a long call: `reading` the file, `planning` its rows (preview, and again before applying),
 * `saving` the import (durable write: no longer cancellable), `building` sheet `done + 1` of `total` of a
 * workbook (`detail` names it), `writing` the finished workbook to a file.
 */
export const taskPhases = ['reading', 'planning', 'saving', 'building', 'writing'] as const;
export type TaskPhase = (typeof taskPhases)[number];

export type TaskProgress = {
  taskId: string;
  phase: TaskPhase;
  /** Units of the phase done so far (rows planned, sheets built), 0 … `total`. */
  done: number;
  /** Units in the phase; 1 for a phase that is one indivisible step (reading, saving, writing). */
  total: number;
  /** Whether `tasks/cancel` can still stop it (false once an import's durable write has started). */
  cancellable: boolean;
  /** What is being worked on, e.g. the sheet's name. */
  detail?: string;
};

export const appCommands = [
  'undo',
  'redo',
  'about',
  'help',
  'navigate:oversikt',
  'navigate:medlemmar',
  'navigate:tjanster',
  'navigate:natverk',
  'navigate:budget',
  'navigate:styrelserapport',
  'navigate:data',
  // Last, so the shortcuts of the screens before it kept their numbers when invoicing came.
  'navigate:fakturering',
] as const;
export type AppCommand = (typeof appCommands)[number];
