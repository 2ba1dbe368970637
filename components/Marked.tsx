import type { Span } from '@/core/search';

/** Text with the matched spans marked; every piece is rendered as text. */
export function Marked({ text, spans }: { text: string; spans: readonly Span[] }) {
  const parts = [];
  let at = 0;
  for (const [start, end] of spans) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
