import {
  Badge,
  Button,
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Text,
  Tooltip,
  tokens,
} from '@fluentui/react-components';
import { ArrowRedo20Regular, ArrowUndo20Regular, BookQuestionMark20Regular, Document20Regular, Info20Regular, QuestionCircle20Regular } from '@fluentui/react-icons';
import type { AppInfo, HistoryState } from '../../electron/contract';
import { sv } from '../lib/i18n/sv';
import { SaveStatusText } from '../components/SaveStatusText';
import { fileNameOf } from '../lib/file-name';
import type { SaveState } from './api';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    minHeight: '48px',
    paddingInline: tokens.spacingHorizontalXXL,
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  file: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, minWidth: 0, flexShrink: 1 },
  fileLabel: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap' },
  fileName: { fontWeight: tokens.fontWeightSemibold, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  status: { minWidth: 0, flexShrink: 1 },
  spacer: { flexGrow: 1 },
  actions: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, flexShrink: 0 },
});

export function AppHeader({
  info,
  saveState,
  history,
  onUndo,
  onRedo,
  onAbout,
  onGuide,
}: {
  info: AppInfo | undefined;
  saveState: SaveState | undefined;
  history: HistoryState | undefined;
  onUndo: () => void;
  onRedo: () => void;
  onAbout: () => void;
  onGuide: () => void;
}) {
  const styles = useStyles();
  // After an invoice is issued nothing before it can be undone: the tooltip says why instead.
  const undoLabel = history?.undoRefusal ?? (history?.undoSummary ? sv.header.undoWhat(history.undoSummary) : sv.header.nothingToUndo);
  const redoLabel = history?.redoSummary ? sv.header.redoWhat(history.redoSummary) : sv.header.nothingToRedo;
  return (
    <header className={styles.root}>
      <div className={styles.file}>
        <Document20Regular aria-hidden />
        <Text className={styles.fileLabel}>{sv.header.openFile}:</Text>
        <Text className={styles.fileName} title={info?.dataFile} data-testid="open-file">
          {info ? fileNameOf(info.dataFile) : sv.app.loading}
        </Text>
        {info?.readOnly && (
          <Badge appearance="tint" color="warning">
            {sv.header.readOnly}
          </Badge>
        )}
      </div>
      <div className={styles.status}>
        <SaveStatusText status={saveState} />
      </div>
      <div className={styles.spacer} />
      <div className={styles.actions}>
        <Tooltip content={`${undoLabel} (${sv.header.shortcutUndo})`} relationship="description">
          <Button appearance="subtle" icon={<ArrowUndo20Regular />} disabledFocusable={!history?.canUndo} onClick={onUndo}>
            {sv.header.undo}
          </Button>
        </Tooltip>
        <Tooltip content={`${redoLabel} (${sv.header.shortcutRedo})`} relationship="description">
          <Button appearance="subtle" icon={<ArrowRedo20Regular />} disabledFocusable={!history?.canRedo} onClick={onRedo}>
            {sv.header.redo}
          </Button>
        </Tooltip>
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <Button appearance="subtle" icon={<QuestionCircle20Regular />}>
              {sv.header.help}
            </Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem icon={<BookQuestionMark20Regular />} secondaryContent={sv.header.shortcutGuide} onClick={onGuide}>
                {sv.header.guide}
              </MenuItem>
              <MenuItem icon={<Info20Regular />} onClick={onAbout}>
                {sv.header.about}
              </MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
      </div>
    </header>
  );
}
