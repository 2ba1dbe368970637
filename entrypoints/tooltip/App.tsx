import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { TermCard, type TermCardLabels } from '@/components/TermCard';
import type { GlossaryEntry, Part } from '@/core/glossary-schema';
import { handle, sendMessage } from '@/messaging/protocol';
import type { Note } from '@/core/notes';
import { TooltipNote } from './TooltipNote';
import { hostToTooltip, type HostToTooltip, type TooltipToHost } from '@/messaging/tooltip-channel';
import { t } from '@/i18n/t';

type Shown = Extract<HostToTooltip, { type: 'show' }>;

const labels: TermCardLabels = {
  lang: browser.i18n.getUILanguage(),
  inLetter: t('tooltipInLetter'),
  part: (part: Part) => t(`part_${part}`),
  known: t('tooltipKnown'),
  close: t('tooltipClose'),
  dialog: (name) => t('tooltipDialog', name),
  alsoMeans: t('tooltipAlsoMeans'),
  yourNote: t('noteYours'),
  addNote: t('noteAdd'),
  editNote: t('noteEdit'),
  openGlossary: t('tooltipOpenGlossary'),
};

interface Props {
  port: MessagePort;
  entries: Map<string, GlossaryEntry>;
}

export function App({ port, entries }: Props) {
  const [shown, setShown] = useState<Shown | null>(null);
  const [note, setNote] = useState<Note | null>(null);
  const [editing, setEditing] = useState(false);
  const termId = shown?.termId;
  const termIdRef = useRef<string | undefined>(undefined);
  termIdRef.current = termId;
  const reloadNote = useRef<() => void>(() => undefined);

  // The note of the shown term, fetched from the background and refreshed when it changes elsewhere.
  useEffect(() => {
    setEditing(false);
    setNote(null);
    if (!termId) return;
    let live = true;
    const load = () => void sendMessage('getNote', { termId }).then((n) => live && setNote(n));
    load();
    reloadNote.current = load;
    return () => {
      live = false;
      reloadNote.current = () => undefined;
    };
  }, [termId]);
  useEffect(() => {
    handle('notesChanged', (data) => {
      if (!data.termId || data.termId === termIdRef.current) reloadNote.current();
      return Promise.resolve({ ok: true as const });
    });
  }, []);
  const card = useRef<HTMLDivElement>(null);
  const post = (message: TooltipToHost) => port.postMessage(message);

  useEffect(() => {
    port.onmessage = (event: MessageEvent) => {
      const parsed = hostToTooltip.safeParse(event.data);
      if (!parsed.success) return;
      const msg = parsed.data;
      if (msg.type === 'notesChanged') {
        if (!msg.termId || msg.termId === termIdRef.current) reloadNote.current();
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

  // Tell the host our size and that the term has painted (the hover bench times this).
  useLayoutEffect(() => {
    const el = card.current;
    if (!el || !shown) return;
    const report = () => post({ type: 'size', width: el.scrollWidth, height: el.scrollHeight });
    report();
    const observer = new ResizeObserver(report);
    observer.observe(el);
    const termId = shown.termId;
    requestAnimationFrame(() => post({ type: 'shown', termId }));
    if (shown.pinned) el.querySelector<HTMLElement>('[role="dialog"]')?.focus();
    return () => observer.disconnect();
  }, [shown]);

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

  const entry = shown ? entries.get(shown.termId) : undefined;
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
          void sendMessage('setKnown', { termId: entry.id, known: true }).then(() =>
            post({ type: 'known', termId: entry.id }),
          );
        }}
        onClose={() => post({ type: 'close' })}
        onPick={(id) =>
          setShown({ ...shown, termId: id, candidates: [shown.termId, ...shown.candidates.filter((c) => c !== id)] })
        }
        note={note?.text ?? null}
        editor={editing ? <TooltipNote termId={entry.id} stored={note} context={shown.context} /> : undefined}
        onOpenGlossary={() => {
          void browser.tabs.create({ url: browser.runtime.getURL(`/glossary.html#term=${entry.id}`) });
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
