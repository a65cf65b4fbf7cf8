import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Link,
  makeStyles,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { NavTable } from '../../components/NavTable';
import { Delete20Regular, DocumentTable20Regular } from '@fluentui/react-icons';
import type { BoardPackSummary } from '../../../electron/contract';
import { useApiClient, useApiMutation, useApiQuery } from '../../app/api';
import { useNotify } from '../../app/notify';
import { hrefTo } from '../../app/router';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';
import { printQuery } from './board-pack.view-model';
import { downloadFile } from '../../components/download-file';

const p = sv.styrelserapport.packs;

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    padding: tokens.spacingHorizontalL,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  intro: { color: tokens.colorNeutralForeground2 },
  date: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', width: '120px' },
  created: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', width: '160px' },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  actionsCell: { width: '260px' },
});

/** Saved board packs with their meeting dates; each opens in the print layout from its own saved figures. */
export function PackList() {
  const styles = useStyles();
  const notify = useNotify();
  const client = useApiClient();
  const packs = useApiQuery('packs/list', {});
  const remove = useApiMutation('packs/delete');
  const [removing, setRemoving] = useState<BoardPackSummary>();
  const [exporting, setExporting] = useState<string>();

  const exportPack = async (pack: BoardPackSummary) => {
    setExporting(pack.id);
    try {
      const file = await client.request('packs/workbook', { packId: pack.id });
      downloadFile(file);
      notify(sv.styrelserapport.exported(file.fileName));
    } catch (error) {
      notify(sv.styrelserapport.exportFailed(error instanceof Error ? error.message : String(error)), 'error');
    } finally {
      setExporting(undefined);
    }
  };

  const confirmRemove = async () => {
    if (!removing) return;
    try {
      await remove.mutateAsync({ packId: removing.id });
      notify(p.removed(removing.title));
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), 'error');
    }
    setRemoving(undefined);
  };

  return (
    <section className={styles.section} aria-labelledby="paket-rubrik">
      <h2 id="paket-rubrik" className={styles.heading}>
        {p.heading}
      </h2>
      <Text className={styles.intro}>{p.intro}</Text>
      <QueryState query={packs}>
        {(list) =>
          list.length === 0 ? (
            <Text>{p.empty}</Text>
          ) : (
            <NavTable aria-label={p.tableLabel} size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell className={styles.date}>{p.columns.date}</TableHeaderCell>
                  <TableHeaderCell>{p.columns.title}</TableHeaderCell>
                  <TableHeaderCell className={styles.created}>{p.columns.createdAt}</TableHeaderCell>
                  <TableHeaderCell className={styles.actionsCell}>{p.columns.actions}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {list.map((pack) => (
                  <TableRow key={pack.id} data-pack={pack.id}>
                    <TableCell className={styles.date}>{pack.date}</TableCell>
                    <TableCell>{pack.title}</TableCell>
                    <TableCell className={styles.created}>{formatDateTime(pack.createdAt)}</TableCell>
                    <TableCell className={styles.actionsCell}>
                      <div className={styles.actions}>
                        <Link href={hrefTo('styrelserapport', ['utskrift'], printQuery({ packId: pack.id }))} aria-label={p.openLabel(pack.title)}>
                          {p.open}
                        </Link>
                        <Button
                          size="small"
                          icon={<DocumentTable20Regular />}
                          aria-label={p.excelLabel(pack.title)}
                          disabled={exporting === pack.id}
                          onClick={() => void exportPack(pack)}
                        >
                          {p.excel}
                        </Button>
                        <Button size="small" appearance="subtle" icon={<Delete20Regular />} aria-label={p.removeLabel(pack.title)} onClick={() => setRemoving(pack)}>
                          {p.remove}
                        </Button>
                      </div>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </NavTable>
          )
        }
      </QueryState>
      {removing && (
        <Dialog open modalType="alert" onOpenChange={(_, data) => !data.open && setRemoving(undefined)}>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>{p.removeTitle}</DialogTitle>
              <DialogContent>{p.removeBody(removing.title)}</DialogContent>
              <DialogActions>
                <Button appearance="secondary" onClick={() => setRemoving(undefined)}>
                  {sv.app.cancel}
                </Button>
                <Button appearance="primary" onClick={() => void confirmRemove()} disabled={remove.isPending}>
                  {p.remove}
                </Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
    </section>
  );
}
