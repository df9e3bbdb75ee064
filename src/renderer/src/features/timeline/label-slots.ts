/**
 * Reuse of label elements from one frame to the next. A frame at the full range labels a new set
 * of events on every zoom step; creating and destroying a button per label costs more than the
 * rest of the frame, so the label layer keeps its buttons and gives each new frame's labels:
 * the element that already showed the same event (so focus and position stay), or else one that
 * was freed (an event no longer labelled), or else a new one.
 */

/** For each id of `next`, the index in `previous` of the element to reuse, or -1 to create one. */
export function assignSlots(previous: readonly string[], next: readonly string[]): number[] {
  const at = new Map<string, number>()
  for (let i = 0; i < previous.length; i++) at.set(previous[i] as string, i)
  const used = new Uint8Array(previous.length)
  const out = new Array<number>(next.length).fill(-1)
  for (let i = 0; i < next.length; i++) {
    const j = at.get(next[i] as string)
    if (j !== undefined && used[j] === 0) {
      out[i] = j
      used[j] = 1
    }
  }
  let free = 0
  for (let i = 0; i < next.length; i++) {
    if (out[i] !== -1) continue
    while (free < previous.length && used[free] === 1) free++
    if (free >= previous.length) break
    out[i] = free
    used[free] = 1
  }
  return out
}
