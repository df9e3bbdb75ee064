import type { Page } from '@playwright/test'
import { expect, openApp, readStore, test } from './fixtures'

/**
 * Answers are saved through a write queue behind the next card. These tests hold the database
 * back with a second connection's open transaction (as a slow disk would), so answers are on
 * screen but not yet committed, then crash the page: reopened, the app has exactly the reviews
 * that were committed, none twice, and the session counts only those.
 */

interface Log {
  id: number
  cardId: string
}

const readLogs = (page: Page) => readStore<Log>(page, 'reviewLogs')

/** Opens a read-write transaction on the cards and keeps it open: the app's commits wait. */
async function holdDatabase(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('mexico-russia-study')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const store = open.result.transaction('cards', 'readwrite').objectStore('cards')
          const spin = () => {
            store.count().onsuccess = spin
          }
          spin()
          resolve()
        }
      })
  )
}

async function answerGood(page: Page): Promise<string> {
  const card = page.getByTestId('study-card')
  const id = (await card.getAttribute('data-card-id'))!
  await page.keyboard.press('Space')
  await expect(page.getByTestId('card-answer')).toBeVisible()
  await page.keyboard.press('3')
  await expect(card).not.toHaveAttribute('data-card-id', id)
  return id
}

test('a crash between answer and commit keeps exactly the committed reviews, none twice', async ({
  page,
  context
}) => {
  test.setTimeout(90_000)
  await openApp(page, '#/study')
  await expect(page.getByTestId('study-card')).toBeVisible()
  const committed = [await answerGood(page), await answerGood(page)]
  await expect.poll(async () => (await readLogs(page)).length).toBe(2)

  await holdDatabase(page)
  // The next cards come at once, as if saved; the commits wait behind the held transaction.
  const queued = [await answerGood(page), await answerGood(page), await answerGood(page)]
  await expect(page.getByTestId('session-reviewed')).toHaveText('5 reviewed')
  await expect(page.getByTestId('saving')).toHaveText('Saving your answers…')

  const cdp = await context.newCDPSession(page)
  const crashed = page.waitForEvent('crash')
  void cdp.send('Page.crash').catch(() => {}) // the page dies: the call never answers
  await crashed
  const reopened = await context.newPage()
  await openApp(reopened, '#/study')
  await expect(reopened.getByTestId('study-card')).toBeVisible()
  const logs = await readLogs(reopened)
  expect(logs.map((l) => l.cardId)).toEqual(committed)
  expect(new Set(logs.map((l) => l.id)).size).toBe(2)
  // The session saved with each answer counts the committed ones only.
  await expect(reopened.getByTestId('session-reviewed')).toHaveText('2 reviewed')
  // A lost answer's card is still there to study: it was never graded.
  const shown = await reopened.getByTestId('study-card').getAttribute('data-card-id')
  expect(committed).not.toContain(shown)
  expect(queued).toContain(shown)
})
