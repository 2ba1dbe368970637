import { useState } from 'preact/hooks';

export interface DefinitionOfferLabels {
  defines: (abbreviation: string, expansion: string) => string;
  add: string;
  addLabel: (abbreviation: string) => string;
  decline: string;
  declineLabel: (abbreviation: string) => string;
  added: (abbreviation: string) => string;
}

interface Offer {
  abbreviation: string;
  expansion: string;
  sentence: string;
}

interface Props {
  offers: readonly Offer[];
  labels: DefinitionOfferLabels;
  onAdd: (offer: Offer) => Promise<void>;
  onDecline: (offer: Offer) => void;
}

/**
 * "This page defines CBAM" with the sentence it came from, and the reader's yes or no. The status line
 * stays when no offer is left, so the reader hears what the last click did.
 */
export function DefinitionOffers({ offers, labels, onAdd, onDecline }: Props) {
  const [said, setSaid] = useState<string | null>(null);
  return (
    <div class="definition-offers">
      {offers.map((offer) => (
        <div class="definition-offer" key={offer.abbreviation}>
          <p>{labels.defines(offer.abbreviation, offer.expansion)}</p>
          <blockquote class="muted">{offer.sentence}</blockquote>
          <div class="actions">
            <button
              type="button"
              aria-label={labels.addLabel(offer.abbreviation)}
              onClick={() =>
                void onAdd(offer).then(
                  () => setSaid(labels.added(offer.abbreviation)),
                  (e: unknown) => setSaid(e instanceof Error ? e.message : String(e)),
                )
              }
            >
              {labels.add}
            </button>
            <button type="button" aria-label={labels.declineLabel(offer.abbreviation)} onClick={() => onDecline(offer)}>
              {labels.decline}
            </button>
          </div>
        </div>
      ))}
      <p role="status" class="muted">
        {said}
      </p>
    </div>
  );
}
