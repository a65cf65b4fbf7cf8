import { useCallback } from 'react';
import { Toast, ToastTitle, useToastController, type ToastIntent } from '@fluentui/react-components';

/** The one toaster of the shell; features call `useNotify()` instead of mounting their own. */
export const TOASTER_ID = 'sambruk-toaster';

export function useNotify(): (text: string, intent?: ToastIntent) => void {
  const { dispatchToast } = useToastController(TOASTER_ID);
  return useCallback(
    (text, intent = 'success') =>
      dispatchToast(
        <Toast>
          <ToastTitle>{text}</ToastTitle>
        </Toast>,
        { intent, timeout: intent === 'error' ? 8000 : 4000 },
      ),
    [dispatchToast],
  );
}
