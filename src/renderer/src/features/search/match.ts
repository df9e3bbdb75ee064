/**
 * How a query matches a text, the way a reader expects: several words as a phrase first (the
 * exact words, then words starting with them), then all the words near each other; one word by
 * its beginning. Accent- and case-insensitive through the app's one folding function. Pure.
 */
import { foldText } from '../../domain/text-fold'

/** A half-open range [start, end) of the original text. */
export interface Range {
  start: number
  end: number
}

/** A normalised text with, for each of its characters, the index of its character in the original. */
export interface NormalizedText {
  text: string
  /** `source[i]` is the original index of normalised character i; `source[text.length]` is the original length. */
  source: number[]
}

/** Folds a text and keeps the way back to the original indices, to place highlights. */
export function normalizeWithMap(original: string): NormalizedText {
  let text = ''
  const source: number[] = []
  let index = 0
  for (const char of original) {
    // A combining mark after its base letter (text in NFD) folds into nothing.
    const folded = foldText(char)
    for (let k = 0; k < folded.length; k++) source.push(index)
    text += folded
    index += char.length
  }
  source.push(original.length)
  return { text, source }
}

/** A folded word of a text and where it stands in the original. */
export interface Word extends Range {
  text: string
}

// Citation markers are not words of the text: searching "1" should not find "[1]".
const MARKERS = /\[(\d+|citation needed)\]/g
const WORD = /[\p{L}\p{N}]+/gu

/** The folded words of a text, citation markers left out, each with its original range. */
export function foldedWords(original: string): Word[] {
  const clean = original.replace(MARKERS, (m) => ' '.repeat(m.length))
  const { text, source } = normalizeWithMap(clean)
  return [...text.matchAll(WORD)].map((m) => ({
    text: m[0],
    start: source[m.index] ?? 0,
    end: source[m.index + m[0].length] ?? original.length
  }))
}

/** The folded words of a query. */
export function queryWords(query: string): string[] {
  return foldText(query).match(WORD) ?? []
}

/**
 * How well a hit matches, best first: 3 the exact words in order, 2 the words in order each
 * typed from its beginning, 1 all the words near each other in any order.
 */
export type Tier = 1 | 2 | 3

/** One place a query matches: its tier and the ranges to highlight (several for a near match). */
export interface Hit {
  tier: Tier
  ranges: Range[]
}

/** How many words apart the first and last word of a near match may stand. */
export const NEAR_WORDS = 8

/**
 * Every hit of a query in a text's words, in reading order, of the best tier found: a phrase
 * anywhere hides the weaker near matches, as a reader looking for "Mexico City" wants.
 */
export function findHits(words: readonly Word[], query: readonly string[]): Hit[] {
  const n = query.length
  if (n === 0) return []
  const phrases: Hit[] = []
  for (let i = 0; i + n <= words.length; i++) {
    let tier: Tier = 3
    for (let k = 0; k < n; k++) {
      const word = words[i + k]?.text ?? ''
      const q = query[k] ?? ''
      if (word === q) continue
      if (!word.startsWith(q)) {
        tier = 1
        break
      }
      tier = 2
    }
    if (tier === 1) continue
    const first = words[i]
    const last = words[i + n - 1]
    if (first && last) phrases.push({ tier, ranges: [{ start: first.start, end: last.end }] })
  }
  if (phrases.length) return bestOnly(phrases)
  return n > 1 ? nearHits(words, query) : []
}

/** The hits of the best tier among them. */
export function bestOnly(hits: Hit[]): Hit[] {
  const best = Math.max(...hits.map((h) => h.tier))
  return hits.filter((h) => h.tier === best)
}

function nearHits(words: readonly Word[], query: readonly string[]): Hit[] {
  const hits: Hit[] = []
  let i = 0
  while (i < words.length) {
    const chosen = new Map<number, number>() // query index → word index
    for (let j = i; j < Math.min(words.length, i + NEAR_WORDS + 1); j++) {
      const text = words[j]?.text ?? ''
      const k = query.findIndex((q, index) => !chosen.has(index) && text.startsWith(q))
      if (k === -1) {
        if (j === i) break
        continue
      }
      chosen.set(k, j)
      if (chosen.size === query.length) break
    }
    if (chosen.size === query.length) {
      const at = [...chosen.values()].sort((a, b) => a - b)
      hits.push({
        tier: 1,
        ranges: at.map((j) => ({ start: words[j]?.start ?? 0, end: words[j]?.end ?? 0 }))
      })
      i = (at.at(-1) ?? i) + 1
    } else {
      i++
    }
  }
  return hits
}
