/**
 * The progress view: a friendly empty state before any review; after a few answers in Study, the
 * answers today, today's heatmap cell and the counts by state; the timeline shading that follows
 * those answers; a backup download in the versioned format; a foreign file refused with the data
 * kept; a valid backup restored with an automatic backup listed; Check data finding nothing to
 * repair; and a seeded year of history drawn honestly (screenshots in light and dark).
 */
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { createEmptyCard, fsrs, type Card, type Grade } from 'ts-fsrs'
import { expect, openApp, readSetting, readStore, test } from './fixtures'

/** Answers `n` cards in Study (flip mode, Good); returns the ids answered. */
/** Answers the next `n` cards in Study with one grade (3 Good, 4 Easy…) and returns their ids. */
async function answerCards(page: Page, n: number, grade: 1 | 2 | 3 | 4 = 3): Promise<string[]> {
  await openApp(page, '#/study')
  await expect(page.getByTestId('study-card')).toBeVisible()
  // A study session lasts through the day: count on from what it has already reviewed.
  const reviewed = page.getByTestId('session-reviewed')
  const before = Number((await reviewed.textContent())!.split(' ')[0])
  const logsBefore = (await readStore(page, 'reviewLogs')).length
  const ids: string[] = []
  for (let i = 0; i < n; i++) {
    const card = page.getByTestId('study-card')
    await expect(card).toBeVisible()
    const id = await card.getAttribute('data-card-id')
    expect(id).not.toBeNull()
    ids.push(id!)
    await page.getByRole('button', { name: /Show answer/ }).click()
    await page.getByTestId(`grade-${grade}`).click()
    await expect(reviewed).toHaveText(`${before + i + 1} reviewed`)
  }
  // Counted at once, written just after: the caller may reload, so wait for the answers' commit.
  await expect.poll(async () => (await readStore(page, 'reviewLogs')).length).toBe(logsBefore + n)
  return ids
}

test('a timeline kept from an earlier visit shows the shading of the answers given since', async ({
  page
}) => {
  // Shading on: one review, then the legend's question answered.
  await answerCards(page, 1, 4)
  await openApp(page, '#/timeline')
  await page.getByRole('button', { name: 'Shade', exact: true }).first().click()
  await expect(page.locator('[data-event-id][data-mastery]').first()).toBeAttached()
  // The events with any mastered card before: an event of none is the one to watch.
  const before = await page
    .locator('[data-event-id][data-mastery]:not([data-mastery="0"])')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-event-id')))
  // To Study through the navigation: the timeline stays drawn, hidden, while cards are answered.
  const nav = page.getByRole('navigation', { name: 'Views' })
  await nav.getByRole('link', { name: 'Study' }).click()
  const reviewed = page.getByTestId('session-reviewed')
  await expect(reviewed).toHaveText('1 reviewed')
  const events: string[] = []
  for (let i = 0; i < 3; i++) {
    const id = await page.getByTestId('study-card').getAttribute('data-card-id')
    if (id?.startsWith('event-')) events.push(id.split(':')[1]!)
    await page.getByRole('button', { name: /Show answer/ }).click()
    await page.getByTestId('grade-4').click()
    await expect(reviewed).toHaveText(`${i + 2} reviewed`)
  }
  const fresh = events.filter((id) => !before.includes(id))
  expect(fresh.length, 'an event not mastered before was answered').toBeGreaterThan(0)
  // Back on the timeline, its axis shows them mastered.
  await nav.getByRole('link', { name: 'Timeline' }).click()
  for (const id of fresh)
    await expect(page.locator(`[data-event-id="${id}"][data-mastery]`).first()).toHaveAttribute(
      'data-mastery',
      /^[123]$/
    )
})

test('before any review the view says so and points to Study', async ({ page }) => {
  await openApp(page, '#/progress')
  await expect(page.getByTestId('progress-empty')).toContainText('Nothing reviewed yet')
  if (process.env.SCREENSHOT_DIR) {
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/progress-empty.png` })
  }
  await page.getByRole('link', { name: 'Start studying' }).click()
  await expect(page).toHaveURL(/#\/study$/)
})

test('answers show up in the statistics and in the timeline shading', async ({ page }) => {
  // Before any answer, the timeline shades nothing: shading starts off until the first review.
  await openApp(page, '#/timeline')
  await expect(page.locator('[data-event-id]').first()).toBeAttached()
  await expect(page.locator('[data-event-id][data-mastery]')).toHaveCount(0)
  // Answered Easy, a new card goes straight to review (FSRS); Good would keep it learning.
  const ids = await answerCards(page, 3, 4)
  const eventId = ids.find((id) => id.startsWith('event-'))?.split(':')[1]
  expect(eventId, 'the first cards introduced are event cards').toBeTruthy()

  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('link', { name: 'Progress' })
    .click()
  await expect(page.getByTestId('reviews-today')).toHaveText('3')
  await expect(page.getByTestId('streak')).toHaveText('1 day')
  const today = page.locator('[data-testid="heatmap"] rect.today')
  await expect(today).toHaveAttribute('data-count', '3')
  await expect(page.locator('[data-testid="heatmap"] rect[data-count="0"]').first()).toBeVisible()
  const states = page.getByTestId('state-counts')
  await expect(states.locator('[data-state="learning"] .state-count')).toHaveText('0')
  await expect(states.locator('[data-state="review"] .state-count')).toHaveText('3')
  expect(
    Number(await states.locator('[data-state="new"] .state-count').textContent())
  ).toBeGreaterThan(10)
  // No answer was a card's first of the day in review, so true retention has nothing to measure.
  await expect(page.locator('[data-testid="retention"] tr[data-period="today"]')).toContainText(
    '0 of 0'
  )

  // The timeline shades the answered event: in review, recall probability near 100 %.
  // (A card failed or still in its learning steps is not mastered: see stats.test.ts.)
  await openApp(page, '#/timeline')
  // After the first review the legend asks once whether to shade; the student says yes.
  await page.getByRole('button', { name: 'Shade', exact: true }).first().click()
  const event = page.locator(`[data-event-id="${eventId}"][data-mastery]`).first()
  await expect(event).toHaveAttribute('data-mastery', /^[123]$/)
  const unseen = page.locator('[data-event-id][data-mastery="0"]').first()
  await expect(unseen).toBeAttached()
  // Turning shading off removes it, and the choice survives a reload.
  await page.getByLabel('Shade by mastery').first().uncheck()
  await expect(page.locator('[data-event-id][data-mastery]')).toHaveCount(0)
  await expect.poll(() => readSetting(page, 'mastery.enabled')).toBe(false)
  await page.reload()
  await expect(page.getByLabel('Shade by mastery').first()).not.toBeChecked()
  await expect(page.locator('[data-event-id][data-mastery]')).toHaveCount(0)
})

test('a backup downloads in the versioned format, a foreign file is refused, a backup restores', async ({
  page
}) => {
  await answerCards(page, 2)
  await openApp(page, '#/progress')
  await expect(page.getByTestId('reviews-today')).toHaveText('2')

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save a backup…' }).click()
  ])
  expect(download.suggestedFilename()).toMatch(/^mexico-russia-study-backup-\d{4}-\d\d-\d\d\.json$/)
  const text = readFileSync((await download.path())!, 'utf8')
  const backup = JSON.parse(text) as {
    format: string
    version: number
    app: { version: string; schemaVersion: number }
    counts: Record<string, number>
    data: Record<string, unknown[]>
  }
  expect(backup.format).toBe('mexico-russia-study/backup')
  expect(backup.version).toBe(1)
  expect(backup.app.version).toMatch(/^\d+\.\d+\.\d+$/)
  expect(backup.counts.reviewLogs).toBe(2)
  expect(backup.counts.cards).toBe(backup.data.cards!.length)
  expect(backup.counts.settings).toBe(backup.data.settings!.length)
  // Sync's journal of card events (suspend, bury, undo) is progress too.
  expect(backup.counts.cardEvents).toBe(backup.data.cardEvents!.length)
  expect(Object.keys(backup.data).sort()).toEqual(['cardEvents', 'cards', 'reviewLogs', 'settings'])

  // A foreign file: refused with a clear message, nothing changed, no backup made.
  const input = page.getByTestId('backup-file')
  await input.setInputFiles({
    name: 'notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Not a backup at all')
  })
  await expect(page.getByTestId('data-problem')).toContainText('not a backup of this app')
  await expect(page.getByTestId('data-problem')).toContainText('Your data has not been changed')
  await expect(page.getByTestId('reviews-today')).toHaveText('2')

  // A truncated backup: refused too.
  await input.setInputFiles({
    name: 'cut.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text.slice(0, text.length / 2))
  })
  await expect(page.getByTestId('data-problem')).toContainText('incomplete or damaged')
  await expect(page.getByTestId('auto-backups')).toHaveCount(0)

  // Answer one more card, then restore the backup: back to two answers, with the three kept aside.
  await answerCards(page, 1)
  await openApp(page, '#/progress')
  await expect(page.getByTestId('reviews-today')).toHaveText('3')
  await page.getByTestId('backup-file').setInputFiles({
    name: 'backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text)
  })
  // A restore says first what it replaces and that a backup is kept, and asks once.
  await expect(page.getByTestId('restore-confirm')).toContainText('3 reviews')
  await expect(page.getByTestId('restore-confirm')).toContainText('automatic backup')
  await page.getByRole('button', { name: 'Replace my progress' }).click()
  await expect(page.getByTestId('data-outcome')).toContainText('2 reviews')
  await expect(page.getByTestId('reviews-today')).toHaveText('2')
  const kept = page.getByTestId('auto-backups')
  await expect(kept.locator('tbody tr')).toHaveCount(1)
  await expect(kept).toContainText('Before an import')
  await expect(kept).toContainText('3 reviews')

  // Restoring the automatic backup brings the third answer back.
  await kept.getByRole('button', { name: 'Restore' }).click()
  await page.getByRole('button', { name: 'Replace my progress' }).click()
  await expect(page.getByTestId('reviews-today')).toHaveText('3')
  await expect(kept.locator('tbody tr')).toHaveCount(2)
  if (process.env.SCREENSHOT_DIR) {
    await page
      .getByTestId('your-data')
      .screenshot({ path: `${process.env.SCREENSHOT_DIR}/data.png` })
  }

  // Check data: the app's own answers replay exactly, nothing to repair.
  await page.getByRole('button', { name: 'Check data' }).click()
  await expect(page.getByTestId('check-report')).toContainText('nothing to repair')
})

test('the Anki export downloads a tab-separated file with Anki’s headers', async ({ page }) => {
  await openApp(page, '#/progress')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export for Anki…' }).click()
  ])
  expect(download.suggestedFilename()).toBe('mexico-russia-relations.anki.txt')
  const lines = readFileSync((await download.path())!, 'utf8')
    .trimEnd()
    .split('\n')
  expect(lines.slice(0, 7)).toEqual([
    '#separator:tab',
    '#html:true',
    '#notetype:Basic',
    '#deck:Mexico–Russia Relations',
    '#columns:GUID\tFront\tBack\tTags',
    '#guid column:1',
    '#tags column:4'
  ])
  expect(lines.length).toBeGreaterThan(20)
  for (const row of lines.slice(7)) {
    const fields = row.split('\t')
    expect(fields).toHaveLength(4)
    expect(fields[0]).toMatch(/^mexico-russia:/)
    expect(fields[3]).toMatch(/^era::[a-z-]+( theme::[a-z-]+)+ kind::[a-z-]+$/)
  }
  // Beside the button: Anki's rule for #deck.
  await expect(page.getByTestId('anki-deck-note')).toContainText('only if a deck of that name')
})

const DAY = 86_400_000

/** Months of daily study, made with the real FSRS (fuzz off, as the app), written into IndexedDB. */
async function seedHistory(page: Page): Promise<number> {
  await openApp(page, '#/study')
  await expect(page.getByTestId('study-card')).toBeVisible()
  const ids = await page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('mexico-russia-study')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const keys = open.result.transaction('cards').objectStore('cards').getAllKeys()
          keys.onsuccess = () => {
            open.result.close()
            resolve(keys.result as string[])
          }
        }
      })
  )
  const scheduler = fsrs({ request_retention: 0.9, enable_fuzz: false })
  const now = Date.now()
  const toRow = (c: Card) => ({
    due: c.due.getTime(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsedDays: c.elapsed_days,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state as number,
    lastReview: c.last_review ? c.last_review.getTime() : null
  })
  const cards: Record<string, unknown>[] = []
  const logs: Record<string, unknown>[] = []
  let seed = 7
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647
  // Four new cards a day for the first weeks, reviews when due, one day off in six; stop at now.
  ids.slice(0, 60).forEach((id, i) => {
    let at = now - (120 - Math.floor(i / 4) * 3) * DAY + 9 * 3600_000 + i * 60_000
    let card = createEmptyCard(new Date(at))
    while (at < now - 60_000) {
      const before = toRow(card)
      const r = random()
      const rating = (card.state === 0 ? 3 : r < 0.12 ? 1 : r < 0.25 ? 2 : r < 0.9 ? 3 : 4) as Grade
      card = scheduler.next(card, new Date(at), rating).card
      logs.push({
        cardId: id,
        rating,
        reviewedAt: at,
        durationMs: 3000 + Math.floor(random() * 9000),
        mode: 'flip',
        retention: 0.9,
        before
      })
      at = Math.max(card.due.getTime(), at + 60_000)
      if (Math.floor(at / DAY) % 6 === 0) at += DAY
    }
    cards.push({ id, ...toRow(card), suspended: i === 59 ? 1 : 0, buriedUntil: 0, retired: 0 })
  })
  await page.evaluate(
    ({ cards, logs }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('mexico-russia-study')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const tx = open.result.transaction(['cards', 'reviewLogs'], 'readwrite')
          for (const c of cards) tx.objectStore('cards').put(c)
          for (const l of logs) tx.objectStore('reviewLogs').add(l)
          tx.oncomplete = () => {
            open.result.close()
            resolve()
          }
          tx.onerror = () => reject(tx.error)
        }
      }),
    { cards, logs }
  )
  return logs.length
}

test('a seeded history: the numbers add up and replay cleanly (screenshots light and dark)', async ({
  page
}, testInfo) => {
  test.setTimeout(60_000) // months of answers written, then two themes screenshotted, on a busy machine
  const answers = await seedHistory(page)
  await openApp(page, '#/progress')
  await expect(page.getByTestId('reviews-total')).toHaveText(String(answers))
  const counted = await page
    .locator('[data-testid="heatmap"] rect[data-count]')
    .evaluateAll((rects) => rects.reduce((sum, r) => sum + Number(r.getAttribute('data-count')), 0))
  expect(counted).toBe(answers)
  await expect(page.locator('[data-testid="retention"] tr[data-period="all"]')).toContainText(
    /\d+ %/
  )
  await expect(page.getByTestId('mastery-era').locator('li').first()).toBeVisible()
  await page.getByRole('button', { name: 'Check data' }).click()
  await expect(page.getByTestId('check-report')).toContainText('nothing to repair')

  const dir = process.env.SCREENSHOT_DIR ?? testInfo.outputDir
  for (const choice of ['light', 'dark']) {
    await page.evaluate((t) => {
      document.documentElement.dataset.theme = t
      window.scrollTo(0, 0)
    }, choice)
    await page.screenshot({ path: `${dir}/progress-${choice}.png` })
    await page.screenshot({ path: `${dir}/progress-${choice}-full.png`, fullPage: true })
  }
})

test('the progress figures are summed in the background at start: the view then opens on them', async ({
  page
}) => {
  test.setTimeout(60_000) // months of answers written on a busy machine
  const answers = await seedHistory(page)
  // A start on another view: the first read of the figures is made all the same, and says so.
  await openApp(page, '#/about')
  await expect(page.locator('html')).toHaveAttribute('data-progress', 'warm', { timeout: 20_000 })
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('link', { name: 'Progress' })
    .click()
  await expect(page.getByTestId('reviews-total')).toHaveText(String(answers))
})
