import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { afterEach, describe, expect, it } from 'vitest';
import type { TooltipTrigger } from '@/core/settings';
import { TermHighlighter } from './highlighter';
import { termAtPoint } from './hit-test';
import { HoverController } from './hover';
import { mount, pointIn, sampleMatcher, settle, textOf } from '@/test/browser/dom';

const matcher = sampleMatcher();
const STYLE = 'font: 40px/1.5 monospace; margin: 20px; white-space: pre';
const DWELL_MS = 300;

/** What the controller asked of the tooltip, in order: `show etias` / `pin etias` (pinned) / `hide`. */
type Call = string;

/**
 * A controller over a page of `html`, its terms placed. Its timers run after one macrotask
 * (`settle()`), whatever their delay: each delay asked for is recorded, no test waits on a clock.
 */
function setup(html: string, trigger: TooltipTrigger) {
  const root = mount(`<div id="root" style="${STYLE}">${html}</div>`);
  const highlighter = new TermHighlighter(false);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    highlighter.place(node as Text, matcher.find((node as Text).data));
  }
  const calls: Call[] = [];
  const delays: number[] = [];
  const state = { trigger };
  const ctx = {
    addEventListener: (target: EventTarget, type: string, fn: EventListener, opts?: AddEventListenerOptions) => {
      target.addEventListener(type, fn, opts);
      cleanups.push(() => target.removeEventListener(type, fn, opts));
    },
    setTimeout: (fn: () => void, ms: number) => {
      delays.push(ms);
      return setTimeout(fn, 0);
    },
  } as unknown as ContentScriptContext;
  const hover = new HoverController(ctx, {
    hitTest: (x, y) => termAtPoint(document, highlighter, x, y, []),
    show: (target, _point, pinned) => calls.push(`${pinned ? 'pin' : 'show'} ${target.term.termId}`),
    pin: () => calls.push('pinned'),
    hide: () => calls.push('hide'),
    overTooltip: () => false,
    dwellMs: () => DWELL_MS,
    trigger: () => state.trigger,
  });
  return { hover, calls, delays, state, highlighter };
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** The middle of the first occurrence of `text` in element #id. */
function at(id: string, text: string): { x: number; y: number } {
  const node = textOf(document.getElementById(id)!);
  const start = node.data.indexOf(text);
  return pointIn(node, start, start + text.length);
}

function move(point: { x: number; y: number }, init: MouseEventInit = {}): void {
  const target = document.elementFromPoint(point.x, point.y) ?? document.body;
  target.dispatchEvent(
    new PointerEvent('pointermove', {
      clientX: point.x,
      clientY: point.y,
      pointerType: 'mouse',
      bubbles: true,
      composed: true,
      ...init,
    }),
  );
}

function click(point: { x: number; y: number }): MouseEvent {
  const target = document.elementFromPoint(point.x, point.y) ?? document.body;
  const event = new MouseEvent('click', {
    clientX: point.x,
    clientY: point.y,
    bubbles: true,
    composed: true,
    cancelable: true,
  });
  target.dispatchEvent(event);
  return event;
}

function key(type: 'keydown' | 'keyup', keyName: string, target: EventTarget = document.body, repeat = false): void {
  target.dispatchEvent(
    new KeyboardEvent(type, { key: keyName, altKey: keyName === 'Alt', bubbles: true, composed: true, repeat }),
  );
}

const PAGE = '<p id="p">Het ETIAS meldt</p><p id="blank">nothing here at all</p>';

describe('HoverController: how a tooltip is asked for', () => {
  it('hover (the default): resting on a term opens it after the dwell; a click pins it', async () => {
    const { calls, delays } = setup(PAGE, 'hover');
    move(at('p', 'ETIAS'));
    expect(delays).toEqual([DWELL_MS]);
    await settle();
    expect(calls).toEqual(['show etias']);
    click(at('p', 'ETIAS'));
    expect(calls).toEqual(['show etias', 'pin etias']);
  });

  it('modifier: resting without the key opens nothing; pressing it while resting opens at once', async () => {
    const { calls, delays } = setup(PAGE, 'modifier');
    move(at('p', 'ETIAS'));
    await settle();
    expect(delays, 'no dwell without the key').toEqual([]);
    expect(calls).toEqual([]);

    key('keydown', 'Shift');
    key('keydown', 'Control');
    expect(calls, 'other keys open nothing').toEqual([]);
    key('keydown', 'Alt');
    expect(calls).toEqual(['show etias']);
    key('keydown', 'Alt', document.body, true); // held: the key repeats
    key('keyup', 'Alt');
    await settle();
    expect(calls, 'a repeat or letting go changes nothing').toEqual(['show etias']);
  });

  it('modifier: moving with the key held works like hover; letting go before the dwell ends cancels it', async () => {
    const { calls, delays } = setup(PAGE, 'modifier');
    move(at('p', 'ETIAS'), { altKey: true });
    expect(delays).toEqual([DWELL_MS]);
    key('keyup', 'Alt');
    await settle();
    expect(calls, 'let go before the dwell ended').toEqual([]);

    move(at('p', 'ETIAS'), { altKey: true });
    await settle();
    expect(calls).toEqual(['show etias']);
  });

  it('modifier: the key opens nothing off a term, while typing in a field, or before the pointer came', async () => {
    const { calls } = setup(`${PAGE}<input id="field">`, 'modifier');
    key('keydown', 'Alt');
    expect(calls, 'the pointer never came over the page').toEqual([]);
    move(at('blank', 'nothing'));
    key('keydown', 'Alt');
    expect(calls, 'off a term').toEqual([]);
    move(at('p', 'ETIAS'));
    key('keydown', 'Alt', document.getElementById('field')!);
    expect(calls, 'typing in a field').toEqual([]);
    // The pointer left the window (into the browser's UI, another window).
    document.body.dispatchEvent(new PointerEvent('pointerout', { bubbles: true, relatedTarget: null }));
    key('keydown', 'Alt');
    expect(calls, 'the pointer left the page').toEqual([]);
    await settle();
    expect(calls).toEqual([]);
  });

  it('click: resting opens nothing, with or without the key; a click on a term pins it', async () => {
    const { calls, delays } = setup(PAGE, 'click');
    move(at('p', 'ETIAS'));
    move(at('p', 'ETIAS'), { altKey: true });
    key('keydown', 'Alt');
    await settle();
    expect(delays).toEqual([]);
    expect(calls).toEqual([]);
    const event = click(at('p', 'ETIAS'));
    expect(calls).toEqual(['pin etias']);
    expect(event.defaultPrevented).toBe(false);
    click(at('blank', 'nothing'));
    expect(calls, 'click-away').toEqual(['pin etias', 'hide']);
  });

  it('click: a click on a term inside a link or a button is the page’s: it opens nothing and is not prevented', () => {
    const { calls } = setup(
      '<p id="link"><a href="#x" id="a">Read on ETIAS</a></p><p><button id="b">ETIAS</button></p>',
      'click',
    );
    const event = click(at('a', 'ETIAS'));
    expect(event.defaultPrevented).toBe(false);
    const b = document.getElementById('b')!;
    const r = b.getBoundingClientRect();
    click({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
    expect(calls).toEqual([]);
  });

  it('click: a click that ends a text selection opens nothing', () => {
    const { calls } = setup(PAGE, 'click');
    getSelection()!.selectAllChildren(document.getElementById('p')!);
    click(at('p', 'ETIAS'));
    getSelection()!.removeAllRanges();
    expect(calls).toEqual([]);
  });

  it('hover: a click on a term inside a link still pins it, as before the setting existed', () => {
    const { calls } = setup('<p id="link"><a href="#x" id="a">Read on ETIAS</a></p>', 'hover');
    click(at('a', 'ETIAS'));
    expect(calls).toEqual(['pin etias']);
  });

  it('reads the trigger at each event: a change applies without a new controller', async () => {
    const { calls, state } = setup(PAGE, 'click');
    move(at('p', 'ETIAS'));
    await settle();
    expect(calls).toEqual([]);
    state.trigger = 'hover';
    move(at('p', 'ETIAS'));
    await settle();
    expect(calls).toEqual(['show etias']);
  });

  it('open (the keyboard command) works in every mode', () => {
    for (const trigger of ['hover', 'modifier', 'click'] as const) {
      const { hover, calls, highlighter } = setup(PAGE, trigger);
      const { x, y } = at('p', 'ETIAS');
      hover.open(termAtPoint(document, highlighter, x, y, [])!, true);
      expect(calls, trigger).toEqual(['pin etias']);
      for (const cleanup of cleanups.splice(0)) cleanup();
      document.getElementById('root')!.remove();
    }
  });
});
