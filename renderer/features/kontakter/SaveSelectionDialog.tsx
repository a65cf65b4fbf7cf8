import { useState } from 'react';
import { Button, Field, Input } from '@fluentui/react-components';
import { Bookmark20Regular } from '@fluentui/react-icons';
import type { SelectionCriteria } from '../../../electron/contract/model/records';
import { useApiMutation } from '../../app/api';
import { useNotify } from '../../app/notify';
import { FormDialog } from '../../components/FormDialog';
import { asRefusal, placeRefusal } from '../../lib/refusal';
import { sv } from '../../lib/i18n/sv';

const t = sv.kontakter.selections;

/** «Spara som urval»: a button and its dialog asking for the name; the criteria are the screen's. */
export function SaveSelectionButton({ criteria, suggestedName, disabled }: { criteria: SelectionCriteria; suggestedName: string; disabled?: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<Bookmark20Regular />} onClick={() => setOpen(true)} disabled={disabled} data-testid="save-selection">
        {sv.kontakter.directory.saveSelection}
      </Button>
      {open && <SaveSelectionDialog criteria={criteria} suggestedName={suggestedName} onClose={() => setOpen(false)} />}
    </>
  );
}

function SaveSelectionDialog({ criteria, suggestedName, onClose }: { criteria: SelectionCriteria; suggestedName: string; onClose: () => void }) {
  const notify = useNotify();
  const [name, setName] = useState(suggestedName);
  const [refusal, setRefusal] = useState<{ field?: string; message: string }>();
  const save = useApiMutation('selections/save');
  const submit = async () => {
    try {
      const saved = await save.mutateAsync({ name, criteria });
      notify(t.saved(saved.name));
      onClose();
    } catch (error) {
      setRefusal(placeRefusal(asRefusal(error), (field) => field === 'name'));
    }
  };
  return (
    <FormDialog
      title={t.saveTitle}
      submitLabel={t.save}
      busy={save.isPending}
      error={refusal?.field === undefined ? refusal?.message : undefined}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <Field label={t.name} required validationMessage={refusal?.field === 'name' ? refusal.message : undefined}>
        <Input value={name} onChange={(_, data) => setName(data.value)} maxLength={200} data-testid="selection-name" />
      </Field>
    </FormDialog>
  );
}
