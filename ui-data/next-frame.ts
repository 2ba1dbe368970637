let queued: (() => void)[] = [];

/**
 * Applies changes that arrive in separate tasks together, at the next frame, so that they render
 * once: the popup's search worker replies for the letter and for the imported glossaries one message
 * each, a moment apart, and each render of the list costs the popup's thread a few milliseconds. It
 * paints no later than it would have (a frame paints after its animation-frame callbacks). A hidden
 * page gets no frames: a timeout stands in.
 */
export function atNextFrame(apply: () => void): void {
  queued.push(apply);
  if (queued.length > 1) return;
  const flush = () => {
    cancelAnimationFrame(frame);
    clearTimeout(timeout);
    const due = queued;
    queued = [];
    for (const change of due) change();
  };
  const frame = requestAnimationFrame(flush);
  const timeout = setTimeout(flush, 100);
}
