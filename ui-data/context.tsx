import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import type { Collections, DataSource } from './source';

const SourceContext = createContext<DataSource | null>(null);

/** Gives the hooks below it their source: Dexie in the popup and glossary page, the background in the tooltip. */
export function DataProvider({ source, children }: { source: DataSource; children: ComponentChildren }) {
  return <SourceContext.Provider value={source}>{children}</SourceContext.Provider>;
}

export function useDataSource(): DataSource {
  const source = useContext(SourceContext);
  if (!source) throw new Error('No data source: render the page inside <DataProvider>');
  return source;
}

/** The whole collections; only a page in the extension's origin has them (not the tooltip frame). */
export function useCollections(): Collections {
  const { collections } = useDataSource();
  if (!collections) throw new Error('This data source reads one entry at a time (the tooltip frame)');
  return collections;
}
