/**
 * Seeds the app's study database in the page, through raw IndexedDB with the app's schema:
 * `size` review cards with the ids of the benchmark pack's hand cards (half due today) and
 * `logsPerCard` review-log rows each. Self-contained: it is serialized into the page.
 */
export async function seedStudyDatabase({ size, logsPerCard }) {
  const DAY = 86_400_000
  const now = Date.now()
  // The app creates its database itself, after the first view on a new profile is drawn (About,
  // the timeline and the reader are drawn from the pack alone): opened here before it exists, it
  // would be made empty, without the app's stores. Once the app has begun to open it, this
  // opening waits for the app's upgrade.
  const until = performance.now() + 60_000
  while (!(await indexedDB.databases()).some((info) => info.name === 'mexico-russia-study')) {
    if (performance.now() > until) throw new Error('the app never created its database')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open('mexico-russia-study')
    open.onsuccess = () => resolve(open.result)
    open.onerror = () => reject(open.error)
  })
  const write = (store, rows) =>
    new Promise((resolve, reject) => {
      const tx = db.transaction(store, 'readwrite', { durability: 'relaxed' })
      const os = tx.objectStore(store)
      for (const row of rows) os.add(row)
      tx.oncomplete = () => resolve(undefined)
      tx.onerror = () => reject(tx.error)
    })
  const stateOf = (i) => {
    const stability = 2 + (i % 40)
    // Even cards were due up to a week ago; odd ones are due up to a month ahead.
    const due = i % 2 === 0 ? now - 60_000 - (i % 7) * DAY : now + DAY * (1 + (i % 30))
    return {
      due,
      stability,
      difficulty: 3 + (i % 5),
      elapsedDays: Math.round(stability),
      scheduledDays: Math.round(stability),
      learningSteps: 0,
      reps: logsPerCard,
      lapses: i % 3,
      state: 2,
      lastReview: due - Math.round(stability) * DAY
    }
  }
  const CHUNK = 20_000
  let cards = 0
  let logs = 0
  for (let start = 0; start < size; start += CHUNK) {
    const rows = []
    for (let i = start; i < Math.min(size, start + CHUNK); i++) {
      rows.push({
        id: `hand:bench-${String(i).padStart(6, '0')}`,
        ...stateOf(i),
        suspended: 0,
        buriedUntil: 0,
        retired: 0,
        // Derived and indexed by the app (schema v2): mastered until R falls below 90 %.
        masteredUntil: stateOf(i).lastReview + (Math.floor(stateOf(i).stability) + 1) * DAY
      })
    }
    await write('cards', rows)
    cards += rows.length
  }
  const total = size * logsPerCard
  for (let start = 0; start < total; start += CHUNK * 2) {
    const rows = []
    for (let n = start; n < Math.min(total, start + CHUNK * 2); n++) {
      const i = n % size
      const before = stateOf(i)
      rows.push({
        cardId: `hand:bench-${String(i).padStart(6, '0')}`,
        rating: 1 + (n % 4),
        reviewedAt: now - (total - n) * 60_000,
        durationMs: 3000 + (n % 5000),
        mode: 'flip',
        retention: 0.9,
        before
      })
    }
    await write('reviewLogs', rows)
    logs += rows.length
  }
  db.close()
  return { cards, logs }
}
