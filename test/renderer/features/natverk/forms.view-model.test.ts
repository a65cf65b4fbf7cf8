import { describe, expect, it } from 'vitest';
import { contract } from '../../../../electron/contract';
import { dispatch } from '../../../../electron/core/handlers/dispatch';
import {
  apiFieldError,
  emptyMeetingForm,
  emptyNetworkForm,
  hasErrors,
  keepAttendees,
  meetingFormFields,
  networkCreateInput,
  networkFormFields,
  networkFormFrom,
  networkUpdateInput,
  toggleId,
  validateEntryForm,
  validateMeetingForm,
  validateNetworkForm,
} from '../../../../renderer/features/natverk/forms.view-model';
import { sv } from '../../../../renderer/lib/i18n/sv';
import { createTestServices } from '../../../support/memory-document';
import { DATE, document, read } from './fixture';

const t = sv.natverk;

describe('the network form', () => {
  it('answers by the field, in Swedish, before anything is sent', () => {
    expect(validateNetworkForm(emptyNetworkForm())).toEqual({ name: t.form.nameRequired });
    expect(validateNetworkForm({ ...emptyNetworkForm(), name: '   ' }).name).toBe(t.form.nameRequired);
    expect(validateNetworkForm({ ...emptyNetworkForm(), name: 'x'.repeat(201) }).name).toBe(t.form.nameTooLong);
    expect(validateNetworkForm({ ...emptyNetworkForm(), name: 'IoT', startDate: '2022-02-30' })).toEqual({ startDate: t.form.invalidDate });
    expect(validateNetworkForm({ ...emptyNetworkForm(), name: 'IoT', startDate: '2022-09-01', endDate: '2022-08-31' })).toEqual({
      endDate: t.form.endBeforeStart,
    });
    const ok = { ...emptyNetworkForm('projekt'), name: 'KLM', startDate: '2022-01-01', endDate: '2022-01-01' };
    expect(hasErrors(validateNetworkForm(ok))).toBe(false);
  });

  it('sends what the create channel accepts: trimmed, a service only for a council, no empty dates', () => {
    const input = networkCreateInput({ kind: 'projekt', name: '  KLM  ', description: ' Lantmäteri ', serviceId: 'svc-x', startDate: '', endDate: '2023-12-31' });
    expect(input).toEqual({ kind: 'projekt', name: 'KLM', description: 'Lantmäteri', endDate: '2023-12-31' });
    expect(contract['networks/create'].input.safeParse(input).success).toBe(true);
    const council = networkCreateInput({ ...emptyNetworkForm('forvaltningsrad'), name: 'Råd', serviceId: 'svc-x' });
    expect(council.serviceId).toBe('svc-x');
  });

  it('clears emptied fields on update, and the core takes the change', async () => {
    const summary = (await read('networks/list', {})).find((n) => n.id === 'n2')!;
    const values = networkFormFrom(summary);
    expect(values).toMatchObject({ kind: 'forvaltningsrad', name: 'Förvaltningsråd Bibblix', serviceId: 'svc-x', startDate: '' });
    const input = networkUpdateInput('n2', { ...values, kind: 'kompetensnatverk', endDate: '' });
    expect(input).toMatchObject({ serviceId: null, startDate: null, endDate: null, kind: 'kompetensnatverk' });
    const { handlers } = createTestServices({ initial: document(), now: `${DATE}T10:00:00.000Z` });
    const result = await dispatch(handlers, 'networks/update', input);
    expect(result.ok && result.data.serviceId).toBe(undefined);
    expect(result.ok && result.data.kind).toBe('kompetensnatverk');
  });
});

describe('the core\'s refusals under the field', () => {
  it('puts a refusal naming a field of the form under that field, without the label', async () => {
    const { handlers } = createTestServices({ initial: document(), now: `${DATE}T10:00:00.000Z` });
    const refused = await dispatch(handlers, 'networks/create', { kind: 'kompetensnatverk', name: 'digital signering' });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(apiFieldError(refused.error, networkFormFields)).toEqual({
      field: 'name',
      message: 'Det finns redan ett nätverk av den typen som heter Digital signering.',
    });
  });

  it('keeps a refusal about something the form does not show whole', () => {
    expect(apiFieldError({ message: 'Nätverket finns inte.', field: 'networkId', fieldMessage: 'Nätverket finns inte.' }, networkFormFields)).toEqual({
      message: 'Nätverket finns inte.',
    });
    expect(apiFieldError({ message: 'Ett oväntat fel inträffade.' }, meetingFormFields)).toEqual({ message: 'Ett oväntat fel inträffade.' });
  });

  it('maps a refused attendee to the attendee list', async () => {
    const { handlers } = createTestServices({ initial: document(), now: `${DATE}T10:00:00.000Z` });
    const refused = await dispatch(handlers, 'networks/add-meeting', {
      networkId: 'n1',
      date: DATE,
      kind: 'mote',
      title: 'Möte',
      attendeeContactIds: ['c-eva'],
    });
    if (refused.ok) throw new Error('expected a refusal');
    expect(apiFieldError(refused.error, meetingFormFields)).toEqual({
      field: 'attendeeContactIds',
      message: `Eva Sävström finns inte i nätverkets deltagarlista den ${DATE}.`,
    });
  });
});

describe('the roster entry and meeting forms', () => {
  it('needs a real first day, and a last day not before it', () => {
    expect(validateEntryForm({ from: DATE, to: '' })).toEqual({});
    expect(validateEntryForm({ from: '', to: '' })).toEqual({ from: t.form.invalidDate });
    expect(validateEntryForm({ from: DATE, to: '2022-06-29' })).toEqual({ to: t.form.endBeforeStart });
    expect(validateEntryForm({ from: DATE, to: '' }, { toRequired: true })).toEqual({ to: t.form.invalidDate });
  });

  it('needs a date and a title for a meeting', () => {
    expect(validateMeetingForm(emptyMeetingForm(DATE))).toEqual({ title: t.meetings.titleRequired });
    expect(validateMeetingForm({ ...emptyMeetingForm('2022-6-1'), title: 'Möte' })).toEqual({ date: t.meetings.invalidDate });
    expect(validateMeetingForm({ ...emptyMeetingForm(DATE), title: 'Möte', note: 'x'.repeat(2001) })).toEqual({ note: t.meetings.noteTooLong });
  });

  it('drops attendees who were not on the roster on a new date, and toggles ids', () => {
    expect(keepAttendees(['a', 'b', 'c'], [{ contactId: 'c' }, { contactId: 'a' }])).toEqual(['a', 'c']);
    expect(toggleId(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(toggleId(['a', 'b'], 'a', false)).toEqual(['b']);
    expect(toggleId(['a'], 'a', true)).toEqual(['a']);
  });
});
