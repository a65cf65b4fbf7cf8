/** Entry of the main process (bundled to `out/main/main.cjs`). */
import { app } from 'electron';
import { startApp } from './app';
import { showStartupFailure } from './dialogs';

startApp().catch((error: unknown) => {
  console.error(error);
  showStartupFailure(error instanceof Error ? error.message : String(error));
  app.exit(1);
});
