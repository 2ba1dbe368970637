/**
 * PDF.js (pdfjs-dist 5.6.205, legacy build) carries code the viewer never runs but a store reviewer
 * has to read: `Function(…)` probes, a PostScript compiler that evals, an `innerHTML` write and
 * dynamic imports of files we do not ship. addons-linter flags each (DANGEROUS_EVAL,
 * UNSAFE_VAR_ASSIGNMENT). This takes them out of the shipped files at build time, each replaced by
 * what the viewer already does without it. Every snippet is matched exactly, once: if an upgrade
 * reshapes one, the build fails here instead of shipping the code again.
 */

/** The three files of pdfjs-dist the viewer ships: two bundled as modules, the worker copied as is. */
export type PdfjsFile = 'pdf.mjs' | 'pdf_viewer.mjs' | 'pdf.worker.min.mjs';

interface Cut {
  /** Why the code never runs, and what replaces it. */
  why: string;
  find: string;
  replace: string;
}

/** core-js (bundled into each of the three files): its Node and old-engine fallbacks. */
const coreJs = (requireProbe: string, globalProbe: string): Cut[] => [
  {
    why: "core-js's require() probe runs only under Node (IS_NODE); in a browser the function returns undefined",
    find: requireProbe,
    replace: 'undefined',
  },
  {
    why: "core-js's last resort for the global object, after globalThis, which every browser we support has",
    find: globalProbe,
    replace: 'globalThis',
  },
];

const NO_EVAL = 'return false;';

const CUTS: Record<PdfjsFile, Cut[]> = {
  'pdf.mjs': [
    ...coreJs(`Function('return require("' + name + '")')()`, `Function('return this')()`),
    {
      why: 'the isEvalSupported probe: the extension CSP forbids eval, so it is false (the viewer also passes isEvalSupported: false)',
      find: 'try {\n    new Function("");\n    return true;\n  } catch {\n    return false;\n  }',
      replace: NO_EVAL,
    },
    {
      why: "the fake worker (PDF.js in the page's thread) is PDF.js's fallback when a Worker cannot start; ours runs in a Worker, and loading fails with this message if it cannot",
      find: 'const worker = await import(\n      /*webpackIgnore: true*/\n      /*@vite-ignore*/\n      this.workerSrc);\n      return worker.WorkerMessageHandler;',
      replace: 'throw new Error("PDF.js needs a Worker here: its fake worker is not shipped");',
    },
  ],
  'pdf_viewer.mjs': [
    ...coreJs(`Function('return require("' + name + '")')()`, `Function('return this')()`),
    {
      why: "Fluent's translation markup: PDF.js's own strings hold none, and a translation is shown as text, never parsed as HTML",
      find: 'const templateElement = element.ownerDocument.createElementNS("http://www.w3.org/1999/xhtml", "template");\n      templateElement.innerHTML = value;\n      overlayChildNodes(templateElement.content, element);',
      replace: 'element.textContent = value;',
    },
    {
      why: 'the scripting sandbox (a PDF\'s JavaScript) loads only with a PDFScriptingManager, which the viewer does not create; "no forms, no scripting"',
      find: 'const sandbox = import(\n      /*webpackIgnore: true*/\n      /*@vite-ignore*/\n      sandboxBundleSrc);',
      replace: 'const sandbox = Promise.reject(new Error("PDF scripting is not shipped"));',
    },
  ],
  'pdf.worker.min.mjs': [
    ...coreJs(`Function('return require("'+e+'")')()`, 'Function("return this")()'),
    {
      why: "the worker's isEvalSupported probe: false under the extension CSP",
      find: 'try{new Function("");return!0}catch{return!1}',
      replace: 'return!1',
    },
    {
      why: 'the PostScript-function compiler runs only when eval is supported (never, above); PDF.js interprets those functions instead',
      find: 'if(e.isEvalSupported&&FeatureTest.isEvalSupported){const e=(new PostScriptCompiler).compile(i,a,r);if(e)return new Function("src","srcOffset","dest","destOffset",e)}',
      replace: '',
    },
    {
      why: 'the JPEG 2000 decoder in JS loads from wasmUrl, which the viewer does not set (no decoder files are shipped); PDF.js warns and leaves such an image out, as before',
      find: 'n=(await import(\n/*webpackIgnore: true*/\n/*@vite-ignore*/\nt)).default()',
      replace: 'n=await Promise.reject(new Error("PDF.js\'s JPEG 2000 decoder is not shipped"))',
    },
  ],
};

/** Applies a file's cuts; throws, naming the snippet, unless each is found exactly once. */
export function cutPdfjs(file: PdfjsFile, code: string): string {
  let out = code;
  for (const cut of CUTS[file]) {
    const found = out.split(cut.find).length - 1;
    if (found !== 1) {
      throw new Error(
        `pdfjs-dist ${file}: expected this snippet once, found it ${found} times (${cut.why}):\n` +
          `${cut.find}\nPDF.js changed: check that the code is still unreachable and update scripts/pdfjs-cuts-plugin.ts.`,
      );
    }
    out = out.replace(cut.find, () => cut.replace);
  }
  return out;
}

const FILE =
  /[\\/]pdfjs-dist[\\/]legacy[\\/](?:build|web)[\\/](pdf\.mjs|pdf_viewer\.mjs|pdf\.worker\.min\.mjs)(?:\?|$)/;
const fileOf = (path: string) => FILE.exec(path)?.[1] as PdfjsFile | undefined;

interface Asset {
  type: 'asset';
  source: string | Uint8Array;
  names?: string[];
  originalFileNames?: string[];
}

/**
 * The library and viewer modules are cut as they are bundled; the worker, copied by `?url` as a
 * file, is cut in the bundle. A build that bundled PDF.js but emitted no worker to cut fails too.
 */
export function pdfjsCuts() {
  let bundledPdfjs = false;
  return {
    name: 'benelux-glossary:pdfjs-cuts',
    enforce: 'pre' as const,
    buildStart() {
      bundledPdfjs = false;
    },
    transform(this: { error(message: string): never }, code: string, id: string) {
      const file = fileOf(id);
      if (!file || file === 'pdf.worker.min.mjs') return undefined;
      bundledPdfjs = true;
      try {
        return { code: cutPdfjs(file, code), map: null };
      } catch (error) {
        return this.error((error as Error).message);
      }
    },
    generateBundle(this: { error(message: string): never }, _options: unknown, bundle: Record<string, unknown>) {
      const workers = Object.values(bundle).filter(
        (out): out is Asset =>
          (out as Asset).type === 'asset' &&
          !!(out as Asset).originalFileNames?.some((name) => fileOf(name) === 'pdf.worker.min.mjs'),
      );
      if (bundledPdfjs && workers.length !== 1) {
        return this.error(`pdfjs-cuts: PDF.js was bundled with ${workers.length} worker files (expected 1) to cut`);
      }
      for (const worker of workers) {
        const code = typeof worker.source === 'string' ? worker.source : new TextDecoder().decode(worker.source);
        try {
          worker.source = cutPdfjs('pdf.worker.min.mjs', code);
        } catch (error) {
          return this.error((error as Error).message);
        }
      }
      return undefined;
    },
  };
}
