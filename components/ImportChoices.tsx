export interface ImportChoicesLabels {
  languages: string;
  languagesNote: string;
  reliability: string;
  /** The four reliability codes, 1 to 4. */
  reliabilityLevels: readonly [string, string, string, string];
  skipDeprecated: string;
}

export interface ImportChoicesValue {
  languages: readonly string[];
  minReliability: 1 | 2 | 3 | 4;
  skipDeprecated: boolean;
}

interface Props {
  /** The languages the preview saw, with their names. */
  languages: readonly { code: string; name: string }[];
  value: ImportChoicesValue;
  onChange: (next: ImportChoicesValue) => void;
  /** Only files that carry reliability codes (IATE's TBX) offer the choice. */
  showReliability: boolean;
  labels: ImportChoicesLabels;
}

/** What to keep of a file, chosen before anything is written. */
export function ImportChoices({ languages, value, onChange, showReliability, labels }: Props) {
  const set = (change: Partial<ImportChoicesValue>) => onChange({ ...value, ...change });
  const chosen = new Set(value.languages);
  return (
    <div class="import-choices">
      <fieldset>
        <legend>{labels.languages}</legend>
        <div class="import-languages">
          {languages.map((l) => (
            <label key={l.code}>
              <input
                type="checkbox"
                checked={chosen.has(l.code)}
                onChange={(e) =>
                  set({
                    languages: e.currentTarget.checked
                      ? languages.filter((x) => chosen.has(x.code) || x.code === l.code).map((x) => x.code)
                      : value.languages.filter((c) => c !== l.code),
                  })
                }
              />{' '}
              {l.name}
            </label>
          ))}
        </div>
        <p class="muted">{labels.languagesNote}</p>
      </fieldset>
      {showReliability && (
        <label>
          {labels.reliability}{' '}
          <select
            value={String(value.minReliability)}
            onChange={(e) => set({ minReliability: Number(e.currentTarget.value) as 1 | 2 | 3 | 4 })}
          >
            {labels.reliabilityLevels.map((text, i) => (
              <option key={i} value={String(i + 1)}>
                {text}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        <input
          type="checkbox"
          checked={value.skipDeprecated}
          onChange={(e) => set({ skipDeprecated: e.currentTarget.checked })}
        />{' '}
        {labels.skipDeprecated}
      </label>
    </div>
  );
}
