/**
 * The service dialog: the form's state from a service, the channel input it becomes, and where a refusal
 * from the core belongs (the field named in its `field`, with its `fieldMessage`, since the field shows its
 * own label).
 */
import type { ChannelInput } from '../../../electron/contract';
import type { BusinessArea, Service } from '../../../electron/core/store/schema';
import { sv } from '../../lib/i18n/sv';
import { placeRefusal, type Refusal } from '../../lib/refusal';
import { pricingEntryToForm, pricingFormToInput, type PricingEntryForm } from './pricing.view-model';

const t = sv.tjanster;

export type ServiceForm = {
  name: string;
  description: string;
  businessArea: BusinessArea | '';
  technicalManager: string;
  operator: string;
  contentManager: string;
  supplier: string;
  councilNetworkId: string;
  pricing: PricingEntryForm[];
};

export const textFields = ['technicalManager', 'operator', 'contentManager', 'supplier'] as const;

export function emptyServiceForm(): ServiceForm {
  return {
    name: '',
    description: '',
    businessArea: '',
    technicalManager: '',
    operator: '',
    contentManager: '',
    supplier: '',
    councilNetworkId: '',
    pricing: [],
  };
}

export function serviceToForm(service: Service, nextKey: () => string): ServiceForm {
  return {
    name: service.name,
    description: service.description,
    businessArea: service.businessArea ?? '',
    technicalManager: service.technicalManager,
    operator: service.operator,
    contentManager: service.contentManager,
    supplier: service.supplier,
    councilNetworkId: service.councilNetworkId ?? '',
    pricing: service.pricing.map((entry) => pricingEntryToForm(nextKey(), entry, nextKey)),
  };
}

type Built<I> = { ok: true; input: I } | { ok: false; errors: Record<string, string> };

function common(form: ServiceForm): Built<Omit<ChannelInput<'services/create'>, 'businessArea' | 'councilNetworkId'>> {
  const errors: Record<string, string> = {};
  if (form.name.trim() === '') errors.name = t.form.errors.nameRequired;
  const pricing = pricingFormToInput(form.pricing);
  if (!pricing.ok) Object.assign(errors, pricing.errors);
  if (!pricing.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      name: form.name,
      description: form.description,
      technicalManager: form.technicalManager,
      operator: form.operator,
      contentManager: form.contentManager,
      supplier: form.supplier,
      pricing: pricing.pricing,
    },
  };
}

export function createInput(form: ServiceForm): Built<ChannelInput<'services/create'>> {
  const built = common(form);
  if (!built.ok) return built;
  return {
    ok: true,
    input: {
      ...built.input,
      ...(form.businessArea !== '' ? { businessArea: form.businessArea } : {}),
      ...(form.councilNetworkId !== '' ? { councilNetworkId: form.councilNetworkId } : {}),
    },
  };
}

/** Every field is sent, so what the dialog shows is what is saved; an empty choice clears (`null`). */
export function updateInput(serviceId: string, form: ServiceForm): Built<ChannelInput<'services/update'>> {
  const built = common(form);
  if (!built.ok) return built;
  return {
    ok: true,
    input: {
      serviceId,
      ...built.input,
      businessArea: form.businessArea === '' ? null : form.businessArea,
      councilNetworkId: form.councilNetworkId === '' ? null : form.councilNetworkId,
    },
  };
}

/** Whether the form differs from what it was opened with (keys of list entries do not count). */
export function formChanged(initial: ServiceForm, current: ServiceForm): boolean {
  const strip = (f: ServiceForm) => ({
    ...f,
    pricing: f.pricing.map(({ key: _key, bands, ...rest }) => ({ ...rest, bands: bands.map(({ key: _k, ...b }) => b) })),
  });
  return JSON.stringify(strip(initial)) !== JSON.stringify(strip(current));
}

/**
 * The errors still worth showing after an edit: a field's message goes once its value changes (a pricing
 * entry's messages once anything in that entry changes; all pricing messages once entries are added or
 * removed, since the positions in their paths move).
 */
export function errorsAfterEdit(errors: Record<string, string>, before: ServiceForm, after: ServiceForm): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const pricing = /^pricing\.(\d+)\./.exec(path);
    if (pricing) {
      const i = Number(pricing[1]);
      const same = before.pricing.length === after.pricing.length && JSON.stringify(before.pricing[i]) === JSON.stringify(after.pricing[i]);
      if (same) kept[path] = message;
    } else if (path in before && (before as Record<string, unknown>)[path] === (after as Record<string, unknown>)[path]) {
      kept[path] = message;
    } else if (!(path in before)) {
      kept[path] = message;
    }
  }
  return kept;
}

const FORM_FIELDS = new Set(['name', 'description', 'businessArea', 'councilNetworkId', ...textFields]);

/**
 * Where the core's refusal goes: `{ field, message }` when it names a field of the form (a pricing path is
 * kept whole), else `{ message }` for the dialog's general error line.
 */
export function placeApiError(error: Refusal): { field?: string; message: string } {
  return placeRefusal(error, (field) => FORM_FIELDS.has(field) || /^pricing\.\d+(\.|$)/.test(field));
}
