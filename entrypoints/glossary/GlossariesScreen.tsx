import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { GlossaryList } from '@/components/GlossaryList';
import type { GlossaryItem, GlossaryListLabels } from '@/components/GlossaryListItem';
import { OrphanedNotes } from '@/components/OrphanedNotes';
import { LETTER_GLOSSARY_ID } from '@/core/ids';
import { rulesOrDefault } from '@/core/imported-terms';
import { t } from '@/i18n/t';
import { useGlossaries, useGlossaryActions, useOrphanedNotes, type GlossaryRow } from '@/ui-data/glossaries';
import { uiLocale } from '@/ui-data/i18n';
import { formatBytes, formatCount, languageName } from '@/ui-data/import-choices';
import { formatName } from './format-name';
import { ImportFlow } from './ImportFlow';
import { MyTermDialog } from './MyTermDialog';

const labels: GlossaryListLabels = {
  switchLabel: (title) => t('glossariesSwitch', title),
  on: t('glossariesOn'),
  off: t('glossariesOff'),
  rename: t('glossariesRename'),
  renameLabel: (title) => t('glossariesRenameLabel', title),
  nameLabel: (title) => t('glossariesNameLabel', title),
  save: t('glossariesSave'),
  cancel: t('glossariesCancel'),
  moveUp: (title) => t('glossariesMoveUp', title),
  moveDown: (title) => t('glossariesMoveDown', title),
  remove: t('glossariesDelete'),
  removeLabel: (title) => t('glossariesDeleteLabel', title),
  removeConfirm: (title, count) => t('glossariesDeleteConfirm', [title, count]),
  removeYes: t('glossariesDeleteYes'),
  keep: t('glossariesKeep'),
  letterFixed: t('glossariesLetterFixed'),
  rulesHeading: t('glossaryRulesHeading'),
  skipCommon: t('glossaryRuleSkipCommon'),
  skipCommonHelp: t('glossaryRuleSkipCommonHelp'),
  abbreviationsCaseExact: t('glossaryRuleAbbreviations'),
  abbreviationsCaseExactHelp: t('glossaryRuleAbbreviationsHelp'),
  failed: (message) => t('glossariesActionFailed', message),
  showEntries: t('glossariesShowEntries'),
  showEntriesLabel: (title) => t('glossariesShowEntriesLabel', title),
};

const dateFormat = new Intl.DateTimeFormat(uiLocale, { dateStyle: 'medium' });
const listFormat = new Intl.ListFormat(uiLocale, { type: 'unit', style: 'short' });

function itemOf(row: GlossaryRow): GlossaryItem {
  const letter = row.id === LETTER_GLOSSARY_ID;
  const entryCount = formatCount(row.entryCount, uiLocale);
  const details = [
    { label: t('glossariesFormat'), value: formatName(row.format) },
    ...(row.fileName ? [{ label: t('glossariesFile'), value: row.fileName }] : []),
    ...(letter ? [] : [{ label: t('glossariesImportedOn'), value: dateFormat.format(row.importedAt) }]),
    { label: t('glossariesEntries'), value: entryCount },
    {
      label: t('glossariesLanguages'),
      // Names for a few; an IATE slice's 24 as codes.
      value: listFormat.format(
        row.languages.length > 6 ? row.languages : row.languages.map((l) => languageName(l, uiLocale)),
      ),
    },
    { label: t('glossariesSize'), value: formatBytes(row.bytes, uiLocale) },
  ];
  const rules = letter ? undefined : rulesOrDefault(row.rules);
  return {
    id: row.id,
    title: row.title,
    enabled: row.enabled,
    deletable: !letter,
    details,
    entryCount,
    // The letter's entries are the Glossary tab; an import's are listed on their own page.
    ...(!letter && { entriesHref: `#glossary=${encodeURIComponent(row.id)}` }),
    ...(rules && { rules: { skipCommon: rules.skipCommon, abbreviationsCaseExact: rules.abbreviationsCaseExact } }),
  };
}

/**
 * The Glossaries section: the letter's glossary and each import, in the order that decides which
 * wins shared words, with their switches; the import dialog; the notes whose glossary was deleted.
 * Only the glossaries' rows are read here, never their entries.
 */
export function GlossariesScreen({
  hidden,
  add,
}: {
  hidden: boolean;
  /** A term to add, from the context menu: the form opens filled in. */
  add?: { name: string; abbreviation: string } | undefined;
}) {
  const rows = useGlossaries();
  const orphans = useOrphanedNotes();
  const actions = useGlossaryActions();
  const [importing, setImporting] = useState(false);
  const [adding, setAdding] = useState(false);
  useEffect(() => {
    if (add) setAdding(true);
  }, [add]);
  const [added, setAdded] = useState<string | null>(null);
  const items = useMemo(() => rows?.map(itemOf), [rows]);
  const heading = useRef<HTMLHeadingElement>(null);

  return (
    <main hidden={hidden} class="glossaries">
      <section aria-labelledby="glossaries-heading">
        <div class="section-head">
          <h2 id="glossaries-heading" tabIndex={-1} ref={heading}>
            {t('glossariesHeading')}
          </h2>
          <div class="section-actions">
            <button type="button" onClick={() => setAdding(true)}>
              {t('myTermsAdd')}
            </button>
            <button type="button" class="primary" onClick={() => setImporting(true)}>
              {t('glossariesImportButton')}
            </button>
          </div>
        </div>
        <p role="status" class="muted my-term-added">
          {added && t('myTermAdded', added)}
        </p>
        <p class="muted">{t('glossariesIntro')}</p>
        {items === undefined ? (
          <p class="muted">{t('glossariesLoading')}</p>
        ) : items.length === 0 ? (
          <p class="muted">{t('glossariesNone')}</p>
        ) : (
          <GlossaryList
            items={items}
            labels={labels}
            labelledBy="glossaries-heading"
            onToggle={actions.setEnabled}
            onRename={actions.rename}
            onMove={actions.move}
            onRules={(id, rules) => {
              const row = rows?.find((r) => r.id === id);
              return actions.setRules(id, { ...rulesOrDefault(row?.rules), ...rules });
            }}
            onDelete={async (id) => {
              await actions.remove(id);
              // Its row (and the focused button in it) is gone: the focus goes back to the list.
              heading.current?.focus();
            }}
          />
        )}
      </section>
      <OrphanedNotes
        notes={(orphans ?? []).map((n) => ({
          termId: n.termId,
          name: n.termName ?? t('orphansUnnamed'),
          from: t('orphansFrom', n.glossaryId),
          text: n.text,
        }))}
        labels={{ heading: t('orphansHeading'), intro: t('orphansIntro') }}
      />
      <ImportFlow open={importing} onClose={() => setImporting(false)} existing={rows ?? []} />
      <MyTermDialog open={adding} initial={add} onClose={() => setAdding(false)} onAdded={(name) => setAdded(name)} />
    </main>
  );
}
