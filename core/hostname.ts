/** What a frame knows about where it is (`location`, `document.referrer`). */
export interface FrameLocation {
  /** Is this the tab's top frame (`window === window.top`)? */
  isTop: boolean;
  /** This frame's own `location.hostname`. */
  hostname: string;
  /** `location.ancestorOrigins`, parent first (Chromium); undefined where browsers lack it (Firefox). */
  ancestorOrigins?: readonly string[];
  /** `document.referrer`: the embedding page's URL, unless a referrer policy hid it (''). */
  referrer: string;
}

/**
 * The hostname of the tab's top frame, which "on/off for this site" is about: a frame's own when it
 * is the top; else the outermost ancestor origin (Chromium); else the referrer, which in Firefox is
 * the parent's URL (the top's for a frame one level down); else, with nothing to go on, its own.
 */
export function topFrameHostname(frame: FrameLocation): string {
  if (frame.isTop) return frame.hostname;
  const ancestors = frame.ancestorOrigins;
  const outer = ancestors && ancestors.length > 0 ? ancestors[ancestors.length - 1] : frame.referrer;
  try {
    return outer ? new URL(outer).hostname : frame.hostname;
  } catch {
    // An opaque ancestor (a sandboxed frame) reads as the origin "null".
    return frame.hostname;
  }
}
