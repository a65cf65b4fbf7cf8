import { makeStyles, tokens } from '@fluentui/react-components';
import type { BoardPackContent } from '../../../electron/contract';
import { sv } from '../../lib/i18n/sv';
import { planFigureRows } from './board-pack.view-model';

const t = sv.styrelserapport.planFigures;

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    '& th, & td': { textAlign: 'start', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  },
  num: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  source: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  assumptions: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

/** The plan's stated figures beside the register's, and the assumptions behind the pack's figures, on the Styrelserapport screen and in the printed pack. */
export function PlanFiguresTable({ content, headingLevel = 2 }: { content: BoardPackContent; headingLevel?: 2 | 3 }) {
  const styles = useStyles();
  const rows = planFigureRows(content);
  const assumptions = content.assumptions ?? [];
  if (rows.length === 0) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const c = t.columns;
  return (
    <section className={styles.section} aria-labelledby="planens-uppgifter" data-testid="plan-figures">
      <Heading id="planens-uppgifter" className={styles.heading}>
        {t.heading}
      </Heading>
      <p className={styles.intro}>{t.intro}</p>
      <table className={styles.table} aria-label={t.tableLabel}>
        <thead>
          <tr>
            <th scope="col">{c.what}</th>
            <th scope="col">{c.date}</th>
            <th scope="col" className={styles.num}>
              {c.plan}
            </th>
            <th scope="col" className={styles.num}>
              {c.register}
            </th>
            <th scope="col" className={styles.num}>
              {c.difference}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                {row.label}
                <br />
                <span className={styles.source}>{row.source}</span>
              </td>
              <td>{row.date}</td>
              <td className={styles.num}>{row.plan}</td>
              <td className={styles.num}>{row.register}</td>
              <td className={styles.num}>{row.difference}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {assumptions.length > 0 && (
        <>
          <p className={styles.intro}>{t.assumptions}:</p>
          <ul className={styles.assumptions} data-testid="pack-assumptions">
            {assumptions.map((a) => (
              <li key={a.id}>{a.title}</li>
            ))}
          </ul>
          <p className={styles.source}>{t.assumptionsMore}</p>
        </>
      )}
    </section>
  );
}
