import { describe, expect, it } from 'vitest';
import { SKIP_SELECTOR, UI_HOST_TAG, isInsideSkipped, isSkippedElement } from './skip-rules';
import { UI_HOST_TAG as SCANNER_UI_HOST_TAG } from './scanner';
import { fragment, mount } from '@/test/browser/dom';

/** Markup with an element #x (with a text child) that is skipped, or not. */
const SKIPPED = [
  '<script type="text/plain" id="x">t</script>',
  '<style id="x">t</style>',
  '<noscript id="x">t</noscript>',
  '<template id="x">t</template>',
  '<textarea id="x">t</textarea>',
  '<select id="x"><option>t</option></select>',
  '<select><option id="x">t</option></select>',
  '<iframe id="x">t</iframe>',
  '<object id="x">t</object>',
  '<div id="x" contenteditable>t</div>',
  '<div id="x" contenteditable="">t</div>',
  '<div id="x" contenteditable="true">t</div>',
  '<div id="x" contenteditable="plaintext-only">t</div>',
  '<svg id="x"><text>t</text></svg>',
  '<math id="x"><mi>t</mi></math>',
];
const NOT_SKIPPED = [
  // A page's own element of our host's tag name (ours holds only a closed shadow root).
  '<benelux-glossary-ui id="x">t</benelux-glossary-ui>',
  '<p id="x">t</p>',
  '<div id="x" contenteditable="false">t</div>',
  '<label id="x">t</label>',
  '<button id="x">t</button>',
  '<code id="x">t</code>',
  '<benelux-glossary-card id="x">t</benelux-glossary-card>',
  '<span id="x" data-svg="svg">t</span>',
];

function element(html: string): Element {
  mount(html);
  const el = document.getElementById('x');
  if (!el) throw new Error(`no #x in ${html}`);
  return el;
}

function deepestText(el: Element): Text {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const text = walker.nextNode();
  if (!text) throw new Error('no text');
  return text as Text;
}

describe('skip rules', () => {
  for (const html of SKIPPED) {
    it(`skip ${html}: the element, its text, and what is added inside it later`, () => {
      const el = element(html);
      expect(isSkippedElement(el)).toBe(true);
      expect(el.matches(SKIP_SELECTOR)).toBe(true);
      expect(isInsideSkipped(el)).toBe(true);
      if (el.localName !== 'template') expect(isInsideSkipped(deepestText(el))).toBe(true);
      const child = document.createElement('span');
      el.append(child);
      expect(isInsideSkipped(child)).toBe(true);
    });
  }

  for (const html of NOT_SKIPPED) {
    it(`do not skip ${html}`, () => {
      const el = element(html);
      expect(isSkippedElement(el)).toBe(false);
      expect(el.matches(SKIP_SELECTOR)).toBe(false);
      expect(isInsideSkipped(el)).toBe(false);
      expect(isInsideSkipped(deepestText(el))).toBe(false);
    });
  }

  it('give the element check and the selector the same answer for every element of a mixed page', () => {
    mount(
      [...SKIPPED, ...NOT_SKIPPED]
        .join('')
        .replaceAll(' id="x"', '')
        .concat(
          '<svg><foreignObject><p>t</p></foreignObject><a><text>t</text></a></svg><math><mrow><mi>t</mi></mrow></math>',
        ),
    );
    const all = [...document.body.querySelectorAll('*')];
    expect(all.length).toBeGreaterThan(30);
    const disagree = all.filter((el) => isSkippedElement(el) !== el.matches(SKIP_SELECTOR)).map((el) => el.localName);
    expect(disagree).toEqual([]);
    // Walking down with the element check skips exactly what `closest()` finds from below.
    const skippedByWalk = new Set<Element>();
    for (const el of all) {
      if (isSkippedElement(el) || (el.parentElement && skippedByWalk.has(el.parentElement))) skippedByWalk.add(el);
    }
    const wrong = all.filter((el) => skippedByWalk.has(el) !== (el.closest(SKIP_SELECTOR) !== null));
    expect(wrong.map((el) => el.localName)).toEqual([]);
  });

  it("read a page element of our UI host's tag name as page text", () => {
    expect(SCANNER_UI_HOST_TAG).toBe(UI_HOST_TAG);
    const host = document.createElement(UI_HOST_TAG.toLowerCase());
    host.append(fragment('<p>t</p>'));
    document.body.append(host);
    expect(isSkippedElement(host)).toBe(false);
    expect(isInsideSkipped(host.querySelector('p')!)).toBe(false);
  });

  it('do not skip text right inside a shadow root, or detached text', () => {
    const host = mount('<div></div>');
    const shadow = host.attachShadow({ mode: 'open' });
    const text = document.createTextNode('t');
    shadow.append(text);
    expect(isInsideSkipped(text)).toBe(false);
    expect(isInsideSkipped(document.createTextNode('detached'))).toBe(false);
  });
});
