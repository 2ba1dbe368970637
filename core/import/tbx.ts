import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { ImportedGlossaryInfo, ImportedTerm, TermStatus, TermType } from '@/core/imported-schema';
import {
  cleanText,
  entryName,
  langCode,
  type EntryDraft,
  type EntryPlace,
  type ParserHooks,
  type TextParser,
} from './entries';
import { ImportError } from './import-error';
import { baseName, encodeEntryId, nameGlossary } from './naming';

/**
 * TBX, streamed with saxes: text goes in chunk by chunk, each entry goes to the collector as soon as its closing
 * tag is read. Two shapes:
 * - TBX v3 (ISO 30042:2019), as IATE exports it: `tbx` › `text/body/conceptEntry` › `langSec` › `termSec`, with
 *   data categories as `descrip`/`termNote`/`admin` (DCA style) or as elements of their own (`min:subjectField`,
 *   DCT style);
 * - TBX 2 (`martif`): `termEntry` › `langSet` › `tig` or `ntig/termGrp`.
 * Inline markup inside a definition or a term (`<hi>`, `<ph>` …) gives its text; markup written as text
 * (`&lt;img …&gt;`) stays text.
 */

export interface TbxSettings {
  fileName?: string;
}

type Capture = {
  /** The data category being read ("term", "definition", "termType" …). */
  kind: string;
  /** Inline elements opened inside it. */
  depth: number;
  text: string;
  lang: string | undefined;
  target: string | undefined;
};

const ENTRY = new Set(['conceptEntry', 'termEntry']);
const LANG_SECTION = new Set(['langSec', 'langSet']);
const TERM_SECTION = new Set(['termSec', 'tig', 'ntig']);
const HEADER = new Set(['tbxHeader', 'martifHeader']);
/** Data categories read from `descrip`, `termNote` and `admin` types, or from DCT elements of the same name. */
const CATEGORIES = new Set([
  'subjectField',
  'definition',
  'termType',
  'administrativeStatus',
  'normativeAuthorization',
  'reliabilityCode',
  'source',
]);

export function createTbxParser(settings: TbxSettings, hooks: ParserHooks): TextParser {
  const { collector } = hooks;
  const parser = new SaxesParser({ position: true, xmlns: false });
  const stack: Array<{ name: string; line: number }> = [];
  let root: 'tbx' | 'martif' | undefined;
  let rootId: string | undefined;
  let rootLang: string | undefined;
  let headerTitle: string | undefined;
  let inHeader = false;
  let info: ImportedGlossaryInfo | undefined;
  let entryNumber = 0;
  let entry: { draft: EntryDraft; place: EntryPlace; rawId: string | undefined } | undefined;
  let lang: string | undefined;
  let term: ImportedTerm | undefined;
  let capture: Capture | undefined;
  // Before the root: whether anything but whitespace came (a file of whitespace is empty; one of text is not
  // TBX), and how many lines of whitespace, to name the line where text began.
  let sawText = false;
  let leadingLines = 0;

  const currentInfo = (): ImportedGlossaryInfo => {
    if (info) return info;
    const named = nameGlossary([headerTitle, rootId, settings.fileName && baseName(settings.fileName)]);
    return {
      ...named,
      ...(settings.fileName && { fileName: settings.fileName.slice(0, 300) }),
      format: root === 'martif' ? 'tbx-martif' : 'tbx',
    };
  };

  const where = () => (entry ? entryName(entry.rawId, entry.place) : `line ${parser.line}`);

  /** A section's language; xml:lang is inherited in XML, so one without it takes the root's. */
  const languageOf = (attributes: Record<string, string>, element: string): string => {
    const tag = attributes['xml:lang'] ?? attributes.lang;
    const code = tag === undefined ? rootLang : langCode(tag);
    if (!code) {
      throw new ImportError(
        'language',
        tag === undefined
          ? `${where()}: <${element}> at line ${parser.line} has no language (xml:lang).`
          : `${where()}: <${element}> at line ${parser.line} has the language "${tag}", which is not a language code.`,
        { line: parser.line, ...(entry?.rawId && { entry: entry.rawId }) },
      );
    }
    return code;
  };

  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (capture) {
      capture.depth++;
      return;
    }
    const name = localName(tag.name);
    const attributes = tag.attributes;
    stack.push({ name, line: parser.line });
    if (!root) {
      if (name !== 'tbx' && name !== 'martif') {
        throw new ImportError('root', `This is not a TBX file: expected <tbx> or <martif>, found <${tag.name}>.`, {
          line: parser.line,
        });
      }
      root = name;
      rootId = attributes.id;
      rootLang = langCode(attributes['xml:lang']);
      return;
    }
    if (HEADER.has(name)) inHeader = true;
    else if (name === 'title' && inHeader) startCapture('title', attributes);
    else if (ENTRY.has(name)) {
      // The header comes before the body: its title is final from the first entry on.
      info ??= currentInfo();
      entryNumber++;
      const rawId = attributes.id?.trim() || undefined;
      entry = {
        draft: {
          id: rawId && encodeEntryId(rawId),
          terms: [],
          definitions: [],
          subjectFields: [],
          sources: [],
          notes: [],
        },
        place: { number: entryNumber, line: parser.line },
        rawId,
      };
    } else if (!entry) return;
    else if (LANG_SECTION.has(name)) lang = languageOf(attributes, tag.name);
    else if (TERM_SECTION.has(name)) {
      term = { lang: lang ?? languageOf(attributes, tag.name), text: '' };
    } else if (name === 'term') startCapture('term', attributes);
    else if (name === 'descrip' || name === 'termNote' || name === 'admin') {
      const type = attributes.type;
      if (type && CATEGORIES.has(type)) startCapture(type, attributes);
    } else if (CATEGORIES.has(name)) startCapture(name, attributes);
    else if (name === 'xref') startCapture('source', attributes);
    else if (name === 'note') startCapture('note', attributes);
  });

  function startCapture(kind: string, attributes: Record<string, string>) {
    capture = { kind, depth: 0, text: '', lang: attributes['xml:lang'], target: attributes.target };
  }

  const onText = (text: string) => {
    if (capture) capture.text += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  parser.on('closetag', () => {
    if (capture) {
      if (capture.depth > 0) {
        capture.depth--;
        return;
      }
      const done = capture;
      capture = undefined;
      stack.pop();
      finishCapture(done);
      return;
    }
    const name = stack.pop()?.name;
    if (name === undefined) return;
    if (HEADER.has(name)) inHeader = false;
    else if (!entry) return;
    else if (TERM_SECTION.has(name)) {
      if (term) entry.draft.terms.push(term);
      term = undefined;
    } else if (LANG_SECTION.has(name)) lang = undefined;
    else if (ENTRY.has(name)) {
      const { draft, place } = entry;
      entry = undefined;
      collector.add(draft, place);
    }
  });

  function finishCapture({ kind, text: raw, lang: ownLang, target }: Capture) {
    const text = cleanText(raw);
    if (kind === 'title') {
      headerTitle ??= text || undefined;
      return;
    }
    if (!entry) return;
    const draft = entry.draft;
    switch (kind) {
      case 'term':
        if (term) term.text += text;
        break;
      case 'termType':
        if (term && text) term.type = termType(text);
        break;
      case 'administrativeStatus':
      case 'normativeAuthorization': {
        const status = termStatus(text);
        if (term && status) term.status = status;
        break;
      }
      case 'reliabilityCode': {
        const reliability = reliabilityCode(text);
        if (term && reliability) term.reliability = reliability;
        break;
      }
      case 'subjectField':
        draft.subjectFields.push(text);
        break;
      case 'definition': {
        const definitionLang = langCode(ownLang) ?? term?.lang ?? lang ?? rootLang;
        if (!text) break;
        // A definition no language can be given to is still worth keeping, as a note.
        if (definitionLang) draft.definitions.push({ lang: definitionLang, text });
        else draft.notes.push(text);
        break;
      }
      case 'source':
        draft.sources.push(text || cleanText(target ?? ''));
        break;
      case 'note':
        draft.notes.push(text);
        break;
    }
  }

  const wrap = (action: () => void) => {
    try {
      action();
    } catch (e) {
      if (e instanceof ImportError) throw e;
      throw xmlError(e, root !== undefined);
    }
  };

  return {
    write(text) {
      if (!root && !sawText) {
        const first = text.search(/\S/);
        if (first === -1) leadingLines += text.split('\n').length - 1;
        else {
          sawText = true;
          // A CSV or a text file chosen as TBX: say so at once rather than after saxes reads it all.
          if (text[first] !== '<') {
            const line = leadingLines + text.slice(0, first).split('\n').length;
            throw new ImportError(
              'root',
              `This is not a TBX file: line ${line} begins with text, not with an XML element ("<…>").`,
              { line },
            );
          }
        }
      }
      wrap(() => parser.write(text));
    },
    end() {
      if (!root && sawText) wrap(() => parser.close());
      if (!root) {
        // Only whitespace, comments or a declaration: saxes' "must contain a root element" says less.
        throw new ImportError('empty', 'The file is empty: it holds no TBX element.');
      }
      const open = stack.find((e) => ENTRY.has(e.name)) ?? stack[stack.length - 1];
      if (open) {
        const what = entry && ENTRY.has(open.name) ? ` (${entryName(entry.rawId, entry.place)})` : '';
        throw new ImportError(
          'truncated',
          `The file ends inside <${open.name}>${what}, opened at line ${open.line}: it looks cut short. Export or download it again.`,
          { line: open.line, ...(entry?.rawId && { entry: entry.rawId }) },
        );
      }
      wrap(() => parser.close());
      if (collector.read === 0 && !collector.full) {
        throw new ImportError(
          'empty',
          `The file holds no entries: no <${root === 'tbx' ? 'conceptEntry' : 'termEntry'}> in it.`,
        );
      }
      info ??= currentInfo();
    },
    info: currentInfo,
  };
}

/** saxes' message ("3:17: unclosed tag: term") as ours, with the line and a one-based column. */
function xmlError(error: unknown, sawRoot: boolean): ImportError {
  const message = error instanceof Error ? error.message : String(error);
  const match = /^(?:.*?:)?(\d+):(\d+): (.*)$/s.exec(message);
  const line = match ? Number(match[1]) : undefined;
  const column = match ? Number(match[2]) + 1 : undefined;
  const detail = (match ? match[3]! : message).replace(/\.$/, '');
  const at = line !== undefined ? ` at line ${line}, column ${column}` : '';
  return new ImportError(
    'xml',
    sawRoot ? `The XML is malformed${at}: ${detail}.` : `This is not a TBX file (not XML)${at}: ${detail}.`,
    { ...(line !== undefined && { line }), ...(column !== undefined && { column }) },
  );
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

const TERM_TYPES: Readonly<Record<string, TermType>> = {
  fullform: 'fullForm',
  entryterm: 'fullForm',
  term: 'fullForm',
  commonname: 'fullForm',
  internationalscientificterm: 'fullForm',
  abbreviation: 'abbreviation',
  abbreviatedform: 'abbreviation',
  acronym: 'acronym',
  initialism: 'acronym',
  shortform: 'shortForm',
  clippedterm: 'shortForm',
  variant: 'variant',
  lookupform: 'variant',
  transliteratedform: 'variant',
  transcribedform: 'variant',
  phrase: 'phrase',
  phraseologicalunit: 'phrase',
  setphrase: 'phrase',
};

/** TBX termType (and IATE's words for it, "Short form"), anything else `other`. */
export function termType(value: string): TermType {
  return TERM_TYPES[value.toLowerCase().replace(/[^a-z]/g, '')] ?? 'other';
}

/** TBX administrativeStatus (or normativeAuthorization): preferred, admitted, deprecated, obsolete; else none. */
export function termStatus(value: string): TermStatus | undefined {
  const v = value
    .toLowerCase()
    .replace(/-admn-sts$|-admin-sts$/, '')
    .replace(/term$/, '');
  if (/^(preferred|standardized|legal|regulated)$/.test(v)) return 'preferred';
  if (v === 'admitted') return 'admitted';
  if (/^(deprecated|forbidden|notrecommended|rejected)$/.test(v)) return 'deprecated';
  if (/^(superseded|obsolete|outdated)$/.test(v)) return 'obsolete';
  return undefined;
}

/**
 * A reliabilityCode on IATE's scale, 1 (not verified) … 4 (very reliable). IATE's TBX 2 files wrote 1–4; its TBX v3
 * exports use TBX-Basic's 1–10 scale and write 1, 6, 9 and 10 for the same four grades, so 5–8 read as 2, 9 as 3,
 * 10 as 4. IATE's words ("Very reliable") are read too; anything else gives none.
 */
export function reliabilityCode(value: string): 1 | 2 | 3 | 4 | undefined {
  const v = value.trim().toLowerCase();
  if (/^\d+$/.test(v)) {
    const n = Number(v);
    if (n >= 1 && n <= 4) return n as 1 | 2 | 3 | 4;
    if (n >= 5 && n <= 8) return 2;
    if (n === 9) return 3;
    if (n === 10) return 4;
    return undefined;
  }
  if (/very reliable/.test(v)) return 4;
  if (/minimum/.test(v)) return 2;
  if (/not verified|unverified/.test(v)) return 1;
  if (/^reliable$/.test(v)) return 3;
  return undefined;
}
