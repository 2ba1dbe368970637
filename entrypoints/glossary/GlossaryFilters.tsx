import { PARTS, type Part } from '@/core/constants';
import { t } from '@/i18n/t';
import { usePartLabels } from '@/ui-data/i18n';

export interface Filters {
  query: string;
  part: Part | '';
  withNotes: boolean;
  knownOnly: boolean;
}

export const NO_FILTERS: Filters = { query: '', part: '', withNotes: false, knownOnly: false };

/** Search, part, "with my notes", "marked as known". */
export function GlossaryFilters({ value, onChange }: { value: Filters; onChange: (next: Filters) => void }) {
  const part = usePartLabels();
  const set = (change: Partial<Filters>) => onChange({ ...value, ...change });
  return (
    <section class="filters" aria-label={t('glossaryFilters')}>
      <input
        type="search"
        role="searchbox"
        class="search"
        aria-label={t('searchLabel')}
        placeholder={t('searchPlaceholder')}
        value={value.query}
        onInput={(e) => set({ query: e.currentTarget.value })}
      />
      <label>
        {t('glossaryPart')}{' '}
        <select value={value.part} onChange={(e) => set({ part: e.currentTarget.value as Part | '' })}>
          <option value="">{t('glossaryAllParts')}</option>
          {PARTS.map((p) => (
            <option value={p} key={p}>
              {part(p)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          checked={value.withNotes}
          onChange={(e) => set({ withNotes: e.currentTarget.checked })}
        />
        {t('glossaryWithNotes')}
      </label>
      <label>
        <input
          type="checkbox"
          checked={value.knownOnly}
          onChange={(e) => set({ knownOnly: e.currentTarget.checked })}
        />
        {t('glossaryKnownOnly')}
      </label>
    </section>
  );
}
