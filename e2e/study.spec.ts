/**
 * The study screen: a card reviewed by mouse and by keyboard (Space, 3) is saved in IndexedDB
 * and still reviewed after a reload (counts changed, the card is no longer new); U undoes an
 * answer; each quiz mode (multiple choice, typed, numeric, ordering) answered right and wrong
 * shows its grade and writes it to the review log with its mode; cram mode changes nothing.
 */
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, openApp, test } from './fixtures'

interface PackEvent {
  id: string
  date: { year: number; month?: number; day?: number }
}
const pack = JSON.parse(
  readFileSync(new URL('../resources/packs/mexico-russia/pack.json', import.meta.url), 'utf8')
) as { events: PackEvent[] }
const sortKey = (id: string) => {
  const d = pack.events.find((e) => e.id === id)!.date
  return d.year * 10_000 + (d.month ?? 0) * 100 + (d.day ?? 0)
}

/** Reads a whole object store through raw IndexedDB, as the app saved it. */
function readStore<T>(page: Page, store: 'cards' | 'reviewLogs'): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('mexico-russia-study')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const get = open.result.transaction(name).objectStore(name).getAll()
          get.onsuccess = () => {
            open.result.close()
            resolve(get.result as T[])
          }
        }
      }),
    store
  )
}

interface Log {
  cardId: string
  rating: number
  mode: string
}

const card = (page: Page) => page.getByTestId('study-card')
const count = (page: Page, bucket: 'new' | 'learning' | 'review') =>
  page.getByTestId(`count-${bucket}`).locator('b')

test('a card reviewed by mouse and by keyboard stays reviewed after a reload', async ({ page }) => {
  await openApp(page, '#/study')
  await expect(count(page, 'new')).toHaveText('20')
  await expect(count(page, 'learning')).toHaveText('0')
  const first = await card(page).getAttribute('data-card-id')

  // By mouse: show the answer, see the intervals on the buttons, grade Good.
  await page.getByRole('button', { name: /Show answer/ }).click()
  await expect(page.getByTestId('card-answer')).toBeVisible()
  await expect(page.getByTestId('card-reader-link')).toHaveAttribute('href', /^#\/reader\/p-/)
  await expect(page.getByTestId('grade-3')).toContainText('10m')
  await expect(page.getByTestId('grade-3')).toContainText('Good')
  await page.getByTestId('grade-3').click()
  await expect(count(page, 'new')).toHaveText('19')
  await expect(count(page, 'learning')).toHaveText('1')
  const second = await card(page).getAttribute('data-card-id')
  expect(second).not.toBe(first)

  // By keyboard: Space shows the answer, 3 grades Good.
  await page.keyboard.press('Space')
  await expect(page.getByTestId('card-answer')).toBeVisible()
  await page.keyboard.press('3')
  await expect(count(page, 'new')).toHaveText('18')
  await expect(count(page, 'learning')).toHaveText('2')

  await page.reload()
  await expect(count(page, 'new')).toHaveText('18')
  await expect(count(page, 'learning')).toHaveText('2')
  await expect(card(page)).not.toHaveAttribute('data-card-id', first!)
  const rows = await readStore<{ id: string; state: number; reps: number }>(page, 'cards')
  for (const id of [first, second]) {
    expect(rows.find((r) => r.id === id)).toMatchObject({ state: 1, reps: 1 })
  }
  const logs = await readStore<Log>(page, 'reviewLogs')
  expect(logs.map((l) => [l.cardId, l.rating, l.mode])).toEqual([
    [first, 3, 'flip'],
    [second, 3, 'flip']
  ])
})

test('U undoes the last answer: the card comes back new and its log row is gone', async ({
  page
}) => {
  await openApp(page, '#/study')
  const first = await card(page).getAttribute('data-card-id')
  await page.keyboard.press('Space')
  await page.keyboard.press('1')
  await expect(count(page, 'learning')).toHaveText('1')
  await expect(card(page)).not.toHaveAttribute('data-card-id', first!)
  await page.keyboard.press('u')
  await expect(card(page)).toHaveAttribute('data-card-id', first!)
  await expect(count(page, 'new')).toHaveText('20')
  await expect(count(page, 'learning')).toHaveText('0')
  expect(await readStore<Log>(page, 'reviewLogs')).toEqual([])
  const rows = await readStore<{ id: string; state: number }>(page, 'cards')
  expect(rows.find((r) => r.id === first)?.state).toBe(0)
})

test('multiple choice: the right option is graded Good, a wrong one Again', async ({ page }) => {
  await openApp(page, '#/study?mode=choice&card=person:leon-trotsky')
  const options = page.getByRole('list', { name: 'Options' }).getByRole('button')
  await expect(options).toHaveCount(4)
  await options.filter({ hasText: 'Leon Trotsky' }).click()
  await expect(page.getByTestId('quiz-verdict')).toHaveText(/Correct — graded Good/)

  await page.goto('/#/study?mode=choice&card=person:frida-kahlo')
  await expect(card(page)).toHaveAttribute('data-card-id', 'person:frida-kahlo')
  // Keyboard: press the number of a wrong option.
  const texts = await options.allTextContents()
  const wrong = texts.findIndex((t) => !t.includes('Frida Kahlo'))
  await page.keyboard.press(String(wrong + 1))
  await expect(page.getByTestId('quiz-verdict')).toHaveText(/Not quite — graded Again/)
  await expect(page.getByTestId('card-answer')).toHaveText('Frida Kahlo')
  const logs = await readStore<Log>(page, 'reviewLogs')
  expect(logs.map((l) => [l.cardId, l.rating, l.mode])).toEqual([
    ['person:leon-trotsky', 3, 'choice'],
    ['person:frida-kahlo', 1, 'choice']
  ])
})

test('typed answers forgive accents; a wrong one is graded Again', async ({ page }) => {
  await openApp(page, '#/study?mode=typed&card=person:lazaro-cardenas')
  const input = page.getByLabel('Your answer')
  await expect(input).toBeFocused()
  // Letters typed in the field do not trigger the reviewer's shortcuts (b, s, u).
  await input.fill('lazaro cardenas')
  await input.press('Enter')
  await expect(page.getByTestId('quiz-verdict')).toHaveText(/Correct — graded Good/)
  await expect(page.getByTestId('card-answer')).toHaveText('Lázaro Cárdenas')

  await page.goto('/#/study?mode=typed&card=person:ramon-mercader')
  await page.getByLabel('Your answer').pressSequentially('bus')
  await page.getByLabel('Your answer').press('Enter')
  await expect(page.getByTestId('quiz-verdict')).toHaveText(/Not quite — graded Again/)
  const logs = await readStore<Log>(page, 'reviewLogs')
  expect(logs.map((l) => [l.cardId, l.rating, l.mode])).toEqual([
    ['person:lazaro-cardenas', 3, 'typed'],
    ['person:ramon-mercader', 1, 'typed']
  ])
})

test('numeric answers parse "1,784 million" and reject "1,784 billion"', async ({ page }) => {
  await openApp(page, '#/study?mode=typed&card=figure:trade-total-2014')
  await page.getByLabel('Your answer').fill('1,784 million')
  await page.getByRole('button', { name: /Check/ }).click()
  await expect(page.getByTestId('quiz-verdict')).toHaveText(/Correct — graded Good/)
  // The editorial note about the source's "$1,784 billion" is shown with the answer.
  await expect(page.locator('.editorial-note').first()).toContainText('decimal separator')

  await page.keyboard.press('u')
  await expect(page.getByLabel('Your answer')).toBeEnabled()
  await page.getByLabel('Your answer').fill('1,784 billion')
  await page.getByLabel('Your answer').press('Enter')
  await expect(page.getByTestId('quiz-verdict')).toHaveText(/Not quite — graded Again/)
  const logs = await readStore<Log>(page, 'reviewLogs')
  expect(logs.map((l) => [l.cardId, l.rating, l.mode])).toEqual([
    ['figure:trade-total-2014', 1, 'numeric']
  ])
})

/** Sorts the ordering exercise with the keyboard: select an item (Space), move it with arrows. */
async function sortByKeyboard(page: Page, wanted: (ids: string[]) => string[]) {
  const items = page.getByRole('list', { name: 'Events to order' }).getByRole('button')
  const ids = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-event-id')!))
  const target = wanted(ids)
  for (let to = 0; to < target.length; to++) {
    const current = await items.evaluateAll((els) =>
      els.map((e) => e.getAttribute('data-event-id')!)
    )
    let from = current.indexOf(target[to]!)
    if (from === to) continue
    await items.nth(from).focus()
    await page.keyboard.press('Space')
    while (from > to) {
      await page.keyboard.press('ArrowUp')
      from--
    }
    await page.keyboard.press('Escape')
  }
  await expect
    .poll(() => items.evaluateAll((els) => els.map((e) => e.getAttribute('data-event-id'))))
    .toEqual(target)
  return target
}

test('ordering events: right order passes (Good), reversed fails (Again)', async ({ page }) => {
  await openApp(page, '#/study?mode=order')
  const byDate = (ids: string[]) => [...ids].sort((a, b) => sortKey(a) - sortKey(b))
  const right = await sortByKeyboard(page, byDate)
  await page.getByRole('button', { name: /Check order/ }).click()
  await expect(page.getByTestId('quiz-verdict')).toContainText('passed, graded Good')

  await page.getByRole('button', { name: /Next set/ }).click()
  const wrong = await sortByKeyboard(page, (ids) => byDate(ids).reverse())
  await page.keyboard.press('c')
  await expect(page.getByTestId('quiz-verdict')).toContainText('not yet, graded Again')

  const logs = await readStore<Log>(page, 'reviewLogs')
  expect(logs.map((l) => [l.cardId, l.rating, l.mode])).toEqual([
    ...right.map((id) => [`event-when:${id}`, 3, 'order']),
    ...wrong.map((id) => [`event-when:${id}`, 1, 'order'])
  ])
})

test('cram mode leaves the schedule untouched', async ({ page }) => {
  await openApp(page, '#/study')
  await page.getByTestId('cram-toggle').check()
  await expect(card(page)).toBeVisible()
  await page.keyboard.press('Space')
  await page.keyboard.press('3')
  await expect(page.getByTestId('session-reviewed')).toHaveText('1 reviewed')
  await expect(count(page, 'new')).toHaveText('20')
  expect(await readStore<Log>(page, 'reviewLogs')).toEqual([])
  const rows = await readStore<{ state: number }>(page, 'cards')
  expect(rows.every((r) => r.state === 0)).toBe(true)
})
