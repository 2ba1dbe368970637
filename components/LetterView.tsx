import type { LetterBlock } from '@/core/letter';

interface Props {
  blocks: readonly LetterBlock[];
  title: string;
  /** The block to mark on arrival (from a quote link). */
  marked: string | null;
}

/** The letter as a clean document: headings, paragraphs, the numbered list, the closing. */
export function LetterView({ blocks, title, marked }: Props) {
  const items: preact.JSX.Element[] = [];
  let list: LetterBlock[] = [];
  const flush = () => {
    if (list.length === 0) return;
    const first = list[0]!;
    items.push(
      <ol class="letter-list" key={`ol-${first.id}`}>
        {list.map((b) => (
          <li
            id={b.id}
            key={b.id}
            class={b.id === marked ? 'arrived' : undefined}
            value={Number((b as { number: string }).number)}
          >
            {b.text}
          </li>
        ))}
      </ol>,
    );
    list = [];
  };
  for (const b of blocks) {
    if (b.kind === 'list-item') {
      list.push(b);
      continue;
    }
    flush();
    const cls = b.id === marked ? 'arrived' : undefined;
    if (b.kind === 'heading') {
      const Tag = b.level === 1 ? 'h2' : 'h3';
      items.push(
        <Tag id={b.id} key={b.id} class={cls}>
          {b.number}. {b.text}
        </Tag>,
      );
    } else if (b.kind === 'closing') {
      items.push(
        <p id={b.id} key={b.id} class={`letter-closing ${cls ?? ''}`}>
          {b.text}
        </p>,
      );
    } else {
      items.push(
        <p id={b.id} key={b.id} class={cls}>
          {b.text}
        </p>,
      );
    }
  }
  flush();
  return (
    <article class="letter" id="letter" lang="nl">
      <h1>{title}</h1>
      {items}
    </article>
  );
}
