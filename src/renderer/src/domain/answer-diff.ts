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

/** Compares what was typed with what was expected, character by character after folding. */
export function compareAnswer(expected: string, typed: string): AnswerComparison {
  const a = [...expected.trim()]
  const b = [...typed.trim()]
  const changes = diffArrays(a, b, { comparator: (x, y) => foldText(x) === foldText(y) })
  const result: AnswerComparison = { typed: [], expected: [], equal: true }
  let ia = 0
  let ib = 0
  for (const change of changes) {
    const count = change.value.length
    if (change.added) {
      push(result.typed, b.slice(ib, (ib += count)).join(''), 'extra')
      result.equal = false
    } else if (change.removed) {
      push(result.expected, a.slice(ia, (ia += count)).join(''), 'missing')
      result.equal = false
    } else {
      // The same characters up to folding: each side shows its own spelling.
      push(result.expected, a.slice(ia, (ia += count)).join(''), 'same')
      push(result.typed, b.slice(ib, (ib += count)).join(''), 'same')
    }
  }
  return result
}
