import { ComingSoonPage } from '../../components/ComingSoonPage';
import type { PageProps } from '../../app/page-props';
import { sv } from '../../lib/i18n/sv';

/** Placeholder until the medlemmar feature is built: replace this component, keep its name and props. */
export function MedlemmarPage(_props: PageProps) {
  return <ComingSoonPage title={sv.nav.medlemmar} />;
}
