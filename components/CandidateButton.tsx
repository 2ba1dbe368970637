import type { TermCandidate } from './TermCard';

/** One of the other meanings a card lists: its name, and its glossary's title when it is imported. */
export function CandidateButton({ candidate, onPick }: { candidate: TermCandidate; onPick: (id: string) => void }) {
  return (
    <button type="button" data-term-id={candidate.id} onClick={() => onPick(candidate.id)}>
      <span lang={candidate.lang}>{candidate.name}</span>
      {candidate.glossary && <span class="term-candidate-glossary"> · {candidate.glossary}</span>}
    </button>
  );
}
