import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ImportedEntryCard, type ImportedEntryCardLabels } from '@/components/ImportedEntryCard';
import { TermCard, type TermCandidate, type TermCardLabels } from '@/components/TermCard';
import { TermMissing } from '@/components/TermMissing';
import { useDataSource } from '@/ui-data/context';
import { languageName, partLabel, uiLocale } from '@/ui-data/i18n';
import { useNote, useNotesChanged } from '@/ui-data/notes';
import { openGlossary } from '@/ui-data/tabs';
import { termName, useTermsById } from '@/ui-data/terms';
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

const importedLabels: ImportedEntryCardLabels = {
  lang: uiLocale,
  languageName,
  otherLanguages: t('importedOtherLanguages'),
  moreLanguages: (count) => t('importedMoreLanguages', String(count)),
  subjectField: t('importedSubjectField'),
  source: t('entrySource'),
  origin: t('importedOrigin'),
  known: labels.known,
  close: labels.close,
  dialog: labels.dialog,
  alsoMeans: labels.alsoMeans,
  yourNote: labels.yourNote,
  addNote: labels.addNote,
  editNote: labels.editNote,
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
  // A new term closes the editor, unless the host asked for it open (the context menu's "Add a note").
  const openNote = shown?.note ?? false;
  useEffect(() => setEditing(openNote), [termId, openNote]);
  // The shown term and its candidates (the letter's or imported), fetched before the card renders
  // (a render until then shows nothing, or the term it showed if it is among them).
  const ids = shown ? [shown.termId, ...shown.candidates] : [];
  const answer = useTermsById(ids);
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

  const term = shown ? answer.terms.get(shown.termId) : undefined;
  // Asked and not found: its glossary was deleted or switched off since the page was scanned.
  const missing = !!shown && !term && answer.for === ids.join(' ');
  // Tell the host our size and that the term has painted (the hover bench times this).
  useLayoutEffect(() => {
    const el = card.current;
    if (!el || !shown || (!term && !missing)) return;
    const report = () => post({ type: 'size', width: el.scrollWidth, height: el.scrollHeight });
    report();
    const observer = new ResizeObserver(report);
    observer.observe(el);
    const termId = shown.termId;
    requestAnimationFrame(() => post({ type: 'shown', termId }));
    if (shown.pinned) el.querySelector<HTMLElement>('[role="dialog"]')?.focus();
    return () => observer.disconnect();
  }, [shown, term, missing]);

  // A pinned card is laid out while the host is still hidden and inert, so it cannot take the focus
  // then; it takes it when the host gives our frame the focus (unless something in it already has it).
  const pinned = shown?.pinned ?? false;
  useEffect(() => {
    if (!pinned) return;
    const onFocus = () => {
      if (document.activeElement && document.activeElement !== document.body) return;
      // An open note editor is what the reader came to type in (it could not take the focus while hidden).
      const target =
        card.current?.querySelector<HTMLElement>('.note-text') ?? card.current?.querySelector('[role="dialog"]');
      target?.focus();
    };
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [pinned]);

  if (!shown || (!term && !missing)) return <div ref={card} />;
  const pin = () => {
    if (!shown.pinned) {
      setShown({ ...shown, pinned: true });
      post({ type: 'pinned' });
    }
  };
  const close = () => post({ type: 'close' });
  if (!term) {
    return (
      <div ref={card} onPointerDown={pin}>
        <TermMissing pinned={shown.pinned} message={t('importedMissing')} close={labels.close} onClose={close} />
      </div>
    );
  }
  const candidates: TermCandidate[] = shown.candidates.flatMap((id) => {
    const c = answer.terms.get(id);
    if (!c) return [];
    const name = termName(c, shown.lang);
    return [{ id, name: name.text, lang: name.lang, ...(c.kind === 'imported' ? { glossary: c.glossary.title } : {}) }];
  });
  const actions = {
    pinned: shown.pinned,
    candidates,
    onKnown: () => {
      void source.setKnown(term.id, true).then(() => post({ type: 'known', termId: term.id }));
    },
    onClose: close,
    onPick: (id: string) =>
      setShown({
        ...shown,
        termId: id,
        candidates: [shown.termId, ...shown.candidates.filter((c) => c !== id)],
        note: false,
      }),
    note: note?.text ?? null,
    editor: editing ? <TooltipNote termId={term.id} stored={note ?? null} context={shown.context} /> : undefined,
    onEditNote: () => {
      setEditing(true);
      pin();
    },
  };
  return (
    <div ref={card} onPointerDown={pin}>
      {term.kind === 'letter' ? (
        <TermCard
          entry={term.entry}
          lang={shown.lang}
          labels={labels}
          onOpenGlossary={() => {
            openGlossary(term.id);
            close();
          }}
          {...actions}
        />
      ) : (
        <ImportedEntryCard
          termKey={term.id}
          glossary={term.glossary}
          entry={term.entry}
          lang={shown.lang}
          labels={importedLabels}
          {...actions}
        />
      )}
    </div>
  );
}
