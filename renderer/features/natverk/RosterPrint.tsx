import { createPortal } from 'react-dom';
import type { NetworkDetail } from '../../../electron/contract';
import { sv } from '../../lib/i18n/sv';
import { councilRows, rosterRows, showsParticipation } from './roster.view-model';
import './natverk-print.css';

const t = sv.natverk;

/**
 * The printed roster: the entries in force at the screen's date (and, for a council, its organisations).
 * Rendered under <body>, hidden on screen; natverk-print.css shows only this when printing.
 */
export function RosterPrint({ detail }: { detail: NetworkDetail }) {
  const rows = rosterRows(detail, { showEnded: false });
  const council = councilRows(detail);
  const participation = showsParticipation(detail.kind);
  return createPortal(
    <div className="natverk-print" data-testid="roster-print">
      <h1>{t.print.heading(detail.name)}</h1>
      <p>{t.print.subtitle(t.kinds[detail.kind], detail.date)}</p>
      {detail.kind === 'forvaltningsrad' && council.length > 0 && (
        <>
          <h2>{t.print.councilHeading}</h2>
          <table>
            <thead>
              <tr>
                <th>{t.council.columns.organisation}</th>
                <th>{t.council.columns.member}</th>
                <th>{t.council.columns.representative}</th>
              </tr>
            </thead>
            <tbody>
              {council.map((c) => (
                <tr key={c.organisationId}>
                  <td>{c.name}</td>
                  <td>{c.memberLabel}</td>
                  <td>{c.representative ?? t.council.noRepresentative}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t.roster.heading}</h2>
        </>
      )}
      {rows.length === 0 ? (
        <p>{t.roster.emptyActive}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t.roster.columns.name}</th>
              <th>{t.roster.columns.organisation}</th>
              <th>{t.roster.columns.role}</th>
              {participation && <th>{t.roster.columns.participation}</th>}
              <th>{t.roster.columns.period}</th>
              <th>{t.roster.columns.email}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{r.name}</td>
                <td>{r.organisationName}</td>
                <td>{r.roleLabel}</td>
                {participation && <td>{r.participationLabel}</td>}
                <td>{r.periodText}</td>
                <td>{r.email}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="natverk-print-footer">{t.print.printed}</p>
    </div>,
    document.body,
  );
}
