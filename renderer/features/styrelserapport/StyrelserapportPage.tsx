import type { PageProps } from '../../app/page-props';
import { BoardPackPrintPage } from './BoardPackPrint';
import { BoardPackScreen } from './BoardPackScreen';

/**
 * `#/styrelserapport` the screen (`?datum=` a meeting date); `#/styrelserapport/utskrift?…` the print layout of a
 * saved pack (`paket=<id>`) or of the live figures (`datum=`), which the PDF is made from.
 */
export function StyrelserapportPage({ params, query }: PageProps) {
  if (params[0] === 'utskrift') return <BoardPackPrintPage query={query} />;
  return <BoardPackScreen query={query} />;
}
