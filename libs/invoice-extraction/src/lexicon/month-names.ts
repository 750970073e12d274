/**
 * Month names and abbreviations in the seven languages, folded (no accents, lower case), Polish in the
 * nominative and the genitive used in dates ("15 stycznia 2024").
 */
const MONTHS: readonly (readonly string[])[] = [
  ['january', 'jan', 'januar', 'janner', 'janvier', 'janv', 'januari', 'enero', 'ene', 'gennaio', 'gen', 'styczen', 'stycznia', 'sty'],
  ['february', 'feb', 'februar', 'fevrier', 'fevr', 'fev', 'februari', 'febrero', 'febbraio', 'luty', 'lutego', 'lut'],
  ['march', 'mar', 'marz', 'mars', 'maart', 'mrt', 'marzo', 'marzec', 'marca'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile', 'kwiecien', 'kwietnia', 'kwi'],
  ['may', 'mai', 'mei', 'mayo', 'maggio', 'mag', 'maj', 'maja'],
  ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'giu', 'czerwiec', 'czerwca', 'cze'],
  ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'luglio', 'lug', 'lipiec', 'lipca', 'lip'],
  ['august', 'aug', 'aout', 'augustus', 'agosto', 'ago', 'sierpien', 'sierpnia', 'sie'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'settembre', 'set', 'wrzesien', 'wrzesnia', 'wrz'],
  ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'ott', 'pazdziernik', 'pazdziernika', 'paz'],
  ['november', 'nov', 'novembre', 'noviembre', 'listopad', 'listopada', 'lis'],
  ['december', 'dec', 'dezember', 'dez', 'decembre', 'diciembre', 'dic', 'dicembre', 'grudzien', 'grudnia', 'gru'],
];

export const MONTH_NUMBER: ReadonlyMap<string, number> = new Map(MONTHS.flatMap((names, index) => names.map((name) => [name, index + 1] as const)));

/** Regex alternation of every month name, longest first so "juillet" wins over "jul". */
export const MONTH_PATTERN = [...MONTH_NUMBER.keys()].sort((a, b) => b.length - a.length).join('|');
