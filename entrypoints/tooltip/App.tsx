import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { TermCard, type TermCardLabels } from '@/components/TermCard';
import type { GlossaryEntry } from '@/core/glossary-schema';
import { useDataSource } from '@/ui-data/context';
import { useEntriesById } from '@/ui-data/entries';
import { partLabel, uiLocale } from '@/ui-data/i18n';
import { useNote, useNotesChanged } from '@/ui-data/notes';
import { openGlossary } from '@/ui-data/tabs';
import { TooltipNote } from './TooltipNote';
import { hostToTooltip, type HostToTooltip, type TooltipToHost } from '@/messaging/tooltip-channel';
import { t } from '@/i18n/t';

type Shown = Extract<HostToTooltip, { type: 'show' }>;

const labels: TermCardLabels = {
  lang: uiLocale,
  inLetter: t('entryInLetter'),
  part: partLabel,
  known: t('tooltipKnown'),
  close: t('tooltipClose'),
  dialog: (name) => t('tooltipDialog', name),
  alsoMeans: t('tooltipAlsoMeans'),
  yourNote: t('noteYours'),
  addNote: t('noteAdd'),
  editNote: t('noteEdit'),
  openGlossary: t('openInGlossary'),
};

interface Props {
  port: MessagePort;
}

export function App({ port }: Props) {
  const [shown, setShown] = useState<Shown | null>(null);
  const [editing, setEditing] = useState(false);
  const termId = shown?.termId;
  const source = useDataSource();
  // The shown term's note, asked of the background and again when a note changes elsewhere.
  const note = useNote(termId);
  const notesChanged = useNotesChanged();
  useEffect(() => setEditing(false), [termId]);
  // The shown entry and its candidates, fetched before the card renders (a render until then shows nothing).
  const entries = useEntriesById(shown ? [shown.termId, ...shown.candidates] : []);
  const card = useRef<HTMLDivElement>(null);
  const post = (message: TooltipToHost) => port.postMessage(message);

  useEffect(() => {
    port.onmessage = (event: MessageEvent) => {
      const parsed = hostToTooltip.safeParse(event.data);
      if (!parsed.success) return;
      const msg = parsed.data;
      if (msg.type === 'notesChanged') {
        notesChanged(msg.termId);
        return;
      }
      if (msg.type === 'show') setShown(msg);
      else if (msg.type === 'pin') setShown((s) => (s ? { ...s, pinned: true } : s));
      else setShown(null);
    };
    port.start();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') post({ type: 'close' });
    };
    const enter = () => post({ type: 'pointer', inside: true });
    const leave = () => post({ type: 'pointer', inside: false });
    document.addEventListener('keydown', onKey);
    document.documentElement.addEventListener('pointerenter', enter);
    document.documentElement.addEventListener('pointerleave', leave);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.documentElement.removeEventListener('pointerenter', enter);
      document.documentElement.removeEventListener('pointerleave', leave);
    };
  }, [port]);

  const entry = shown ? entries.get(shown.termId) : undefined;
  // Tell the host our size and that the term has painted (the hover bench times this).
  useLayoutEffect(() => {
    const el = card.current;
    if (!el || !shown || !entry) return;
    const report = () => post({ type: 'size', width: el.scrollWidth, height: el.scrollHeight });
    report();
    const observer = new ResizeObserver(report);
    observer.observe(el);
    const termId = shown.termId;
    requestAnimationFrame(() => post({ type: 'shown', termId }));
    if (shown.pinned) el.querySelector<HTMLElement>('[role="dialog"]')?.focus();
    return () => observer.disconnect();
  }, [shown, entry]);

  // A pinned card is laid out while the host is still hidden and inert, so it cannot take the focus
  // then; it takes it when the host gives our frame the focus (unless something in it already has it).
  const pinned = shown?.pinned ?? false;
  useEffect(() => {
    if (!pinned) return;
    const onFocus = () => {
      if (document.activeElement && document.activeElement !== document.body) return;
      card.current?.querySelector<HTMLElement>('[role="dialog"]')?.focus();
    };
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [pinned]);

  if (!shown || !entry) return <div ref={card} />;
  const candidates = shown.candidates.map((id) => entries.get(id)).filter((e): e is GlossaryEntry => !!e);
  return (
    <div
      ref={card}
      onPointerDown={() => {
        if (!shown.pinned) {
          setShown({ ...shown, pinned: true });
          post({ type: 'pinned' });
        }
      }}
    >
      <TermCard
        entry={entry}
        lang={shown.lang}
        pinned={shown.pinned}
        candidates={candidates}
        labels={labels}
        onKnown={() => {
          void source.setKnown(entry.id, true).then(() => post({ type: 'known', termId: entry.id }));
        }}
        onClose={() => post({ type: 'close' })}
        onPick={(id) =>
          setShown({ ...shown, termId: id, candidates: [shown.termId, ...shown.candidates.filter((c) => c !== id)] })
        }
        note={note?.text ?? null}
        editor={editing ? <TooltipNote termId={entry.id} stored={note ?? null} context={shown.context} /> : undefined}
        onOpenGlossary={() => {
          openGlossary(entry.id);
          post({ type: 'close' });
        }}
        onEditNote={() => {
          setEditing(true);
          if (!shown.pinned) {
            setShown({ ...shown, pinned: true });
            post({ type: 'pinned' });
          }
        }}
      />
    </div>
  );
}
