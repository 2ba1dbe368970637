/**
 * Surface forms of a reference to a treaty article, as people write them in Dutch, English,
 * French and German. Each form is meant as a caseSensitive:false alias of the term matcher, so
 * one casing each is enough; whitespace runs, ’ vs ' and diacritics are handled by matching.
 *
 * Treaty names used (official titles, and the abbreviations in common use):
 * - TFEU: Verdrag betreffende de werking van de Europese Unie (VWEU); Treaty on the Functioning
 *   of the European Union (TFEU); traité sur le fonctionnement de l'Union européenne (TFUE);
 *   Vertrag über die Arbeitsweise der Europäischen Union (AEUV).
 * - Benelux: the 2008 treaty, "Verdrag tot herziening van het op 3 februari 1958 gesloten Verdrag
 *   tot instelling van de Benelux Economische Unie" (Trb. 2008, 135); "Treaty revising the Treaty
 *   establishing the Benelux Economic Union signed on 3 February 1958"; "Traité portant révision
 *   du Traité instituant l'Union économique Benelux signé le 3 février 1958"; and the short names
 *   Benelux-Verdrag / Benelux Treaty / Traité Benelux / Benelux-Vertrag.
 */
import type { GlossaryEntry } from './glossary-schema';

type LegalRef = NonNullable<GlossaryEntry['legalRef']>;
export type TreatyId = LegalRef['treaty'];

interface Language {
  /** Words for "article"; an entry ending in "." also gets a form without the space ("art.350"). */
  articleWords: readonly string[];
  /** How "article N paragraph P" is written, for articles given as "N(P)". */
  paragraphForms: (article: string, paragraph: string) => string[];
  /** What follows the number: the treaty, with its connecting words. */
  treaties: Readonly<Record<TreatyId, readonly string[]>>;
}

const APOSTROPHE_VARIANTS = (text: string): string[] =>
  text.includes("'") ? [text, text.replaceAll("'", '’')] : [text];

const DUTCH: Language = {
  articleWords: ['artikel', 'art.'],
  paragraphForms: (article, paragraph) => [`${article}, lid ${paragraph},`],
  treaties: {
    tfeu: [
      'VWEU',
      'van het VWEU',
      'van het Verdrag betreffende de werking van de Europese Unie',
      'van het Verdrag betreffende de werking van de EU',
    ],
    benelux: [
      'Benelux-Verdrag',
      'van het Benelux-Verdrag',
      'Beneluxverdrag',
      'van het Beneluxverdrag',
      'van het Verdrag tot instelling van de Benelux Unie',
      'van het Verdrag tot herziening van het Verdrag tot instelling van de Benelux Economische Unie',
      'van het Verdrag tot herziening van het op 3 februari 1958 gesloten Verdrag tot instelling van de Benelux Economische Unie',
    ],
  },
};

const ENGLISH: Language = {
  articleWords: ['Article', 'Art.'],
  paragraphForms: (article, paragraph) => [`${article}, paragraph ${paragraph},`],
  treaties: {
    tfeu: [
      'TFEU',
      'of the TFEU',
      'of the Treaty on the Functioning of the European Union',
      'of the Treaty on the Functioning of the EU',
    ],
    benelux: [
      'of the Benelux Treaty',
      'of the Treaty revising the Treaty establishing the Benelux Economic Union',
      'of the Treaty revising the Treaty establishing the Benelux Economic Union signed on 3 February 1958',
    ],
  },
};

const FRENCH: Language = {
  articleWords: ['article', 'art.'],
  paragraphForms: (article, paragraph) => [`${article}, paragraphe ${paragraph},`],
  treaties: {
    tfeu: ['TFUE', 'du TFUE', ...APOSTROPHE_VARIANTS("du traité sur le fonctionnement de l'Union européenne")],
    benelux: [
      'du Traité Benelux',
      ...APOSTROPHE_VARIANTS("du Traité portant révision du Traité instituant l'Union économique Benelux"),
      ...APOSTROPHE_VARIANTS(
        "du Traité portant révision du Traité instituant l'Union économique Benelux signé le 3 février 1958",
      ),
    ],
  },
};

const GERMAN: Language = {
  articleWords: ['Artikel', 'Art.'],
  paragraphForms: (article, paragraph) => [`${article} Absatz ${paragraph}`, `${article} Abs. ${paragraph}`],
  treaties: {
    tfeu: [
      'AEUV',
      'des AEUV',
      'des Vertrags über die Arbeitsweise der Europäischen Union',
      'des Vertrages über die Arbeitsweise der Europäischen Union',
    ],
    benelux: ['des Benelux-Vertrags', 'des Benelux-Vertrages'],
  },
};

const LANGUAGES: readonly Language[] = [DUTCH, ENGLISH, FRENCH, GERMAN];

// "6(2)" → article 6, paragraph 2; "101(1)(a)" and other shapes are only written as given.
const ARTICLE_WITH_PARAGRAPH = /^(\d+[a-z]?)\((\d+)\)$/i;

/**
 * Every surface form of `ref`, without duplicates (compared case-insensitively, as they match).
 * The article is written as given ("350", "6(2)"); "N(P)" also yields the spelled-out paragraph
 * forms ("artikel 6, lid 2, van het Benelux-Verdrag", "Art. 6 Abs. 2 AEUV").
 */
export function expandLegalRef(ref: LegalRef): string[] {
  const article = ref.article.trim().replace(/\s+/g, '');
  if (article === '') return [];
  const paragraph = ARTICLE_WITH_PARAGRAPH.exec(article);
  const forms: string[] = [];
  const seen = new Set<string>();
  const add = (form: string): void => {
    const key = form.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      forms.push(form);
    }
  };
  for (const language of LANGUAGES) {
    const numbers = [article];
    if (paragraph?.[1] !== undefined && paragraph[2] !== undefined) {
      numbers.push(...language.paragraphForms(paragraph[1], paragraph[2]));
    }
    for (const word of language.articleWords) {
      for (const number of numbers) {
        for (const treaty of language.treaties[ref.treaty]) {
          add(`${word} ${number} ${treaty}`);
          if (word.endsWith('.')) add(`${word}${number} ${treaty}`);
        }
      }
    }
  }
  return forms;
}
