import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { readFileSync } from 'node:fs';
import { EXPLAIN_COMMAND } from './core/constants';
import { validateGlossary } from './core/glossary-validate';
import { glossaryDerived } from './scripts/glossary-derived-plugin';
import { pdfjsCuts } from './scripts/pdfjs-cuts-plugin';
import { preactNoInnerHtml } from './scripts/preact-no-inner-html-plugin';

// The gecko id must stay fixed: Firefox keys storage (and our IndexedDB) by it,
// and the restart tests pin the add-on's UUID through it.
export const GECKO_ID = 'benelux-glossary@example.org';

export default defineConfig({
  hooks: {
    // An invalid glossary (schema, ids, aliases, quotes not verbatim in the letter) fails the build.
    'build:before': () => {
      const read = (p: string) => readFileSync(new URL(p, import.meta.url), 'utf8');
      validateGlossary(
        JSON.parse(read('./data/glossary.json')),
        read('./data/source/benelux-voorzitterschap-2023.txt'),
      );
    },
  },
  // glossaryDerived: data the pages need from the glossary, computed by the build, not on every open.
  // preactNoInnerHtml, pdfjsCuts: code that never runs (Preact's dangerouslySetInnerHTML write, PDF.js's
  // eval probes, HTML parsing and imports of files we do not ship) kept out of the bundle (store review).
  vite: () => ({ plugins: [preactNoInnerHtml(), pdfjsCuts(), preact(), glossaryDerived()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: settings (on/off, per-site) via @wxt-dev/storage.
    // unlimitedStorage: keeps the glossary and the user's notes in IndexedDB from eviction.
    // contextMenus (Firefox: menus): "Explain «…»" and "Add «…» to my terms" on a selection.
    // activeTab: the popup learns the address of a PDF in Firefox's viewer (no content script runs
    // there) once the reader clicks our button; no install warning.
    permissions: ['storage', 'unlimitedStorage', browser === 'firefox' ? 'menus' : 'contextMenus', 'activeTab'],
    // Firefox: reading that PDF from the PDF viewer page needs its site's host permission, asked for
    // that one site when the reader opens it (Chromium's content-script hosts already allow the read).
    // "Open PDFs in Benelux Glossary" asks for blocking webRequest and every site when switched on
    // (Firefox's viewer runs no content script to see a PDF; Chromium's does, and needs nothing).
    ...(browser === 'firefox'
      ? { optional_permissions: ['http://*/*', 'https://*/*', 'webRequest', 'webRequestBlocking'] }
      : {}),
    action: { default_title: '__MSG_extName__' },
    // The tooltip is an extension page framed inside our closed shadow root: the page cannot read it.
    // use_dynamic_url (Chrome): loadable only at a per-session URL that runtime.getURL returns, so a
    // page cannot detect us by loading chrome-extension://<our id>/tooltip.html. Firefox (MV2, where
    // WXT writes the list of paths) needs none: moz-extension:// URLs use a random per-install UUID.
    web_accessible_resources: [
      { resources: ['tooltip.html'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true },
      // Firefox: "Open PDFs in Benelux Glossary" redirects a PDF's navigation to the viewer, which
      // Firefox follows only to a web-accessible page (unreachable to pages all the same: the UUID).
      ...(browser === 'firefox' ? [{ resources: ['pdf.html'], matches: ['http://*/*', 'https://*/*'] }] : []),
    ],
    commands: {
      [EXPLAIN_COMMAND]: {
        suggested_key: { default: 'Alt+Shift+G' },
        description: '__MSG_commandExplain__',
      },
    },
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    ...(browser === 'firefox'
      ? {
          // data_collection_permissions (AMO requires it: we collect nothing) came in Firefox 140 on
          // desktop and 142 on Android; addons-linter warns if either minimum is below its version.
          browser_specific_settings: {
            gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { minimum_chrome_version: '128' }),
  }),
});
