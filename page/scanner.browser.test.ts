import { afterEach, describe, expect, it } from 'vitest';
import { TermHighlighter } from './highlighter';
import { PageScanner, type BatchMatcher } from './scanner';
import {
  byId,
  fragment,
  manualIdle,
  mount,
  sampleMatcher,
  settle,
  shown,
  textOf,
  type Shown,
} from '@/test/browser/dom';

const matcher = sampleMatcher();
const running: PageScanner[] = [];

afterEach(() => {
  for (const scanner of running.splice(0)) scanner.stop();
});

/** Starts a scanner on this document and runs it until it rests; `flush` runs it again after a change. */
async function scan(): Promise<{ scanner: PageScanner; highlighter: TermHighlighter; flush: () => Promise<void> }> {
  const { idle, flush } = manualIdle();
  const highlighter = new TermHighlighter(false);
  const scanner = new PageScanner({ matcher, highlighter, idle });
  running.push(scanner);
  scanner.start(document);
  await flush();
  return { scanner, highlighter, flush };
}

/** A paragraph that is always highlighted: proof that the scan (or the mutation) was seen at all. */
const CONTROL: Shown = { text: 'NSEC', in: 'control' };

interface SkipCase {
  name: string;
  /** Markup with an empty element #x; the test puts a term's text into #x. */
  html: string;
  /** Where the markup goes (the document's <head> for the head case). */
  parent?: () => ParentNode;
}

/** Text in each of these is never highlighted: on the first scan, and whichever way it arrives later. */
const SKIPPED: SkipCase[] = [
  { name: '<script>', html: '<script type="text/plain" id="x"></script>' },
  { name: '<style>', html: '<style id="x"></style>' },
  { name: '<noscript>', html: '<noscript id="x"></noscript>' },
  { name: '<template>', html: '<template id="x"></template>' },
  { name: '<textarea>', html: '<textarea id="x"></textarea>' },
  { name: '<input>', html: '<input id="x">' },
  { name: '<select><option>', html: '<select><option id="x"></option></select>' },
  { name: '<iframe> fallback', html: '<iframe id="x"></iframe>' },
  { name: '<object> fallback', html: '<object id="x"></object>' },
  { name: 'contenteditable', html: '<div contenteditable><p id="x"></p></div>' },
  { name: 'contenteditable="true"', html: '<div contenteditable="true"><p><b id="x"></b></p></div>' },
  { name: 'contenteditable="plaintext-only"', html: '<div contenteditable="plaintext-only" id="x"></div>' },
  // Our highlight style does not paint on SVG text in Chromium (see page/skip-rules.ts).
  { name: 'SVG <text>', html: '<svg width="300" height="60"><text id="x" x="0" y="40"></text></svg>' },
  {
    name: 'SVG <text><tspan>',
    html: '<svg width="300" height="60"><text x="0" y="40">x <tspan id="x"></tspan></text></svg>',
  },
  {
    name: 'SVG <foreignObject>',
    html: '<svg width="300" height="60"><foreignObject width="300" height="60"><p id="x"></p></foreignObject></svg>',
  },
  { name: 'MathML', html: '<math><mi id="x"></mi></math>' },
  { name: '<head> (<title>)', html: '<title id="x"></title>', parent: () => document.head },
];

/** Look-alikes of skipped places whose text is the reader's: highlighted on every path. */
const NOT_SKIPPED: SkipCase[] = [
  // A page's own element of our UI host's tag name: page text (ours holds only a closed shadow root).
  { name: 'a page element named like our UI host', html: '<benelux-glossary-ui id="x"></benelux-glossary-ui>' },
  { name: 'contenteditable="false"', html: '<div contenteditable="false"><p id="x"></p></div>' },
  { name: '<label> of a form control', html: '<label id="x"></label><input>' },
  { name: '<button>', html: '<button id="x"></button>' },
  { name: 'a custom element', html: '<benelux-glossary-card id="x"></benelux-glossary-card>' },
];

/** Builds the case's markup with `text` in #x, detached. */
function build(c: SkipCase, text: string): DocumentFragment {
  const nodes = fragment(c.html);
  const holder = nodes.querySelector('#x');
  if (!holder) throw new Error(`${c.name}: no #x in ${c.html}`);
  holder.append(text);
  return nodes;
}

function parentOf(c: SkipCase): ParentNode {
  return c.parent?.() ?? document.body;
}

/**
 * Every way text reaches the scanner: present at the first scan, or later as an added element,
 * a text node added to an element already there, or a text node whose text changed.
 * Each path also adds a plain paragraph with a term, so a path that saw nothing cannot pass.
 */
function eachPath(c: SkipCase, expected: (x: Shown) => Shown[]): void {
  const own: Shown = { text: 'ETIAS', in: 'x' };
  const added: Shown = { text: 'Benelux', in: 'added' };
  const addPlain = () => mount('<p id="added">Benelux</p>');

  it('on the first scan', async () => {
    mount('<p id="control">NSEC</p>');
    parentOf(c).append(build(c, 'ETIAS'));
    await scan();
    expect(shown()).toEqual(sortShown([CONTROL, ...expected(own)]));
  });

  it('added later as an element', async () => {
    mount('<p id="control">NSEC</p>');
    const { flush } = await scan();
    parentOf(c).append(build(c, 'ETIAS'));
    addPlain();
    await flush();
    expect(shown()).toEqual(sortShown([CONTROL, added, ...expected(own)]));
  });

  it('added later as text in an element already there', async () => {
    mount('<p id="control">NSEC</p>');
    parentOf(c).append(build(c, ''));
    const { flush } = await scan();
    const holder = parentOf(c).querySelector('#x')!;
    holder.append('ETIAS');
    addPlain();
    await flush();
    expect(shown()).toEqual(sortShown([CONTROL, added, ...expected(own)]));
  });

  it('changed later from other text', async () => {
    mount('<p id="control">NSEC</p>');
    parentOf(c).append(build(c, 'niets'));
    const { flush } = await scan();
    const holder = parentOf(c).querySelector('#x')!;
    textOf(holder).data = 'ETIAS';
    addPlain();
    await flush();
    expect(shown()).toEqual(sortShown([CONTROL, added, ...expected(own)]));
  });
}

function sortShown(list: Shown[]): Shown[] {
  return [...list].sort((a, b) => a.in.localeCompare(b.in) || a.text.localeCompare(b.text));
}

describe('PageScanner skips the same places on every path', () => {
  for (const c of SKIPPED) describe(c.name, () => eachPath(c, () => []));
  for (const c of NOT_SKIPPED) describe(`but not ${c.name}`, () => eachPath(c, (own) => [own]));
});

describe('PageScanner picks up text', () => {
  it('in every text node of the page, and leaves the DOM as it was', async () => {
    mount('<main id="m"><h1 id="h">Benelux</h1><p id="p">Het <i>ETIAS</i> en <b id="b">NSEC</b>.</p></main>');
    const before = document.body.cloneNode(true);
    await scan();
    expect(shown()).toEqual([
      { text: 'NSEC', in: 'b' },
      { text: 'Benelux', in: 'h' },
      { text: 'ETIAS', in: 'p' },
    ]);
    expect(document.body.isEqualNode(before)).toBe(true);
  });

  it('added later, in text that changes, and drops what is removed', async () => {
    mount('<p id="a">ETIAS</p><p id="b">niets</p>');
    const { flush, highlighter } = await scan();
    mount('<section id="s"><p>Raad <span>Algemene</span> Zaken, NSEC</p></section>');
    textOf(byId('b')).data = 'nu Benelux';
    byId('a').remove();
    await flush();
    expect(shown()).toEqual([
      { text: 'Benelux', in: 'b' },
      { text: 'NSEC', in: 's' },
    ]);
    expect(Object.fromEntries(highlighter.counts())).toEqual({ benelux: 1, nsec: 1 });
  });

  it('added later, at once on flush(), without an idle period (the PDF viewer, as a page renders)', async () => {
    mount('<p id="a">niets</p>');
    const { scanner } = await scan(); // its idle queue is not run again below
    mount('<div id="page"><span>de NSEC</span><span>en ETIAS</span></div>');
    scanner.flush(); // in the same task: the mutation records are taken, not awaited
    expect(shown()).toEqual([
      { text: 'ETIAS', in: 'page' },
      { text: 'NSEC', in: 'page' },
    ]);
  });

  it('in open shadow roots: present at the start, nested, and added later', async () => {
    const host = mount('<div id="host"></div>');
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.append(fragment('<p id="inner">ETIAS</p><div id="nested-host"></div>'));
    const nested = shadow.querySelector('#nested-host')!.attachShadow({ mode: 'open' });
    nested.append(fragment('<p id="deep">NSEC</p>'));
    const { scanner, flush } = await scan();
    expect(shown()).toEqual([
      { text: 'ETIAS', in: 'host/inner' },
      { text: 'NSEC', in: 'nested-host/deep' },
    ]);
    expect(scanner.shadowRoots()).toEqual(expect.arrayContaining([shadow, nested]));

    // A host added later, and text added inside a shadow root the scanner already knows.
    const late = document.createElement('div');
    late.id = 'late';
    late.attachShadow({ mode: 'open' }).append(fragment('<p id="late-inner">Benelux</p>'));
    document.body.append(late);
    shadow.append(fragment('<p id="added">NSEC</p>'));
    await flush();
    expect(shown()).toEqual([
      { text: 'NSEC', in: 'host/added' },
      { text: 'ETIAS', in: 'host/inner' },
      { text: 'Benelux', in: 'late/late-inner' },
      { text: 'NSEC', in: 'nested-host/deep' },
    ]);
  });

  it('not in closed shadow roots (the page’s own UI, and ours)', async () => {
    const host = mount('<div id="host"></div>');
    host.attachShadow({ mode: 'closed' }).append(fragment('<p>ETIAS</p>'));
    mount('<p id="control">NSEC</p>');
    await scan();
    expect(shown()).toEqual([CONTROL]);
  });

  it('no more after stop', async () => {
    mount('<p id="control">NSEC</p>');
    const { scanner, flush } = await scan();
    scanner.stop();
    mount('<p id="late">ETIAS</p>');
    await flush();
    expect(shown()).toEqual([CONTROL]);
  });

  it('not at all in a document in design mode', async () => {
    mount('<p id="control">NSEC</p>');
    document.designMode = 'on';
    try {
      await scan();
      expect(shown()).toEqual([]);
    } finally {
      document.designMode = 'off';
    }
  });
});

describe('PageScanner explains the first screen first', () => {
  /** 3 000 paragraphs, each with its number; every one holds a term. */
  function longPage(): HTMLElement[] {
    const main = mount('<main id="long"></main>');
    const paragraphs = Array.from({ length: 3000 }, (_, k) => {
      const p = document.createElement('p');
      p.id = `p${k}`;
      p.textContent = `Alinea ${k} over ETIAS.`;
      return p;
    });
    main.append(...paragraphs);
    return paragraphs;
  }
  const onScreen = (p: HTMLElement) => {
    const r = p.getBoundingClientRect();
    return r.bottom >= 0 && r.top <= innerHeight;
  };

  it('shows what is on screen before any idle slice, the rest only when the scan ends', async () => {
    const paragraphs = longPage();
    try {
      paragraphs[1500]!.scrollIntoView();
      const visible = paragraphs.filter(onScreen).map((p) => p.id);
      expect(visible.length).toBeGreaterThan(3);
      expect(visible).not.toContain('p0');

      const { idle, flush } = manualIdle();
      const highlighter = new TermHighlighter(false);
      const scanner = new PageScanner({ matcher, highlighter, idle });
      running.push(scanner);
      scanner.start(document);
      // No idle slice has run: the registered highlight holds the screen, and nothing far from it.
      const first = shown().map((s) => s.in);
      expect(first).toEqual(expect.arrayContaining(visible));
      expect(first.length).toBeLessThan(visible.length + 60);
      expect(first).not.toContain('p0');
      expect(first).not.toContain('p2999');

      await flush();
      expect(shown()).toHaveLength(3000);
    } finally {
      scrollTo(0, 0);
      document.getElementById('long')?.remove();
    }
  });

  it('starts at the top of the document when no probe lands on text', () => {
    const paragraphs = longPage();
    const cover = mount('<div id="cover" style="position:fixed;inset:0;background:white"></div>');
    try {
      const { idle } = manualIdle();
      const scanner = new PageScanner({ matcher, highlighter: new TermHighlighter(false), idle });
      running.push(scanner);
      scanner.start(document);
      const first = shown().map((s) => s.in);
      expect(first).toContain('p0');
      expect(first).not.toContain('p2999');
      expect(paragraphs.filter(onScreen).every((p) => first.includes(p.id))).toBe(true);
    } finally {
      cover.remove();
      document.getElementById('long')?.remove();
    }
  });
});

describe('PageScanner on the background route (a glossary too big for every frame)', () => {
  /** A matcher elsewhere: answers when the test says, records what it was sent. */
  function remote() {
    const sent: string[][] = [];
    const waiting: (() => void)[] = [];
    let stale = false;
    const batch: BatchMatcher = {
      findMany: (texts) => {
        sent.push(texts);
        return new Promise((resolve) =>
          waiting.push(() =>
            resolve(stale ? null : texts.map((t) => matcher.find(t).map((m) => ({ ...m, others: ['x:1'] })))),
          ),
        );
      },
    };
    const answerAll = async () => {
      while (waiting.length > 0) {
        waiting.shift()!();
        await settle();
      }
    };
    const answerOne = async () => {
      waiting.shift()?.();
      await settle();
    };
    return { batch, sent, answerAll, answerOne, inFlight: () => waiting.length, goStale: () => (stale = true) };
  }

  /** A scanner on the remote matcher above, with its idle queue run by hand. */
  function remoteScanner() {
    const { idle, flush } = manualIdle();
    const matched = remote();
    const highlighter = new TermHighlighter(false);
    const scanner = new PageScanner({ matcher: matched.batch, highlighter, idle });
    running.push(scanner);
    return { ...matched, flush, highlighter, scanner };
  }

  /** `count` paragraphs with ETIAS in each (ids prefix0, prefix1, …), in a <main> the test removes. */
  function paragraphs(count: number, prefix: string): HTMLElement {
    const main = mount('<main></main>') as HTMLElement;
    for (let k = 0; k < count; k++) {
      const p = document.createElement('p');
      p.id = `${prefix}${k}`;
      p.textContent = `Alinea ${k} over ETIAS en ${'lange tekst '.repeat(5)}.`;
      main.append(p);
    }
    return main;
  }

  it('sends the first screen alone, then the rest with at most two requests in flight, and places the answers', async () => {
    const main = paragraphs(3000, 'q');
    try {
      const { flush, sent, answerAll, answerOne, inFlight, highlighter, scanner } = remoteScanner();
      scanner.start(document);
      expect(sent).toHaveLength(1);
      expect(sent[0]!.length).toBeLessThan(100);
      expect(shown()).toEqual([]);
      await answerOne();
      // The first screen's answer shows at once, though the rest of the scan is collected unseen.
      expect(shown().length).toBe(sent[0]!.filter((t) => t.includes('ETIAS')).length);
      expect(shown().length).toBeGreaterThan(3);
      for (let round = 0; round < 100 && (inFlight() > 0 || shown().length < 3000); round++) {
        await flush();
        expect(inFlight()).toBeLessThanOrEqual(2);
        await answerAll();
      }
      await flush();
      expect(shown()).toHaveLength(3000);
      expect(sent.slice(1).every((texts) => texts.join('').length < 33_000)).toBe(true);
      expect(highlighter.termAt(textOf(byId('q5')), 15)?.others).toEqual(['x:1']);
    } finally {
      main.remove();
    }
  });

  it('sends the next chunk as an answer comes, without waiting for an idle period', async () => {
    const main = paragraphs(2000, 'n');
    try {
      const { flush, sent, answerOne, inFlight, scanner } = remoteScanner();
      scanner.start(document);
      await answerOne(); // the first screen
      await flush(); // one idle period: the walk, and the first two chunks sent
      expect(inFlight()).toBe(2);
      // From here no idle period runs: each answer sends the next chunk itself, and the last shows all.
      for (let answered = 0; inFlight() > 0 && answered < 100; answered++) {
        await answerOne();
        expect(inFlight()).toBeLessThanOrEqual(2);
      }
      expect(sent.length).toBeGreaterThan(5);
      expect(shown()).toHaveLength(2000);
    } finally {
      main.remove();
    }
  });

  it('places nothing on text that changed while it was away, and matches the new text', async () => {
    mount('<p id="c">ETIAS</p>');
    const { flush, answerAll, answerOne, scanner } = remoteScanner();
    scanner.start(document);
    textOf(byId('c')).data = 'nu NSEC';
    await answerOne();
    expect(shown()).toEqual([]);
    await flush();
    await answerAll();
    await flush();
    expect(shown()).toEqual([{ text: 'NSEC', in: 'c' }]);
  });

  it('places nothing when the glossary changed meanwhile (a new scan follows)', async () => {
    mount('<p id="d">ETIAS</p>');
    const { flush, answerAll, goStale, scanner } = remoteScanner();
    scanner.start(document);
    goStale();
    await answerAll();
    await flush();
    expect(shown()).toEqual([]);
  });
});
