import { useMemo, useState } from 'react';
import {
  Badge,
  Button,
  Link,
  mergeClasses,
  Switch,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  useId,
} from '@fluentui/react-components';
import { NavTable } from '../../components/NavTable';
import { Add20Regular } from '@fluentui/react-icons';
import { useApiQuery } from '../../app/api';
import { hrefTo } from '../../app/router';
import { QueryState } from '../../components/QueryState';
import { sv } from '../../lib/i18n/sv';
import { catalogueRows } from './catalogue.view-model';
import { DateField } from './Parts';
import { ServiceDialog } from './ServiceDialog';
import { useTjansterStyles } from './styles';
import type { ViewDate } from './dates';
import { yearOf } from '../../../electron/contract/rules/calendar-date';

const t = sv.tjanster;
const c = t.catalogue.columns;

export function CatalogueView({ viewDate }: { viewDate: ViewDate }) {
  const styles = useTjansterStyles();
  const headingId = useId('catalogue');
  const [showArchived, setShowArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const services = useApiQuery('services/list', { includeArchived: showArchived, date: viewDate.date }, { placeholderData: (previous) => previous });
  const adoption = useApiQuery('usage/get-adoption', { date: viewDate.date }, { placeholderData: (previous) => previous });
  const rows = useMemo(() => (services.data ? catalogueRows(services.data, adoption.data) : []), [services.data, adoption.data]);

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <div className={styles.sectionHeader}>
        <h2 id={headingId} className={styles.heading}>
          {t.catalogue.heading}
        </h2>
        <Button appearance="primary" icon={<Add20Regular />} onClick={() => setCreating(true)}>
          {t.catalogue.newService}
        </Button>
      </div>
      <div className={styles.toolbar}>
        <DateField label={t.viewDate} value={viewDate.typed ?? viewDate.date} onChange={viewDate.setTyped} error={viewDate.error} />
        <Switch label={t.catalogue.showArchived} checked={showArchived} onChange={(_, d) => setShowArchived(d.checked)} />
      </div>
      <QueryState query={services}>
        {() =>
          rows.length === 0 ? (
            <Text className={styles.hint} data-ready="true">
              {t.catalogue.empty}
            </Text>
          ) : (
            <div className={styles.tableWrap} data-ready="true">
              <NavTable size="small" aria-labelledby={headingId} data-testid="service-catalogue" className={styles.catalogueTable}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell className={styles.catalogueName}>{c.name}</TableHeaderCell>
                    <TableHeaderCell className={styles.catalogueArea}>{c.area}</TableHeaderCell>
                    <TableHeaderCell className={styles.catalogueManagers}>{c.managers}</TableHeaderCell>
                    <TableHeaderCell className={mergeClasses(styles.numberHeader, styles.catalogueUsers)}>{c.users}</TableHeaderCell>
                    <TableHeaderCell className={mergeClasses(styles.numberHeader, styles.catalogueShare)}>{c.memberShare}</TableHeaderCell>
                    <TableHeaderCell className={styles.cataloguePricing}>{c.pricing}</TableHeaderCell>
                    <TableHeaderCell className={styles.catalogueCouncil}>{c.council}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {rows.map((row) => (
                    <TableRow key={row.serviceId} data-service={row.serviceId}>
                      <TableCell>
                        <div className={styles.cellStack}>
                          <span>
                            <Link href={hrefTo('tjanster', [row.serviceId])}>{row.name}</Link>{' '}
                            {row.archived && (
                              <Badge appearance="outline" color="subtle">
                                {t.catalogue.archived}
                              </Badge>
                            )}
                          </span>
                          {row.description && (
                            <p className={styles.clamp} title={row.description}>
                              {row.description}
                            </p>
                          )}
                        </div>
                      </TableCell>
                      <TableCell>{row.area}</TableCell>
                      <TableCell>
                        <div className={styles.cellStack}>
                          {row.managers.map((m) => (
                            <span key={m}>{m}</span>
                          ))}
                        </div>
                      </TableCell>
                      <TableCell className={styles.number} title={row.usersDetail}>
                        <div className={styles.cellStack}>
                          {row.users.split(' (').map((part, i) => (
                            <span key={i}>{i === 0 ? `${part} ` : `(${part}`}</span>
                          ))}
                        </div>
                      </TableCell>
                      <TableCell className={styles.number}>
                        <div className={styles.cellStack}>
                          {row.memberShare.split(' (').map((part, i) => (
                            <span key={i}>{i === 0 ? `${part} ` : `(${part}`}</span>
                          ))}
                        </div>
                      </TableCell>
                      <TableCell>
                        {row.missingPrice ? (
                          <Badge appearance="tint" color="warning">
                            {row.pricing}
                          </Badge>
                        ) : (
                          row.pricing
                        )}
                      </TableCell>
                      <TableCell>{row.council}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </NavTable>
              <Text className={styles.hint}>{t.catalogue.count(rows.length)}</Text>
            </div>
          )
        }
      </QueryState>
      {creating && <ServiceDialog mode={{ kind: 'create' }} onClose={() => setCreating(false)} defaultYear={yearOf(viewDate.today)} />}
    </section>
  );
}
