/**
 * Which rows of a table a Dexie change notice (`storagemutated`) names: the keys one by one when
 * the write named them (Dexie does for writes of fewer than 50 rows), or "all" when it gave a
 * range (a bulk write, a clear, a restore). Lets a view follow a review by reading one row
 * instead of reading every key of an index again.
 */
import { RangeSet, type ObservabilitySet } from 'dexie'

/** The keys of `table` in `database` a notice names; 'all' for a range; an empty list for none. */
export function mutatedKeys(
  parts: ObservabilitySet,
  database: string,
  table: string
): string[] | 'all' {
  // Dexie's notice of a change it cannot name (another window reopened the database).
  if (parts.all) return 'all'
  const keys: string[] = []
  // '' holds the keys written, ':dels' the keys deleted.
  for (const part of ['', ':dels']) {
    const tree = parts[`idb://${database}/${table}/${part}`]
    if (!tree) continue
    // Called, not constructed: `RangeSet(tree)` wraps a tree, `new RangeSet(x)` is the range x–x.
    for (const node of RangeSet(tree)) {
      if (node.from !== node.to || typeof node.from !== 'string') return 'all'
      keys.push(node.from)
    }
  }
  return [...new Set(keys)]
}
