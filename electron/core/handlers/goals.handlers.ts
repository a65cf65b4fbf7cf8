/** Goal and board-pack channels: editing goals, computing and saving board packs, the workbook. */
import { AppError, type BoardPackSnapshot, type BoardPackSummary, type ChannelHandlers } from '../../contract';
import type { Goal, SambrukDocument } from '../store/schema';
import type { HandlerContext } from './create-handlers';
import { boardPackTitle, buildBoardPack, readBoardPackContent, type BoardPackContent } from '../domain/board-pack';
import { findGoal, nextGoalOrder, prepareGoalFields, sortGoals, type GoalFields } from '../domain/goals';

type GoalsChannel =
  | 'goals/list'
  | 'goals/create'
  | 'goals/update'
  | 'goals/delete'
  | 'packs/compute'
  | 'packs/save'
  | 'packs/list'
  | 'packs/get'
  | 'packs/delete'
  | 'packs/workbook'
  | 'packs/print-pdf';

function summaryOf(pack: SambrukDocument['boardPacks'][number]): BoardPackSummary {
  return { id: pack.id, date: pack.date, createdAt: pack.createdAt, title: pack.title };
}

function findPack(doc: Pick<SambrukDocument, 'boardPacks'>, packId: string) {
  const pack = doc.boardPacks.find((p) => p.id === packId);
  if (!pack) throw new AppError('not-found', 'Styrelsepaketet finns inte (det kan redan vara borttaget).', { field: 'packId' });
  return pack;
}

export function snapshotOf(doc: Pick<SambrukDocument, 'boardPacks'>, packId: string): BoardPackSnapshot {
  const pack = findPack(doc, packId);
  const read = readBoardPackContent(pack.content);
  if (!read.ok) throw new AppError('validation', read.message, { field: 'packId' });
  return { ...summaryOf(pack), content: read.content };
}

function fieldsOf(goal: Goal): GoalFields {
  return {
    year: goal.year,
    title: goal.title,
    description: goal.description,
    metric: goal.metric,
    comparison: goal.comparison,
    target: goal.target,
    ...(goal.targetMax !== undefined ? { targetMax: goal.targetMax } : {}),
    ...(goal.eventKinds !== undefined ? { eventKinds: goal.eventKinds } : {}),
  };
}

export function createGoalsHandlers({ repo, ports, today }: HandlerContext): Pick<ChannelHandlers, GoalsChannel> {
  const compute = (date: string, includePreviousYear: boolean): BoardPackContent =>
    buildBoardPack(repo.get(), date, { generatedAt: ports.clock().toISOString(), includePreviousYear, today: today() });

  return {
    'goals/list': ({ year }) => sortGoals(repo.get().goals.filter((g) => year === undefined || g.year === year)),

    'goals/create': (input) => {
      const fields = prepareGoalFields({ ...input, targetMax: input.targetMax });
      return repo.change(`Lade till målet ${fields.title}`, (tx) => {
        const goal: Goal = { id: ports.ids(), ...fields, order: nextGoalOrder(tx.goals.all(), fields.year) };
        return tx.goals.insert(goal, { summary: `Lade till målet ${goal.title} (${goal.year})` });
      });
    },

    'goals/update': ({ goalId, targetMax, ...patch }) => {
      const current = findGoal(repo.get().goals, goalId);
      const merged: GoalFields = { ...fieldsOf(current) };
      for (const [key, value] of Object.entries(patch)) if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
      if (targetMax === null) delete merged.targetMax;
      else if (targetMax !== undefined) merged.targetMax = targetMax;
      const fields = prepareGoalFields(merged);
      return repo.change(`Ändrade målet ${fields.title}`, (tx) => {
        const goal = findGoal(tx.goals.all(), goalId);
        const movedYear = goal.year !== fields.year;
        const order = movedYear ? nextGoalOrder(tx.goals.all().filter((g) => g.id !== goalId), fields.year) : goal.order;
        return tx.goals.update(
          goalId,
          (draft) => {
            Object.assign(draft, fields);
            if (fields.targetMax === undefined) delete draft.targetMax;
            if (fields.eventKinds === undefined) delete draft.eventKinds;
            draft.order = order;
          },
          { summary: `Ändrade målet ${fields.title} (${fields.year})` },
        );
      });
    },

    'goals/delete': ({ goalId }) => {
      const title = findGoal(repo.get().goals, goalId).title;
      return repo.change(`Tog bort målet ${title}`, (tx) => {
        findGoal(tx.goals.all(), goalId);
        tx.goals.remove(goalId, { summary: `Tog bort målet ${title}` });
        return { deleted: goalId };
      });
    },

    'packs/compute': ({ date, includePreviousYear }) => compute(date ?? today(), includePreviousYear),

    'packs/save': ({ date, title, includePreviousYear }) => {
      const content = compute(date, includePreviousYear);
      const name = title ?? boardPackTitle(date);
      return repo.change(`Sparade styrelsepaketet ${name}`, (tx) => {
        const pack = { id: ports.ids(), date, createdAt: content.generatedAt, title: name, content };
        // The log keeps the pack's summary, not its whole content.
        tx.boardPacks.insert(pack, { summary: `Sparade styrelsepaketet ${name} (${content.goals.length} mål, per ${date})`, after: summaryOf(pack) });
        return summaryOf(pack);
      });
    },

    'packs/list': () =>
      repo
        .get()
        .boardPacks.map(summaryOf)
        .sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt)),

    'packs/get': ({ packId }) => snapshotOf(repo.get(), packId),

    'packs/delete': ({ packId }) => {
      const { title } = findPack(repo.get(), packId);
      return repo.change(`Tog bort styrelsepaketet ${title}`, (tx) => {
        tx.boardPacks.remove(packId, { summary: `Tog bort styrelsepaketet ${title}`, before: summaryOf(findPack(tx.doc, packId)) });
        return { deleted: packId };
      });
    },

    'packs/workbook': async (input) => {
      const content = 'packId' in input ? snapshotOf(repo.get(), input.packId).content : compute(input.date, input.includePreviousYear);
      // Built in the task runner's worker; the call is not a task, so it is never cancelled.
      return ports.runner.run('board-pack-workbook', { content, created: ports.clock() }, { onProgress: () => undefined, signal: new AbortController().signal });
    },

    'packs/print-pdf': () => {
      throw new AppError(
        'forbidden',
        'PDF-filen skapas i skrivbordsprogrammet. I webbläsaren: öppna utskriften och välj Skriv ut, sedan Spara som PDF.',
      );
    },
  };
}
