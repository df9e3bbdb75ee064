/** The grader of an ordering exercise: pairs in the right order, and which items are misplaced. */

/** The score of an ordering by pairs. */
export interface OrderGrade {
  correct: number
  total: number
  score: number
  pass: boolean
}

/**
 * Scores an ordering by pairs: of every two items, is the earlier one placed first? Items with the
 * same key may go either way. Passes at 80 % of pairs.
 */
export function gradeOrder<T>(placed: T[], key: (item: T) => number, passAt = 0.8): OrderGrade {
  let correct = 0
  let total = 0
  for (let i = 0; i < placed.length; i++) {
    for (let j = i + 1; j < placed.length; j++) {
      total++
      if (key(placed[i]!) <= key(placed[j]!)) correct++
    }
  }
  const score = total === 0 ? 1 : correct / total
  return { correct, total, score, pass: score >= passAt }
}

/**
 * The items of an ordering that are out of place: all but one longest run of items already in the
 * right order relative to each other (a longest non-decreasing subsequence), so the fewest items
 * that moving would fix the order. Returns their indices, ascending.
 */
export function misplaced<T>(placed: T[], key: (item: T) => number): number[] {
  const keys = placed.map(key)
  const length = keys.map(() => 1)
  const previous = keys.map(() => -1)
  for (let i = 0; i < keys.length; i++) {
    for (let j = 0; j < i; j++) {
      if (keys[j]! <= keys[i]! && length[j]! + 1 > length[i]!) {
        length[i] = length[j]! + 1
        previous[i] = j
      }
    }
  }
  const keep = new Set<number>()
  let at = length.indexOf(Math.max(0, ...length))
  while (at >= 0) {
    keep.add(at)
    at = previous[at]!
  }
  return keys.map((_, i) => i).filter((i) => !keep.has(i))
}
