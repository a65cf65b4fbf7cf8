import { useMemo, useState } from 'react';
import { Card, Field, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import type { NetworkDetail } from '../../../electron/contract';
import type { RosterRole } from '../../../electron/core/store/schema';
import { useApiMutation, useApiQuery } from '../../app/api';
import { formatNumber } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';
import { DateInput } from '../../components/DateInput';
import { QuickPicker } from './QuickPicker';
import {
  defaultRole,
  organisationCandidates,
  participationOrder,
  personCandidates,
  rosterRoleOrder,
  showsParticipation,
  type Participation,
} from './roster.view-model';
import { useNatverkStyles } from './styles';
import { isCalendarDate } from '../../../electron/contract/rules/calendar-date';

const t = sv.natverk.roster;

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalM, marginBottom: tokens.spacingVerticalL },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalM },
  picker: { flex: '1 1 260px', minWidth: 0 },
  setting: { flex: '0 0 auto' },
});

/**
 * The add bar: a person or an organisation from the register, with the role, participation and first day it gets;
 * on a board, also whether a person works with IT, so the plan's board goal can count them from the start.
 */
export function AddParticipants({ detail }: { detail: NetworkDetail }) {
  const styles = useStyles();
  const shared = useNatverkStyles();
  // Said in a live region, not a toast: adding twenty in a row must not stack twenty toasts.
  const [added, setAdded] = useState('');
  const [role, setRole] = useState<RosterRole>(defaultRole(detail.kind));
  const [participation, setParticipation] = useState<Participation>('deltagare');
  const [from, setFrom] = useState(detail.date);
  const [worksWithIt, setWorksWithIt] = useState<'' | 'ja' | 'nej'>('');
  const board = detail.kind === 'styrelse';
  const [personQuery, setPersonQuery] = useState('');
  const [orgQuery, setOrgQuery] = useState('');
  const [error, setError] = useState<{ picker: 'person' | 'organisation'; message: string }>();
  const validFrom = isCalendarDate(from) ? from : detail.date;

  const contacts = useApiQuery('contacts/list', { includeEnded: false, date: validFrom });
  const organisations = useApiQuery('members/list', { date: validFrom, archived: 'active' });
  const add = useApiMutation('networks/add-entry');

  const persons = useMemo(
    () => personCandidates(contacts.data ?? [], personQuery, detail.roster, validFrom),
    [contacts.data, personQuery, detail.roster, validFrom],
  );
  const orgs = useMemo(
    () => organisationCandidates(organisations.data?.rows ?? [], orgQuery, detail.roster, validFrom),
    [organisations.data, orgQuery, detail.roster, validFrom],
  );

  const submit = (picker: 'person' | 'organisation', id: string, name: string) => {
    setError(undefined);
    setAdded('');
    if (!isCalendarDate(from)) {
      setError({ picker, message: sv.natverk.form.invalidDate });
      return;
    }
    add.mutate(
      {
        networkId: detail.id,
        ...(picker === 'person' ? { contactId: id } : { organisationId: id }),
        role,
        participation,
        from,
        ...(board && picker === 'person' && worksWithIt !== '' ? { worksWithIt: worksWithIt === 'ja' } : {}),
      },
      {
        onSuccess: () => setAdded(t.added(name)),
        onError: (e) => setError({ picker, message: t.addFailed(e.message) }),
      },
    );
  };

  return (
    <Card className={styles.card} role="region" aria-label={t.addHeading}>
      <h2 className={shared.sectionHeading}>{t.addHeading}</h2>
      <div className={styles.row}>
        <div className={styles.picker}>
          <QuickPicker
            label={t.addPerson}
            placeholder={t.addPersonPlaceholder}
            hint={t.addPersonHint}
            query={personQuery}
            onQueryChange={(q) => {
              setPersonQuery(q);
              if (error?.picker === 'person') setError(undefined);
            }}
            options={persons.options.map((p) => ({ id: p.contactId, text: p.text, primary: p.name, secondary: p.secondary }))}
            {...(persons.more > 0 ? { moreText: t.more(formatNumber(persons.more)) } : {})}
            emptyText={t.noPersons}
            {...(error?.picker === 'person' ? { error: error.message } : {})}
            onPick={(id) => submit('person', id, persons.options.find((p) => p.contactId === id)?.name ?? '')}
          />
        </div>
        <div className={styles.picker}>
          <QuickPicker
            label={t.addOrganisation}
            placeholder={t.addOrganisationPlaceholder}
            hint={t.addOrganisationHint}
            query={orgQuery}
            onQueryChange={(q) => {
              setOrgQuery(q);
              if (error?.picker === 'organisation') setError(undefined);
            }}
            options={orgs.options.map((o) => ({ id: o.organisationId, text: o.text, primary: o.name, secondary: o.secondary }))}
            {...(orgs.more > 0 ? { moreText: t.more(formatNumber(orgs.more)) } : {})}
            emptyText={t.noOrganisations}
            {...(error?.picker === 'organisation' ? { error: error.message } : {})}
            onPick={(id) => submit('organisation', id, orgs.options.find((o) => o.organisationId === id)?.name ?? '')}
          />
        </div>
        <Field label={t.role} className={styles.setting}>
          <Select value={role} onChange={(_e, data) => setRole(data.value as RosterRole)}>
            {rosterRoleOrder.map((r) => (
              <option key={r} value={r}>
                {sv.natverk.roles[r]}
              </option>
            ))}
          </Select>
        </Field>
        {showsParticipation(detail.kind) && (
          <Field label={t.participation} className={styles.setting}>
            <Select value={participation} onChange={(_e, data) => setParticipation(data.value as Participation)}>
              {participationOrder.map((p) => (
                <option key={p} value={p}>
                  {sv.natverk.participations[p]}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {board && (
          <Field label={t.addWorksWithIt} hint={t.addWorksWithItHint} className={styles.setting}>
            <Select value={worksWithIt} onChange={(_e, data) => setWorksWithIt(data.value as '' | 'ja' | 'nej')}>
              <option value="">{t.worksWithItUnknown}</option>
              <option value="ja">{t.worksWithItYes}</option>
              <option value="nej">{t.worksWithItNo}</option>
            </Select>
          </Field>
        )}
        <Field
          className={styles.setting}
          label={t.from}
          validationState={isCalendarDate(from) ? 'none' : 'error'}
          validationMessage={isCalendarDate(from) ? undefined : sv.natverk.form.invalidDate}
        >
          <DateInput value={from} onChange={(v) => setFrom(v)} />
        </Field>
      </div>
      <Text className={shared.hint} role="status" aria-live="polite" data-testid="added-status">
        {added}
      </Text>
    </Card>
  );
}
