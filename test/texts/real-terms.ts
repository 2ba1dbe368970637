/**
 * The real terms planted in test/texts/{en,fr,de}.txt and found in the letter (nl): IATE-style
 * concepts with their terms in four languages, abbreviations typed as such. core/precision-scale.test.ts
 * compiles them beside thousands of common words and phrases.
 *
 * `held` lists the forms the default rules hold back on purpose — everyday words and phrases that are
 * forms of real concepts ("Commission", "internal market", "euro area"): the test checks that they
 * are not highlighted either, and that every other form is found wherever it stands in a text.
 */
import type { ImportedEntry, ImportedTerm } from '@/core/imported-schema';

type Lang = 'nl' | 'en' | 'fr' | 'de' | 'mul';
/** A term: its text, or its text and type ("a" abbreviation, "s" short form, "v" variant). */
type T = string | [string, 'a' | 's' | 'v'];
const TYPES = { a: 'abbreviation', s: 'shortForm', v: 'variant' } as const;

function concept(id: string, terms: Partial<Record<Lang, T[]>>): ImportedEntry {
  const list: ImportedTerm[] = [];
  for (const [lang, forms] of Object.entries(terms)) {
    for (const form of forms) {
      const [text, type] = typeof form === 'string' ? [form, undefined] : form;
      list.push({ lang, text, type: type ? TYPES[type] : 'fullForm', status: 'preferred', reliability: 3 });
    }
  }
  return { id, terms: list, definitions: [], subjectFields: ['EUROPEAN UNION'] };
}

export const REAL_ENTRIES: ImportedEntry[] = [
  concept('cbam', {
    en: ['Carbon Border Adjustment Mechanism', ['CBAM', 'a']],
    fr: ["mécanisme d'ajustement carbone aux frontières", ['MACF', 'a']],
    de: ['CO2-Grenzausgleichssystem', ['CBAM', 'a']],
    nl: ['mechanisme voor koolstofgrenscorrectie', ['CBAM', 'a']],
  }),
  concept('ets', {
    en: ['Emissions Trading System', ['ETS', 'a']],
    fr: ["système d'échange de quotas d'émission", ['SEQE', 'a']],
    de: ['Emissionshandelssystem', ['EU-EHS', 'a']],
    nl: ['emissiehandelssysteem', ['ETS', 'a']],
  }),
  concept('eppo', {
    en: ["European Public Prosecutor's Office", ['EPPO', 'a']],
    fr: ['Parquet européen'],
    de: ['Europäische Staatsanwaltschaft', ['EUStA', 'a']],
    nl: ['Europees Openbaar Ministerie', ['EOM', 'a']],
  }),
  concept('schengen', {
    mul: ['Schengen'],
    en: ['Schengen Area'],
    fr: ['espace Schengen'],
    de: ['Schengen-Raum'],
    nl: ['Schengengebied'],
  }),
  concept('benelux-union', {
    mul: ['Benelux'],
    nl: ['Benelux Unie', ['Benelux-Unie', 'v']],
    en: ['Benelux Union'],
    fr: ['Union Benelux'],
    de: ['Benelux-Union'],
  }),
  concept('eu', {
    en: ['European Union', ['EU', 'a']],
    fr: ['Union européenne', ['UE', 'a']],
    de: ['Europäische Union', ['EU', 'a']],
    nl: ['Europese Unie', ['EU', 'a']],
  }),
  concept('commission', {
    en: ['European Commission', ['Commission', 's']],
    fr: ['Commission européenne', ['Commission', 's']],
    de: ['Europäische Kommission', ['Kommission', 's']],
    nl: ['Europese Commissie', ['Commissie', 's']],
  }),
  concept('parliament', {
    en: ['European Parliament', ['EP', 'a']],
    fr: ['Parlement européen', ['PE', 'a']],
    de: ['Europäisches Parlament', ['EP', 'a']],
    nl: ['Europees Parlement', ['EP', 'a']],
  }),
  concept('council', {
    en: ['Council of the European Union', ['Council', 's']],
    fr: ["Conseil de l'Union européenne", ['Conseil', 's']],
    de: ['Rat der Europäischen Union', ['Rat', 's']],
    nl: ['Raad van de Europese Unie', ['Raad', 's']],
  }),
  concept('cjeu', {
    en: ['Court of Justice of the European Union', ['CJEU', 'a']],
    fr: ["Cour de justice de l'Union européenne", ['CJUE', 'a']],
    de: ['Gerichtshof der Europäischen Union', ['EuGH', 'a']],
    nl: ['Hof van Justitie van de Europese Unie', ['HvJ EU', 'a']],
  }),
  concept('tfeu', {
    en: ['Treaty on the Functioning of the European Union', ['TFEU', 'a']],
    fr: ["traité sur le fonctionnement de l'Union européenne", ['TFUE', 'a']],
    de: ['Vertrag über die Arbeitsweise der Europäischen Union', ['AEUV', 'a']],
    nl: [
      'Verdrag betreffende de werking van de Europese Unie',
      ['Verdrag betreffende de Werking van de EU', 'v'],
      ['VWEU', 'a'],
    ],
  }),
  concept('migration-pact', {
    en: ['Pact on Migration and Asylum'],
    fr: ["pacte sur la migration et l'asile"],
    de: ['Migrations- und Asylpakt'],
    nl: ['migratie- en asielpact'],
  }),
  concept('ceas', {
    en: ['Common European Asylum System', ['CEAS', 'a']],
    fr: ["régime d'asile européen commun", ['RAEC', 'a']],
    de: ['Gemeinsames Europäisches Asylsystem', ['GEAS', 'a']],
    nl: ['gemeenschappelijk Europees asielstelsel', ['GEAS', 'a']],
  }),
  concept('etias', {
    mul: [['ETIAS', 'a']],
    en: ['European Travel Information and Authorisation System'],
    fr: ["système européen d'information et d'autorisation concernant les voyages"],
    de: ['Europäisches Reiseinformations- und -genehmigungssystem'],
    nl: ['Europees reisinformatie- en -autorisatiesysteem', ['Europese reisautorisatiesysteem', 'v']],
  }),
  concept('ees', {
    mul: [['EES', 'a']],
    en: ['Entry/Exit System'],
    fr: ["système d'entrée/de sortie"],
    de: ['Einreise-/Ausreisesystem'],
    nl: ['inreis-uitreissysteem'],
  }),
  concept('frontex', {
    mul: ['Frontex'],
    en: ['European Border and Coast Guard Agency'],
    fr: ['Agence européenne de garde-frontières et de garde-côtes'],
    de: ['Europäische Agentur für die Grenz- und Küstenwache'],
    nl: ['Europees Grens- en kustwachtagentschap'],
  }),
  concept('europol', { mul: ['Europol'] }),
  concept('eurojust', { mul: ['Eurojust'] }),
  concept('eaw', {
    en: ['European Arrest Warrant', ['EAW', 'a']],
    fr: ["mandat d'arrêt européen", ['MAE', 'a']],
    de: ['Europäischer Haftbefehl', ['EuHb', 'a']],
    nl: ['Europees aanhoudingsbevel', ['EAB', 'a']],
  }),
  concept('eu-lisa', { mul: [['eu-LISA', 'a']] }),
  concept('repowereu', { mul: ['REPowerEU'] }),
  concept('red', {
    en: ['Renewable Energy Directive', ['RED', 'a']],
    fr: ['directive sur les énergies renouvelables'],
    de: ['Erneuerbare-Energien-Richtlinie'],
    nl: ['richtlijn hernieuwbare energie'],
  }),
  concept('nsec', { mul: ['North Seas Energy Cooperation', ['NSEC', 'a']] }),
  concept('penta', {
    en: ['Pentalateral Energy Forum'],
    fr: ["Forum pentalatéral de l'énergie"],
    de: ['Pentalaterales Energieforum'],
    nl: ['Pentalateraal Energieforum', ['Pentalaterale samenwerking', 'v'], ['Pentalaterale overleg', 'v']],
  }),
  concept('gdpr', {
    en: ['General Data Protection Regulation', ['GDPR', 'a']],
    fr: ['règlement général sur la protection des données', ['RGPD', 'a']],
    de: ['Datenschutz-Grundverordnung', ['DSGVO', 'a']],
    nl: ['algemene verordening gegevensbescherming', ['AVG', 'a']],
  }),
  concept('qmv', {
    en: ['qualified majority voting', ['QMV', 'a']],
    fr: ['vote à la majorité qualifiée'],
    de: ['Abstimmung mit qualifizierter Mehrheit'],
    nl: ['stemming met gekwalificeerde meerderheid'],
  }),
  concept('subsidiarity', {
    en: ['principle of subsidiarity', ['subsidiarity', 'v']],
    fr: ['principe de subsidiarité'],
    de: ['Subsidiaritätsprinzip'],
    nl: ['subsidiariteitsbeginsel'],
  }),
  concept('benelux-court', {
    en: ['Benelux Court of Justice'],
    fr: ['Cour de justice Benelux'],
    de: ['Benelux-Gerichtshof'],
    nl: ['Benelux-Gerechtshof'],
  }),
  concept('green-deal', {
    en: ['European Green Deal'],
    fr: ["pacte vert pour l'Europe"],
    de: ['europäischer Grüner Deal'],
    nl: ['Europese Green Deal'],
  }),
  concept('ccs', {
    en: ['carbon capture and storage', ['CCS', 'a']],
    fr: ['captage et stockage du carbone', ['CSC', 'a']],
    de: ['CO2-Abscheidung und -Speicherung', ['CCS', 'a']],
    nl: ['koolstofafvang en -opslag', ['CCS', 'a']],
  }),
  concept('euro-area', {
    en: ['euro area', ['eurozone', 'v']],
    fr: ['zone euro'],
    de: ['Euro-Währungsgebiet', ['Eurozone', 'v']],
    nl: ['eurozone'],
  }),
  concept('renewable-hydrogen', {
    en: ['renewable hydrogen'],
    fr: ['hydrogène renouvelable'],
    de: ['erneuerbarer Wasserstoff'],
    nl: ['hernieuwbare waterstof', ['waterstof', 'v']],
  }),
  concept('circular-economy', {
    en: ['circular economy'],
    fr: ['économie circulaire'],
    de: ['Kreislaufwirtschaft'],
    nl: ['circulaire economie'],
  }),
  concept('energy-transition', {
    en: ['energy transition'],
    fr: ['transition énergétique'],
    de: ['Energiewende'],
    nl: ['energietransitie'],
  }),
  concept('internal-market', {
    en: ['internal market', ['single market', 'v']],
    fr: ['marché intérieur', ['marché unique', 'v']],
    de: ['Binnenmarkt'],
    nl: ['interne markt'],
  }),
  concept('committee-of-ministers', {
    nl: ['Comité van Ministers'],
    en: ['Committee of Ministers'],
    fr: ['Comité de ministres'],
    de: ['Ministerkomitee'],
  }),
  concept('house-of-representatives', {
    nl: ['Tweede Kamer'],
    en: ['House of Representatives'],
    fr: ['Seconde Chambre'],
    de: ['Zweite Kammer'],
  }),
  concept('gac', {
    nl: ['Raad Algemene Zaken', ['RAZ', 'a']],
    en: ['General Affairs Council', ['GAC', 'a']],
    fr: ['Conseil des affaires générales'],
    de: ['Rat für Allgemeine Angelegenheiten'],
  }),
  concept('fac', {
    nl: ['Raad Buitenlandse Zaken', ['RBZ', 'a']],
    en: ['Foreign Affairs Council', ['FAC', 'a']],
    fr: ['Conseil des affaires étrangères'],
    de: ['Rat für Auswärtige Angelegenheiten'],
  }),
  concept('cfsp', {
    nl: ['gemeenschappelijk buitenlands en veiligheidsbeleid', ['GBVB', 'a']],
    en: ['Common Foreign and Security Policy', ['CFSP', 'a']],
    fr: ['politique étrangère et de sécurité commune', ['PESC', 'a']],
    de: ['Gemeinsame Außen- und Sicherheitspolitik', ['GASP', 'a']],
  }),
  concept('osa', {
    nl: ['open strategische autonomie', ['OSA', 'a']],
    en: ['open strategic autonomy'],
    fr: ['autonomie stratégique ouverte'],
    de: ['offene strategische Autonomie'],
  }),
  concept('western-balkans', {
    nl: ['Westelijke Balkan'],
    en: ['Western Balkans'],
    fr: ['Balkans occidentaux'],
    de: ['Westbalkan'],
  }),
  concept('nordic-council', {
    nl: ['Noordse Raad'],
    en: ['Nordic Council'],
    fr: ['Conseil nordique'],
    de: ['Nordischer Rat'],
  }),
  concept('public-prosecution', { nl: ['Openbaar Ministerie', ['OM', 'a']], en: ['Public Prosecution Service'] }),
  concept('covid-19', { mul: ['COVID-19'] }),
  concept('north-sea', { nl: ['Noordzee'], en: ['North Sea'], fr: ['mer du Nord'], de: ['Nordsee'] }),
  concept('trafficking', {
    nl: ['mensenhandel'],
    en: ['trafficking in human beings'],
    fr: ['traite des êtres humains'],
    de: ['Menschenhandel'],
  }),
  concept('benelux-treaty', {
    nl: ['Benelux-Verdrag'],
    en: ['Benelux Treaty'],
    fr: ['traité Benelux'],
    de: ['Benelux-Vertrag'],
  }),
  concept('nrw', {
    nl: ['Noordrijn-Westfalen'],
    en: ['North Rhine-Westphalia'],
    fr: ['Rhénanie-du-Nord-Westphalie'],
    de: ['Nordrhein-Westfalen'],
  }),
  concept('hauts-de-france', { mul: ['Hauts-de-France'] }),
];

/**
 * The forms of REAL_ENTRIES that the default rules hold back as common, by entry: single words among
 * the 5 000 ("Commission", "Raad"), and phrases of them with no capital or abbreviation to name them.
 */
export const HELD_BACK: Record<string, string[]> = {
  commission: ['Commission', 'Commissie'],
  council: ['Council', 'Conseil', 'Rat', 'Raad'],
  'euro-area': ['euro area', 'zone euro'],
  'energy-transition': ['energy transition'],
  'internal-market': ['internal market', 'single market', 'marché intérieur', 'marché unique', 'interne markt'],
  'north-sea': ['mer du Nord'],
};
