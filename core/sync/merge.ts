import { mergeNoteText } from '@/core/note-merge';
import { MY_TERMS_GLOSSARY_ID } from '@/core/ids';
import type { ImportedEntry } from '@/core/imported-schema';
import type { Note } from '@/core/notes';
import { compareClocks, clockSize, includedIn, joinClocks, type Clock } from './clock';
import {
  SYNCED_SETTINGS,
  type SyncDoc,
  type SyncGlossary,
  type SyncNote,
  type TextState,
  type Tombstone,
} from './format';
import {
  DELETED_SIG,
  MY_TERM_STAMP,
  myTermSig,
  TOMBSTONE_TTL_MS,
  type LocalSnapshot,
  type NoteMeta,
  type SyncState,
} from './local';

/**
 * Merges the other devices' documents into this device's data. Pure and synchronous, so the caller
 * can read, merge and write in one IndexedDB transaction: nothing typed meanwhile is overwritten.
 *
 * Notes: a state that includes ours replaces it; one ours includes changes nothing; two states edited
 * apart are merged three ways (core/note-merge.ts) from the latest state both include — both texts kept,
 * with the conflict marker, when both changed the same text. Both devices make the same merge (the newer
 * text first, whichever device merges), so they agree without another round. A deletion wins over the
 * states it saw and loses to an edit it did not see. Known terms and settings: the later change wins;
 * glossaries: the later rename, move or switch of a glossary this device has too.
 */

export interface NotePut {
  note: Note;
  /** The local revision the merge started from (null: no note here): write only if it is still so. */
  expectRevision: number | null;
}

export interface MergeResult {
  state: SyncState;
  notes: { put: NotePut[]; remove: { termId: string; expectRevision: number }[] };
  known: { put: { termId: string; markedAt: number }[]; remove: string[] };
  /** Rename, move, switch of glossaries this device has. */
  glossaries: { id: string; title: string; order: number; enabled: boolean }[];
  settings: Partial<LocalSnapshot['settings']>;
  /** The reader's own terms added or edited, and deleted, on other devices. */
  myTerms: { put: ImportedEntry[]; remove: string[] };
  report: {
    /** Notes edited on two devices apart: their text now holds both versions. */
    conflicts: string[];
    /** Notes deleted elsewhere but kept here for an edit the delete did not see. */
    keptAgainstDelete: string[];
    /** Glossaries in the reader's list on another device, not imported here (their notes are kept). */
    elsewhere: SyncGlossary[];
  };
}

interface Working {
  note: Note;
  meta: NoteMeta;
  startRevision: number | null;
  changed: boolean;
}

const NO_BASE = '\u0000';
const noteState = (n: SyncNote): TextState => ({ text: n.note.text, clock: n.clock });

/** The latest state both sides include, among the ones they carry; the empty text at worst. */
function commonBase(candidates: readonly TextState[], a: Clock, b: Clock): string {
  const shared = candidates
    .filter((c) => includedIn(c.clock, a) && includedIn(c.clock, b))
    .sort((x, y) => clockSize(y.clock) - clockSize(x.clock) || (x.text < y.text ? -1 : 1));
  return shared[0]?.text ?? '';
}

export function mergeRemote(
  state: SyncState,
  local: LocalSnapshot,
  docs: readonly SyncDoc[],
  options: { now: number; marker: string },
): MergeResult {
  const { now, marker } = options;
  const live = (t: Tombstone) => now - t.at < TOMBSTONE_TTL_MS;
  const working = new Map<string, Working>();
  for (const note of local.notes) {
    const meta = state.notes[note.termId];
    // observeLocal ran first; a note without its meta is left alone until it has one.
    if (meta) working.set(note.termId, { note, meta, startRevision: note.revision, changed: false });
  }
  const tombstones = new Map<string, Tombstone>();
  for (const t of state.tombstones) if (live(t)) tombstones.set(`${t.kind}:${t.id}`, t);
  const result: MergeResult = {
    state,
    notes: { put: [], remove: [] },
    known: { put: [], remove: [] },
    glossaries: [],
    settings: {},
    myTerms: { put: [], remove: [] },
    report: { conflicts: [], keptAgainstDelete: [], elsewhere: [] },
  };
  const removed = new Map<string, number>();

  const take = (termId: string, remote: SyncNote, current: Working | undefined) => {
    const note: Note = { ...remote.note, revision: current ? current.note.revision + 1 : 1 };
    working.set(termId, {
      note,
      meta: { revision: note.revision, clock: remote.clock, base: noteState(remote) },
      startRevision: current?.startRevision ?? null,
      changed: true,
    });
  };

  for (const doc of docs) {
    for (const remote of doc.notes) {
      const termId = remote.note.termId;
      const current = working.get(termId);
      if (!current) {
        const buried = tombstones.get(`note:${termId}`);
        if (buried && includedIn(remote.clock, buried.clock ?? {})) continue;
        if (buried) tombstones.delete(`note:${termId}`);
        take(termId, remote, undefined);
        continue;
      }
      const order = compareClocks(remote.clock, current.meta.clock);
      if (order === 'after') take(termId, remote, current);
      else if (order === 'equal' && current.meta.base.text !== current.note.text) {
        // Both hold this state now: it is the base of whatever comes next.
        current.meta = { ...current.meta, base: noteState(remote) };
      } else if (order === 'concurrent') {
        mergeConcurrent(current, remote);
      }
    }
  }

  function mergeConcurrent(current: Working, remote: SyncNote) {
    const theirs = noteState(remote);
    const base = commonBase(
      [current.meta.base, ...(remote.base ? [remote.base] : [])],
      current.meta.clock,
      remote.clock,
    );
    // The newer text first (then the larger device's clock): both devices merge the same way.
    const oursFirst =
      current.note.updatedAt > remote.note.updatedAt ||
      (current.note.updatedAt === remote.note.updatedAt && current.note.text >= remote.note.text);
    const [first, second] = oursFirst ? [current.note.text, remote.note.text] : [remote.note.text, current.note.text];
    // Two notes written apart with nothing in common are not two additions to an empty text: both
    // are kept whole, with the marker between them (a base no text starts with says so).
    const text = mergeNoteText(base === '' ? NO_BASE : base, first, second, marker);
    if (text.includes(marker) && !current.note.text.includes(marker) && !remote.note.text.includes(marker)) {
      result.report.conflicts.push(current.note.termId);
    }
    current.note = {
      ...current.note,
      text,
      createdAt: Math.min(current.note.createdAt, remote.note.createdAt),
      updatedAt: Math.max(current.note.updatedAt, remote.note.updatedAt),
      context: current.note.context ?? remote.note.context,
      revision: current.note.revision + 1,
    };
    if (!current.note.context) delete current.note.context;
    current.meta = {
      revision: current.note.revision,
      clock: joinClocks(current.meta.clock, remote.clock),
      base: theirs,
    };
    current.changed = true;
  }

  for (const doc of docs) {
    for (const t of doc.tombstones) {
      if (!live(t) || t.kind !== 'note') continue;
      const current = working.get(t.id);
      if (!current) {
        const mine = tombstones.get(`note:${t.id}`);
        if (!mine || mine.at < t.at) tombstones.set(`note:${t.id}`, t);
        continue;
      }
      if (includedIn(current.meta.clock, t.clock ?? {})) {
        working.delete(t.id);
        tombstones.set(`note:${t.id}`, t);
        if (current.startRevision !== null) removed.set(t.id, current.startRevision);
      } else {
        result.report.keptAgainstDelete.push(t.id);
      }
    }
  }

  mergeKnown(local, docs, tombstones, live, result);
  mergeLists(state, local, docs, result);
  mergeMyTerms(local, docs, now, result);

  const notes: SyncState['notes'] = {};
  for (const [termId, w] of working) {
    notes[termId] = w.meta;
    if (w.changed) result.notes.put.push({ note: w.note, expectRevision: w.startRevision });
  }
  for (const [termId, expectRevision] of removed) result.notes.remove.push({ termId, expectRevision });
  result.state = {
    ...result.state,
    notes,
    tombstones: [...tombstones.values()],
    known: (() => {
      const ids = new Set(local.known.map((k) => k.termId));
      for (const k of result.known.put) ids.add(k.termId);
      for (const id of result.known.remove) ids.delete(id);
      return [...ids].sort();
    })(),
  };
  return result;
}

/** "I know this term" per term: the later of marking and unmarking, wherever it was done. */
function mergeKnown(
  local: LocalSnapshot,
  docs: readonly SyncDoc[],
  tombstones: Map<string, Tombstone>,
  live: (t: Tombstone) => boolean,
  result: MergeResult,
) {
  const latest = new Map<string, { known: boolean; at: number }>();
  const see = (id: string, known: boolean, at: number) => {
    const seen = latest.get(id);
    if (!seen || at > seen.at || (at === seen.at && known && !seen.known)) latest.set(id, { known, at });
  };
  for (const k of local.known) see(k.termId, true, k.markedAt);
  for (const t of tombstones.values()) if (t.kind === 'known') see(t.id, false, t.at);
  for (const doc of docs) {
    for (const k of doc.known) see(k.id, true, k.at);
    for (const t of doc.tombstones) if (t.kind === 'known' && live(t)) see(t.id, false, t.at);
  }
  const here = new Set(local.known.map((k) => k.termId));
  for (const [id, { known, at }] of latest) {
    if (known && !here.has(id)) {
      result.known.put.push({ termId: id, markedAt: at });
      tombstones.delete(`known:${id}`);
    } else if (!known && here.has(id)) {
      result.known.remove.push(id);
      tombstones.set(`known:${id}`, { kind: 'known', id, at });
    } else if (!known && !tombstones.has(`known:${id}`)) {
      tombstones.set(`known:${id}`, { kind: 'known', id, at });
    }
  }
}

/** Settings and glossaries: the later change wins, stamped with when it was made. */
function mergeLists(state: SyncState, local: LocalSnapshot, docs: readonly SyncDoc[], result: MergeResult) {
  const stamps = { ...state.stamps };
  const settings: MergeResult['settings'] = {};
  for (const doc of docs) {
    for (const name of SYNCED_SETTINGS) {
      const theirs = doc.settings[name];
      const key = `setting:${name}`;
      if (!theirs || theirs.at <= (stamps[key]?.at ?? 0)) continue;
      const sig = JSON.stringify(theirs.value);
      stamps[key] = { sig, at: theirs.at };
      if (sig !== JSON.stringify(local.settings[name])) Object.assign(settings, { [name]: theirs.value });
      else delete settings[name];
    }
  }
  result.settings = settings;
  const mine = new Map(local.glossaries.map((g) => [g.id, g]));
  const updates = new Map<string, SyncGlossary>();
  const elsewhere = new Map<string, SyncGlossary>();
  for (const doc of docs) {
    for (const g of doc.glossaries) {
      const here = mine.get(g.id);
      const key = `glossary:${g.id}`;
      if (!here) {
        if ((elsewhere.get(g.id)?.at ?? -1) < g.at) elsewhere.set(g.id, g);
        continue;
      }
      if (g.at <= (stamps[key]?.at ?? 0)) continue;
      stamps[key] = { sig: JSON.stringify([g.title, g.order, g.enabled]), at: g.at };
      updates.set(g.id, g);
    }
  }
  result.glossaries = [...updates.values()]
    .filter((g) => {
      const here = mine.get(g.id)!;
      return here.title !== g.title || here.order !== g.order || here.enabled !== g.enabled;
    })
    .map(({ id, title, order, enabled }) => ({ id, title, order, enabled }));
  result.report.elsewhere = [...elsewhere.values()];
  result.state = { ...result.state, stamps };
}

/**
 * The reader's own terms: per term, the later change wins — an addition, an edit or a deletion — the
 * same on every device (a tie goes to the larger signature). Stamped with the winning change, so this
 * device passes it on and does not count it as its own.
 */
function mergeMyTerms(local: LocalSnapshot, docs: readonly SyncDoc[], now: number, result: MergeResult) {
  const live = (t: { at: number }) => now - t.at < TOMBSTONE_TTL_MS;
  const stamps = { ...result.state.stamps };
  const here = new Map((local.myTerms ?? []).map((e) => [e.id, e]));
  const winners = new Map<string, ImportedEntry | null>();
  for (const doc of docs) {
    for (const item of doc.myTerms ?? []) {
      if (!item.entry && !live(item)) continue;
      const key = `${MY_TERM_STAMP}${item.id}`;
      const sig = item.entry ? myTermSig(item.entry) : DELETED_SIG;
      const mine = stamps[key];
      if (mine && (item.at < mine.at || (item.at === mine.at && sig <= mine.sig))) continue;
      stamps[key] = { sig, at: item.at };
      winners.set(item.id, item.entry ?? null);
    }
  }
  for (const [id, entry] of winners) {
    const current = here.get(id);
    if (entry && (!current || myTermSig(current) !== myTermSig(entry))) result.myTerms.put.push(entry);
    else if (!entry && current) result.myTerms.remove.push(id);
  }
  // Their glossary row comes with the first term: it is not "a glossary not imported here".
  result.report.elsewhere = result.report.elsewhere.filter((g) => g.id !== MY_TERMS_GLOSSARY_ID);
  result.state = { ...result.state, stamps };
}
