/**
 * The one way text is folded for matching anywhere in the app (search, filters, typed answers):
 * lower case, no diacritics ("Lázaro" → "lazaro"), plain dashes and quotes.
 */

const MARKS = /\p{M}/gu
const DASHES = /[\u2010-\u2015\u2212]/g
const QUOTES = /[\u2018\u2019\u201a\u201b\u2032]/g
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033]/g

/**
 * Orders two names or titles for a list: by their folded form ("Ávila" beside "Avila"), then as
 * written. Not `localeCompare`: the first collation of a page starts ICU's collator, 10 to 20 ms
 * that fell on the timeline's first draw; for the pack's English and Spanish names the folded
 * order is the alphabetical one.
 */
export function compareText(a: string, b: string): number {
  return compareFolded(a, foldText(a), b, foldText(b))
}

/**
 * `compareText` for one long sort: each text is folded once, when it is first compared, not at
 * every comparison (10,000 events with many equal dates fold their titles about 14 times each).
 */
export function textComparer(): (a: string, b: string) => number {
  const folded = new Map<string, string>()
  const fold = (text: string): string => {
    let result = folded.get(text)
    if (result === undefined) folded.set(text, (result = foldText(text)))
    return result
  }
  return (a, b) => compareFolded(a, fold(a), b, fold(b))
}

function compareFolded(a: string, fa: string, b: string, fb: string): number {
  if (fa !== fb) return fa < fb ? -1 : 1
  return a < b ? -1 : a > b ? 1 : 0
}

/** Folds a text for comparison: lower case, accents removed, typographic dashes and quotes plain. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(DASHES, '-')
    .replace(QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
}
