/**
 * Does a `::highlight()` paint on SVG `<text>`? The evidence behind the SVG rule in
 * page/skip-rules.ts, re-runnable when a browser changes: in each browser, a line of SVG text and a
 * line of HTML text are screenshotted without and with a highlight over "ETIAS", per style, and the
 * pixels that changed in each line are counted (0 = the highlight paints nothing there).
 *
 *   npx tsx test/browser/svg-paint-probe.ts
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BROWSER_NAMES, launch } from './browsers';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Declarations of the extension's own highlight, from the stylesheet the content script injects. */
function ourStyle(): string {
  const css = readFileSync(path.join(REPO_ROOT, 'assets/highlight.css'), 'utf8');
  const rule = /::highlight\(benelux-glossary\)\s*\{([^}]*)\}/.exec(css);
  if (!rule) throw new Error('No ::highlight(benelux-glossary) rule in assets/highlight.css');
  return rule[1]!.trim().replace(/\s+/g, ' ');
}

const STYLES: Record<string, string> = {
  'ours (assets/highlight.css)': ourStyle(),
  'background-color': 'background-color: rgb(255, 0, 255);',
  color: 'color: rgb(0, 200, 0);',
  'solid underline': 'text-decoration: underline solid rgb(255, 0, 255) 4px;',
};

function page(style: string): string {
  return `<!doctype html><meta charset="utf-8">
<style>
  body { margin: 0; background: #fff; font-family: sans-serif; }
  p { font-size: 40px; margin: 0; height: 70px; line-height: 70px; padding-left: 10px; }
  ::highlight(probe) { ${style} }
</style>
<svg width="400" height="70" style="display: block"><text id="svg" x="10" y="50" font-size="40">ETIAS chart</text></svg>
<p id="html">ETIAS html</p>`;
}

/** In the page: put "ETIAS" of both lines in a registered highlight, or take it away. */
const toggle = (on: boolean) => `(() => {
  if (!${on}) { CSS.highlights.delete('probe'); return; }
  const h = new Highlight();
  for (const id of ['svg', 'html']) {
    const node = document.getElementById(id).firstChild;
    h.add(new StaticRange({ startContainer: node, startOffset: 0, endContainer: node, endOffset: 5 }));
  }
  CSS.highlights.set('probe', h);
})()`;

/** In the page: pixels that differ between two screenshots, in the SVG line (y 0–70) and the HTML line (70–140). */
const diff = (off: Buffer, on: Buffer) => `(async () => {
  const pixels = async (b64) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const g = canvas.getContext('2d');
    g.drawImage(img, 0, 0);
    return g.getImageData(0, 0, 400, 140).data;
  };
  const [a, b] = await Promise.all([pixels('${off.toString('base64')}'), pixels('${on.toString('base64')}')]);
  const changed = { svg: 0, html: 0 };
  for (let i = 0; i < a.length; i += 4) {
    if (a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2]) changed[i / 4 / 400 < 70 ? 'svg' : 'html']++;
  }
  return changed;
})()`;

const server = createServer((req, res) => {
  const style = STYLES[decodeURIComponent((req.url ?? '/').slice(1))];
  res.writeHead(style === undefined ? 404 : 200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(style === undefined ? '' : page(style));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

console.log('pixels changed by the highlight: SVG <text> line | HTML <p> line');
try {
  for (const name of BROWSER_NAMES) {
    const browser = await launch(name);
    try {
      console.log(`${name} ${browser.version}`);
      for (const style of Object.keys(STYLES)) {
        const tab = await browser.newPage();
        await tab.goto(`${origin}/${encodeURIComponent(style)}`);
        const shots: Buffer[] = [];
        for (const on of [false, true]) {
          await tab.evaluate(toggle(on));
          // Two frames: the change is painted before the screenshot.
          await tab.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
          shots.push(await tab.screenshot());
        }
        const changed = await tab.evaluate<{ svg: number; html: number }>(diff(shots[0]!, shots[1]!));
        console.log(`  ${style.padEnd(28)} ${String(changed.svg).padStart(6)} | ${String(changed.html).padStart(6)}`);
        await tab.close();
      }
    } finally {
      await browser.close();
    }
  }
} finally {
  server.close();
}
