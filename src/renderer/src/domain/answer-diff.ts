/**
 * The typed answer beside the expected one with the differences marked, as Anki's type-in answer
 * shows them: characters compared after folding (case and accents do not count as differences),
 * shown as typed and as expected.
 */
import { diffArrays } from 'diff'
import { foldText } from './text-fold'

/** A run of characters and how it compares. */
export interface DiffPiece {
  text: string
  /** `same`: in both; `extra`: typed but not expected; `missing`: expected but not typed. */
  kind: 'same' | 'extra' | 'missing'
}

/** The comparison of a typed answer with the expected one. */
export interface AnswerComparison {
  /** What was typed, in runs: `same` or `extra`. */
  typed: DiffPiece[]
  /** What was expected, in runs: `same` or `missing`. */
  expected: DiffPiece[]
  /** True when the two agree once case, accents and surrounding spaces are set aside. */
  equal: boolean
}

/** Appends a run, merging it with the last one of the same kind. */
function push(pieces: DiffPiece[], text: string, kind: DiffPiece['kind']): void {
  const last = pieces.at(-1)
  if (last && last.kind === kind) last.text += text
  else pieces.push({ text, kind })
}

const same = (x: string, y: string): boolean => foldText(x) === foldText(y)

/** Diffs two runs character by character (a misspelt word: "Merkader" against "Mercader"). */
function diffCharacters(result: AnswerComparison, expected: string, typed: string): void {
  const a = [...expected]
  const b = [...typed]
  let ia = 0
  let ib = 0
  for (const change of diffArrays(a, b, { comparator: same })) {
    const count = change.value.length
    if (change.added) push(result.typed, b.slice(ib, (ib += count)).join(''), 'extra')
    else if (change.removed) push(result.expected, a.slice(ia, (ia += count)).join(''), 'missing')
    else {
      // The same characters up to folding: each side shows its own spelling.
      push(result.expected, a.slice(ia, (ia += count)).join(''), 'same')
      push(result.typed, b.slice(ib, (ib += count)).join(''), 'same')
    }
  }
}

/** Words and the spaces between them, so a difference is shown word by word where it can be. */
const tokens = (text: string): string[] => text.trim().match(/\s+|\S+/g) ?? []

/**
 * Compares what was typed with what was expected after folding (case and accents do not count):
 * word by word, so a missing word reads as one ("Ramón " missing from "Mercader"), and letter by
 * letter inside a word typed in place of another (a typo).
 */
export function compareAnswer(expected: string, typed: string): AnswerComparison {
  const a = tokens(expected)
  const b = tokens(typed)
  const result: AnswerComparison = { typed: [], expected: [], equal: true }
  const changes = diffArrays(a, b, { comparator: same })
  let ia = 0
  let ib = 0
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!
    const next = changes[i + 1]
    const count = change.value.length
    if (change.removed && next?.added) {
      // Words typed in place of others: the unmatched ones first (a first name left out), then
      // the rest paired from the end and compared letter by letter (a typo in the surname).
      const extra = next.value.length
      const unpaired = Math.abs(count - extra)
      if (count > extra) push(result.expected, a.slice(ia, (ia += unpaired)).join(''), 'missing')
      if (extra > count) push(result.typed, b.slice(ib, (ib += unpaired)).join(''), 'extra')
      for (let k = Math.min(count, extra); k > 0; k--) diffCharacters(result, a[ia++]!, b[ib++]!)
      result.equal = false
      i++
    } else if (change.added) {
      push(result.typed, b.slice(ib, (ib += count)).join(''), 'extra')
      result.equal = false
    } else if (change.removed) {
      push(result.expected, a.slice(ia, (ia += count)).join(''), 'missing')
      result.equal = false
    } else {
      push(result.expected, a.slice(ia, (ia += count)).join(''), 'same')
      push(result.typed, b.slice(ib, (ib += count)).join(''), 'same')
    }
  }
  return result
}
