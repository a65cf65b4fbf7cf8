import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { sv } from '../lib/i18n/sv';
import { PageHeader } from './PageHeader';

/** A screen that is not built yet: says so plainly, shows no figures. */
export function ComingSoonPage({ title }: { title: string }) {
  return (
    <>
      <PageHeader title={title} />
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{sv.app.comingSoonTitle}</MessageBarTitle>
          {sv.app.comingSoonBody}
        </MessageBarBody>
      </MessageBar>
    </>
  );
}
