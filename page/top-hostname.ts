import { topFrameHostname } from '@/core/hostname';

/** The hostname "on/off for this site" is about: the tab's top frame's. */
export function topHostname(): string {
  const ancestors = location.ancestorOrigins as DOMStringList | undefined; // Firefox has none
  return topFrameHostname({
    isTop: window === window.top,
    hostname: location.hostname,
    ancestorOrigins: ancestors ? Array.from(ancestors) : undefined,
    referrer: document.referrer,
  });
}
