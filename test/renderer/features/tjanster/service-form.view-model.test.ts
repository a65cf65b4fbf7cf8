import { describe, expect, it } from 'vitest';
import {
  createInput,
  emptyServiceForm,
  errorsAfterEdit,
  formChanged,
  placeApiError,
  serviceToForm,
  updateInput,
} from '../../../../renderer/features/tjanster/service-form.view-model';
import { createTestServices } from '../../../support/memory-document';
import { makeDocument, network, service } from '../../../fixtures/services/documents';

const keys = () => {
  let n = 0;
  return () => `k${++n}`;
};

const egil = service('egil', 'EGIL', [{ year: 2021, model: { kind: 'fixed', yearlyFeeOre: 1_000_000 } }], {
  businessArea: 'skola',
  operator: 'Driftas av varje kommun',
  councilNetworkId: 'rad',
});

describe('the service form', () => {
  it('opens with the service’s values and, unchanged, saves exactly them', () => {
    const form = serviceToForm(egil, keys());
    expect(form).toMatchObject({ name: 'EGIL', businessArea: 'skola', operator: 'Driftas av varje kommun', councilNetworkId: 'rad' });
    expect(form.pricing[0]).toMatchObject({ year: '2021', kind: 'fixed', fixedKr: '10\u00a0000' });
    expect(updateInput('egil', form)).toEqual({
      ok: true,
      input: {
        serviceId: 'egil',
        name: 'EGIL',
        description: '',
        businessArea: 'skola',
        councilNetworkId: 'rad',
        technicalManager: '',
        operator: 'Driftas av varje kommun',
        contentManager: '',
        supplier: '',
        pricing: [{ year: 2021, model: { kind: 'fixed', yearlyFeeOre: 1_000_000 } }],
      },
    });
    expect(formChanged(form, serviceToForm(egil, keys()))).toBe(false);
    expect(formChanged(form, { ...form, supplier: 'Axiell' })).toBe(true);
  });

  it('clears business area and council with null on update, and leaves them out on create', () => {
    const form = { ...serviceToForm(egil, keys()), businessArea: '' as const, councilNetworkId: '' };
    const update = updateInput('egil', form);
    expect(update.ok && update.input).toMatchObject({ businessArea: null, councilNetworkId: null });
    const create = createInput({ ...form, name: 'Ny' });
    expect(create.ok && Object.keys(create.input)).not.toContain('businessArea');
    expect(create.ok && Object.keys(create.input)).not.toContain('councilNetworkId');
  });

  it('asks for a name before asking the core', () => {
    expect(createInput({ ...emptyServiceForm(), name: '   ' })).toEqual({ ok: false, errors: { name: 'Ange tjänstens namn.' } });
  });

  it('is accepted by the core as it is built (create, then update with pricing)', async () => {
    const { call, repo } = createTestServices({ initial: makeDocument({ networks: [network('rad', 'forvaltningsrad', 'Förvaltningsråd EGIL')] }) });
    const built = createInput({ ...serviceToForm(egil, keys()), name: 'EGIL' });
    if (!built.ok) throw new Error('form refused');
    const created = await call('services/create', built.input);
    if (!created.ok) throw new Error(created.error.message);
    expect(repo.get().services[0]).toMatchObject({ name: 'EGIL', councilNetworkId: 'rad', businessArea: 'skola' });

    const form = serviceToForm(created.data, keys());
    const edited = updateInput(created.data.id, { ...form, businessArea: '', pricing: [{ ...form.pricing[0]!, fixedKr: '12 000' }] });
    if (!edited.ok) throw new Error('form refused');
    expect(await call('services/update', edited.input)).toMatchObject({ ok: true });
    const saved = repo.get().services[0];
    expect(saved?.businessArea).toBeUndefined();
    expect(saved?.pricing).toEqual([{ year: 2021, model: { kind: 'fixed', yearlyFeeOre: 1_200_000 } }]);
  });
});

describe('messages after an edit', () => {
  const next = keys();
  const form = { ...serviceToForm(egil, next), pricing: [...serviceToForm(egil, next).pricing, ...serviceToForm(egil, next).pricing] };
  const errors = {
    name: 'Det finns redan en tjänst som heter EGIL.',
    'pricing.0.model.yearlyFeeOre': 'Avgiften får inte vara negativ.',
    'pricing.1.year': 'Året har redan en prismodell.',
  };

  it('drops a field’s message once the field changes, keeping the others', () => {
    expect(errorsAfterEdit(errors, form, { ...form, name: 'EGIL 2' })).toEqual({
      'pricing.0.model.yearlyFeeOre': 'Avgiften får inte vara negativ.',
      'pricing.1.year': 'Året har redan en prismodell.',
    });
    const fee = { ...form, pricing: [{ ...form.pricing[0]!, fixedKr: '12 000' }, form.pricing[1]!] };
    expect(errorsAfterEdit(errors, form, fee)).toEqual({ name: errors.name, 'pricing.1.year': 'Året har redan en prismodell.' });
  });

  it('drops every pricing message when an entry is added or removed, as their positions move', () => {
    expect(errorsAfterEdit(errors, form, { ...form, pricing: form.pricing.slice(1) })).toEqual({ name: errors.name });
  });

  it('keeps everything when nothing changed', () => {
    expect(errorsAfterEdit(errors, form, { ...form })).toEqual(errors);
  });
});

describe('where a refusal from the core goes', () => {
  it('puts a field refusal under that field, without repeating the label', async () => {
    const { call } = createTestServices({ initial: makeDocument({ services: [egil] }) });
    const duplicate = await call('services/create', { name: 'egil' });
    if (duplicate.ok) throw new Error('expected a refusal');
    expect(placeApiError(duplicate.error)).toEqual({ field: 'name', message: 'Det finns redan en tjänst som heter EGIL.' });

    const negative = await call('services/update', { serviceId: 'egil', pricing: [{ year: 2022, model: { kind: 'fixed', yearlyFeeOre: -100 } }] });
    if (negative.ok) throw new Error('expected a refusal');
    expect(placeApiError(negative.error)).toEqual({ field: 'pricing.0.model.yearlyFeeOre', message: 'Avgiften får inte vara negativ.' });
  });

  it('keeps a refusal that names no form field whole, for the dialog’s message line', () => {
    expect(placeApiError({ message: 'Tjänsten finns inte.', field: 'serviceId', fieldMessage: 'Tjänsten finns inte.' })).toEqual({ message: 'Tjänsten finns inte.' });
    expect(placeApiError({ message: 'Ett oväntat fel inträffade. Inget har ändrats.' })).toEqual({ message: 'Ett oväntat fel inträffade. Inget har ändrats.' });
  });

  it('shows beside the field the sentence the core gave for it, colons and all, without reading the message', () => {
    const error = { message: 'Prismodell: Pris per invånare: välj ett belopp', field: 'pricing.0.model', fieldMessage: 'Pris per invånare: välj ett belopp.' };
    expect(placeApiError(error)).toEqual({ field: 'pricing.0.model', message: 'Pris per invånare: välj ett belopp.' });
  });
});
