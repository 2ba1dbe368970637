import { useEffect, useRef, useState } from 'preact/hooks';
import type { SettingName, Settings } from '@/core/settings';
import {
  benchTimings,
  disabledSites,
  dwellMs,
  enabledEverywhere,
  everydayTermsOn,
  explainLang,
  highlightMode,
  pushRecent,
  recentTerms,
  tooltipTrigger,
  syncEnabled,
  declinedDefinitions,
  openPdfsInViewer,
  type Setting,
} from '@/settings';

const items: { [K in SettingName]: Setting<K> } = {
  enabled: enabledEverywhere,
  disabledSites,
  highlightMode,
  everydayTermsOn,
  dwellMs,
  benchTimings,
  recentTerms,
  explainLang,
  tooltipTrigger,
  syncEnabled,
  declinedDefinitions,
  openPdfsInViewer,
};

/**
 * A setting (validated, see core/settings.ts) and its setter: undefined until the stored value is
 * read, so a switch can wait for it and an early click is never undone. Live: a change made in
 * another view shows here; while a change of ours is being written, news of older writes is ignored.
 */
export function useSetting<K extends SettingName>(name: K): [Settings[K] | undefined, (value: Settings[K]) => void] {
  const [value, setValue] = useState<Settings[K] | undefined>(undefined);
  const writing = useRef(0);
  useEffect(() => {
    const item = items[name];
    let live = true;
    void item.getValue().then((v) => live && writing.current === 0 && setValue(v));
    const unwatch = item.watch((v) => writing.current === 0 && setValue(v));
    return () => {
      live = false;
      unwatch();
    };
  }, [name]);
  const set = (next: Settings[K]) => {
    setValue(next);
    writing.current++;
    void items[name].setValue(next).finally(() => writing.current--);
  };
  return [value, set];
}

/** Terms the reader opened, newest first, and how to add one. */
export function useRecentTerms(): [string[] | undefined, (termId: string) => void] {
  const [recent] = useSetting('recentTerms');
  return [recent, (termId) => void pushRecent(termId)];
}
