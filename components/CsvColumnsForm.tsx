export interface CsvColumnsLabels {
  intro: string;
  column: string;
  holds: string;
  language: string;
  holdsLabel: (number: number, header: string) => string;
  languageLabel: (number: number, header: string) => string;
  /** The "leave it out" choice. */
  ignore: string;
}

export type ColumnMapping<K extends string> = Record<number, { kind: K; lang?: string }>;

interface Props<K extends string> {
  /** The header's cells, as the file has them. */
  header: readonly string[];
  kinds: readonly { value: K; label: string }[];
  /** Kinds whose text is in a language (a language field is shown for them). */
  languageKinds: readonly K[];
  value: ColumnMapping<K>;
  onChange: (next: ColumnMapping<K>) => void;
  /** Codes offered as the language's suggestions. */
  languageCodes: readonly string[];
}

/** For a CSV the parser cannot read: what each column holds, and in which language. */
export function CsvColumnsForm<K extends string>({
  header,
  kinds,
  languageKinds,
  value,
  onChange,
  languageCodes,
  labels,
}: Props<K> & { labels: CsvColumnsLabels }) {
  const set = (i: number, column: { kind: K; lang?: string } | null) => {
    const next = { ...value };
    if (column) next[i] = column;
    else delete next[i];
    onChange(next);
  };
  return (
    <div class="csv-columns">
      <p>{labels.intro}</p>
      <datalist id="csv-language-codes">
        {languageCodes.map((code) => (
          <option key={code} value={code} />
        ))}
      </datalist>
      <table>
        <thead>
          <tr>
            <th scope="col">{labels.column}</th>
            <th scope="col">{labels.holds}</th>
            <th scope="col">{labels.language}</th>
          </tr>
        </thead>
        <tbody>
          {header.map((cell, i) => {
            const column = value[i];
            const n = i + 1;
            return (
              <tr key={i}>
                <th scope="row">
                  {n}. {cell}
                </th>
                <td>
                  <select
                    aria-label={labels.holdsLabel(n, cell)}
                    value={column?.kind ?? ''}
                    onChange={(e) => {
                      const kind = e.currentTarget.value as K | '';
                      if (!kind) return set(i, null);
                      set(i, languageKinds.includes(kind) ? { kind, lang: column?.lang ?? '' } : { kind });
                    }}
                  >
                    <option value="">{labels.ignore}</option>
                    {kinds.map((k) => (
                      <option key={k.value} value={k.value}>
                        {k.label}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {column && languageKinds.includes(column.kind) && (
                    <input
                      type="text"
                      size={4}
                      maxLength={3}
                      list="csv-language-codes"
                      aria-label={labels.languageLabel(n, cell)}
                      value={column.lang ?? ''}
                      onInput={(e) => set(i, { kind: column.kind, lang: e.currentTarget.value.trim().toLowerCase() })}
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
