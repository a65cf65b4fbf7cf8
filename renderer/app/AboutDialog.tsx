import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { AppInfo } from '../../electron/contract';
import { sv } from '../lib/i18n/sv';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  version: { fontWeight: tokens.fontWeightSemibold },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  kbd: {
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    paddingInline: tokens.spacingHorizontalXS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

export function AboutDialog({ open, onClose, info }: { open: boolean; onClose: () => void; info: AppInfo | undefined }) {
  const styles = useStyles();
  return (
    <Dialog open={open} onOpenChange={(_e, data) => !data.open && onClose()}>
      <DialogSurface aria-describedby="about-description">
        <DialogBody>
          <DialogTitle>{sv.about.title}</DialogTitle>
          <DialogContent className={styles.content}>
            <Text id="about-description">{sv.about.description}</Text>
            {info && (
              <>
                <Text className={styles.version} data-testid="about-version">
                  {sv.about.version(info.version)}
                </Text>
                <dl className={styles.facts}>
                  <dt className={styles.term}>{sv.about.mode}</dt>
                  <dd className={styles.value}>{sv.about.modes[info.mode]}</dd>
                  <dt className={styles.term}>{sv.about.dataFile}</dt>
                  <dd className={styles.value}>{info.dataFile}</dd>
                </dl>
              </>
            )}
            <h3 className={styles.heading}>{sv.about.shortcuts}</h3>
            <dl className={styles.facts}>
              {sv.about.shortcutList.map(({ keys, action }) => (
                <div key={action} style={{ display: 'contents' }}>
                  <dt className={styles.term}>
                    {keys.map((combo, i) => (
                      <span key={combo}>
                        {i > 0 && ` ${sv.about.or} `}
                        <kbd className={styles.kbd}>{combo}</kbd>
                      </span>
                    ))}
                  </dt>
                  <dd className={styles.value}>{action}</dd>
                </div>
              ))}
            </dl>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              {sv.app.close}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
