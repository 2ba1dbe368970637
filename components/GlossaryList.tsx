import {
  GlossaryListItem,
  type GlossaryItem,
  type GlossaryListActions,
  type GlossaryListLabels,
} from './GlossaryListItem';

interface Props extends GlossaryListActions {
  items: readonly GlossaryItem[];
  labels: GlossaryListLabels;
  /** The list's accessible name (the heading above it). */
  labelledBy: string;
}

/** The reader's glossaries in their order: the first wins where two claim the same words. */
export function GlossaryList({ items, labels, labelledBy, ...actions }: Props) {
  return (
    <ol class="glossary-list" aria-labelledby={labelledBy}>
      {items.map((item, i) => (
        <GlossaryListItem key={item.id} item={item} labels={labels} position={i} count={items.length} {...actions} />
      ))}
    </ol>
  );
}
