import { useEffect, useState } from 'preact/hooks';
import { AUTO_OPEN_ACCESS } from '@/core/pdf-open';
import { useSetting } from './settings';

type Permissions = Parameters<typeof browser.permissions.request>[0];
const ACCESS = AUTO_OPEN_ACCESS as Permissions;

/** Whether this browser asks for AUTO_OPEN_ACCESS (Firefox's manifest offers it; Chromium's needs none). */
function asksForAccess(): boolean {
  const optional: string[] = browser.runtime.getManifest().optional_permissions ?? [];
  return AUTO_OPEN_ACCESS.permissions.every((p) => optional.includes(p));
}

/**
 * "Open PDFs in Benelux Glossary" (entrypoints/background/pdf-auto-open.ts) and its switch: on only
 * while the setting is on and, where the browser needs them, its permissions are held (the reader
 * may revoke them in the browser's settings). Switching on asks for them at the click — a prompt
 * needs the reader's gesture, so nothing is awaited before — and switching off releases them.
 */
export function usePdfAutoOpen(): [boolean | undefined, (on: boolean) => void] {
  const [setting, setSetting] = useSetting('openPdfsInViewer');
  const asks = asksForAccess();
  const [granted, setGranted] = useState<boolean | undefined>(asks ? undefined : true);
  useEffect(() => {
    if (!asks) return;
    const check = () => void browser.permissions.contains(ACCESS).then(setGranted, () => setGranted(false));
    check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, [asks]);
  const set = (on: boolean) => {
    if (!asks) return setSetting(on);
    if (!on) {
      setSetting(false);
      void browser.permissions.remove(ACCESS).then(() => setGranted(false));
      return;
    }
    const asked = browser.permissions.request(ACCESS);
    // Stored at once: Firefox may close the popup for its prompt; the background starts on the grant.
    setSetting(true);
    void asked
      .catch(() => false)
      .then((ok) => {
        setGranted(ok);
        if (!ok) setSetting(false);
      });
  };
  const value = setting === undefined || granted === undefined ? undefined : setting && granted;
  return [value, set];
}
