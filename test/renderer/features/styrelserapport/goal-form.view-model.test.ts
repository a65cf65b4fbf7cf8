import { describe, expect, it } from 'vitest';
import {
  emptyGoalForm,
  isGoalFormField,
  figureText,
  goalFormOf,
  readGoalForm,
  toggleEventKind,
  withMetric,
} from '../../../../renderer/features/styrelserapport/goal-form.view-model';
import { sv } from '../../../../renderer/lib/i18n/sv';

const e = sv.styrelserapport.form.errors;

describe('the goal form', () => {
  it('reads a count goal, trimming the title', () => {
    const form = { ...emptyGoalForm(2022), title: '  Minst 125 medlemmar ', target: '125' };
    expect(readGoalForm(form)).toEqual({
      ok: true,
      input: { year: 2022, title: 'Minst 125 medlemmar', description: '', metric: 'member-count', comparison: 'at-least', target: 125 },
    });
  });

  it('takes a share in per cent and stores the fraction, both ways', () => {
    const form = { ...emptyGoalForm(2023), title: 'Tre fjärdedelar', metric: 'max-service-member-share' as const, comparison: 'more-than' as const, target: '75' };
    const read = readGoalForm(form);
    expect(read.ok && read.input.target).toBe(0.75);
    expect(readGoalForm({ ...form, target: '12,5 %' })).toMatchObject({ ok: true, input: { target: 0.125 } });
    expect(figureText(0.75, 'max-service-member-share')).toBe('75');
    expect(figureText(0.125, 'max-service-member-share')).toBe('12,5');
    expect(goalFormOf({ id: 'g', year: 2023, title: 'T', description: '', metric: 'max-service-member-share', comparison: 'more-than', target: 0.75, order: 1 }).target).toBe('75');
    expect(readGoalForm({ ...form, target: '150' })).toEqual({ ok: false, errors: { target: e.percent } });
  });

  it('refuses a fractional count, a missing title and year, and a between without its top', () => {
    expect(readGoalForm({ ...emptyGoalForm(2022), title: 'X', target: '12,5' })).toEqual({ ok: false, errors: { target: e.whole } });
    expect(readGoalForm({ ...emptyGoalForm(2022), year: '22', title: ' ', target: 'tio' })).toEqual({
      ok: false,
      errors: { year: e.year, title: e.title, target: e.number },
    });
    expect(readGoalForm({ ...emptyGoalForm(2022), year: '1989', title: 'T', target: '1' })).toEqual({ ok: false, errors: { year: e.year } });
    const between = { ...emptyGoalForm(2022), title: 'Konferenser', metric: 'conferences-held' as const, comparison: 'between' as const, target: '1' };
    expect(readGoalForm(between)).toEqual({ ok: false, errors: { targetMax: e.number } });
    expect(readGoalForm({ ...between, targetMax: '2' })).toMatchObject({ ok: true, input: { target: 1, targetMax: 2 } });
  });

  it('clears the typed figures when the metric changes between a count and a share', () => {
    const form = { ...emptyGoalForm(2022), target: '125', targetMax: '130' };
    expect(withMetric(form, 'max-service-member-share')).toMatchObject({ metric: 'max-service-member-share', target: '', targetMax: '' });
    expect(withMetric(form, 'members-lost')).toMatchObject({ metric: 'members-lost', target: '125' });
  });

  it('knows which field a refusal from the core names', () => {
    expect(isGoalFormField('targetMax')).toBe(true);
    expect(isGoalFormField('metric')).toBe(false);
    expect(isGoalFormField('')).toBe(false);
  });

  it('asks an event goal which meeting kinds it counts: conferences by default, at least one, sent only for that metric', () => {
    const events = { ...emptyGoalForm(2022), title: '1–2 digitala konferenser', metric: 'conferences-held' as const, comparison: 'between' as const, target: '1', targetMax: '2' };
    expect(readGoalForm(events)).toMatchObject({ ok: true, input: { eventKinds: ['konferens'] } });
    const withWebinars = { ...events, eventKinds: toggleEventKind(events.eventKinds, 'webinar', true) };
    expect(withWebinars.eventKinds).toEqual(['webinar', 'konferens']);
    expect(readGoalForm(withWebinars)).toMatchObject({ ok: true, input: { eventKinds: ['webinar', 'konferens'] } });
    expect(readGoalForm({ ...events, eventKinds: toggleEventKind(events.eventKinds, 'konferens', false) })).toEqual({
      ok: false,
      errors: { eventKinds: e.eventKinds },
    });
    // Another metric neither sends nor checks the kinds, but keeps them for a switch back.
    const members = { ...withWebinars, metric: 'member-count' as const, comparison: 'at-least' as const, eventKinds: [] };
    const read = readGoalForm(members);
    expect(read.ok && 'eventKinds' in read.input).toBe(false);
    expect(goalFormOf({ id: 'g', year: 2022, title: 'T', description: '', metric: 'conferences-held', comparison: 'between', target: 1, targetMax: 2, eventKinds: ['seminarium'], order: 1 }).eventKinds).toEqual(['seminarium']);
    expect(isGoalFormField('eventKinds')).toBe(true);
  });
});
