/**
 * Progress → Sync in Chromium. A test cannot click through the system's folder dialog, so
 * `showDirectoryPicker` is made to hand over a folder of the origin-private file system (a real
 * directory handle, read and written by the app's own File System Access code); a second device
 * is simulated by writing its files there. Asserts: choosing the folder syncs at once, this
 * device's review is written as one line of its own file, the other device's review is received
 * (by the sync worker, which reaches the folder through the page) and counted in the statistics,
 * a malformed line is reported with its file and line and not applied, "Sync now" picks up what
 * arrived since, the choice survives a reload, and a browser without the API says so. No request leaves the app (the fixtures' guard).
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from '@playwright/test'
import { expect, openApp, test } from './fixtures'

const OTHER = 'a0a0a0a0-1111-4222-8333-444455556666'
const YEAR = new Date().getUTCFullYear()
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8'
)

/** Stands in for the system's folder dialog: the origin-private folder `Sync`. */
async function pickerGivesPrivateFolder(page: Page) {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'showDirectoryPicker', {
      configurable: true,
      value: async () =>
        (await navigator.storage.getDirectory()).getDirectoryHandle('Sync', { create: true })
    })
  })
}

/** Appends lines to a file of the folder, as another computer's sync program would. */
function writeAsOtherDevice(page: Page, name: string, text: string) {
  return page.evaluate(
    async ({ dir, name, text }) => {
      let handle = await navigator.storage.getDirectory()
      for (const part of ['Sync', 'devices', dir]) {
        handle = await handle.getDirectoryHandle(part, { create: true })
      }
      const file = await handle.getFileHandle(name, { create: true })
      const size = (await file.getFile()).size
      const writable = await file.createWritable({ keepExistingData: true })
      await writable.write({ type: 'write', position: size, data: text })
      await writable.close()
    },
    { dir: OTHER, name, text }
  )
}

/** The text of every file this device wrote in the folder, by name. */
function ownFiles(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async (other) => {
    // entries() is missing from TypeScript's DOM library: the few parts used, typed here.
    interface Dir {
      entries(): AsyncIterable<[string, Dir & { getFile(): Promise<File> }]>
    }
    const out: Record<string, string> = {}
    const root = await navigator.storage.getDirectory()
    const sync = await root.getDirectoryHandle('Sync')
    const devices = (await sync.getDirectoryHandle('devices')) as unknown as Dir
    for await (const [name, dir] of devices.entries()) {
      if (name === other) continue
      for await (const [file, handle] of dir.entries()) {
        out[file] = await (await handle.getFile()).text()
      }
    }
    return out
  }, OTHER)
}

const review = (card: string, id: string, at: number) =>
  JSON.stringify({
    id,
    card,
    rating: 3,
    at,
    mode: 'flip',
    device: OTHER,
    retention: 0.9,
    ms: 2000
  }) + '\n'

test('a folder of the browser: this device sends its review, receives the other’s, reports a bad line', async ({
  page
}) => {
  await pickerGivesPrivateFolder(page)
  await openApp(page, '#/study')
  const card = page.getByTestId('study-card')
  await expect(card).toBeVisible()
  const mine = (await card.getAttribute('data-card-id'))!
  await page.getByRole('button', { name: /Show answer/ }).click()
  await page.getByTestId('grade-3').click()
  await expect(page.getByTestId('session-reviewed')).toHaveText('1 reviewed')
  const next = page.getByTestId('study-card')
  const theirs = (await next.getAttribute('data-card-id'))!
  expect(theirs).not.toBe(mine)

  // The other computer reviewed another card yesterday; one of its lines is damaged.
  const yesterday = Date.now() - 86_400_000
  await writeAsOtherDevice(
    page,
    `reviews-${new Date(yesterday).getUTCFullYear()}.jsonl`,
    review(theirs, 'b0b0b0b0-0000-4000-8000-000000000001', yesterday) + '{"id": "cut in the mid\n'
  )

  await openApp(page, '#/progress')
  const panel = page.getByTestId('sync-panel')
  await panel.getByRole('button', { name: 'Choose a sync folder…' }).click()
  await expect(panel.getByTestId('sync-folder')).toHaveText('Sync')
  // The review, and the burial of its siblings until tomorrow (Study buries them).
  await expect(panel.getByTestId('sync-sent')).toHaveText(/^[1-9]\d* changes?$/)
  await expect(panel.getByTestId('sync-received')).toHaveText('1 change')
  // The sync ran in its worker, away from the page, and its writes reached the page's views.
  expect(page.workers().map((w) => w.url())).toContainEqual(expect.stringMatching(/sync\.worker/))
  await expect(panel.getByTestId('sync-status')).toContainText('In step with 1 other computer')
  await expect(panel.getByTestId('sync-status')).toContainText('An automatic backup')
  await expect(panel.getByTestId('sync-issues')).toContainText(
    `devices/${OTHER}/reviews-${new Date(yesterday).getUTCFullYear()}.jsonl, line 2: not JSON`
  )
  // Both reviews count, each once.
  await expect(page.getByTestId('reviews-total')).toHaveText('2')

  const files = await ownFiles(page)
  const lines = files[`reviews-${YEAR}.jsonl`]!.trim().split('\n')
  expect(lines).toHaveLength(1)
  expect(JSON.parse(lines[0]!)).toMatchObject({ card: mine, rating: 3, mode: 'flip' })
  expect(files['settings.json']).toBeDefined()
  const events = (files[`events-${YEAR}.jsonl`] ?? '').trim().split('\n').filter(Boolean)
  const sent = Number((await panel.getByTestId('sync-sent').textContent())!.split(' ')[0])
  expect(lines.length + events.length).toBe(sent)
  for (const event of events) expect(JSON.parse(event)).toMatchObject({ kind: 'bury' })

  await page.setViewportSize({ width: 1280, height: 800 })
  await panel.scrollIntoViewIfNeeded()
  if (process.env.SCREENSHOT_DIR) {
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/sync-1280.png` })
    await page.setViewportSize({ width: 800, height: 600 })
    await panel.scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/sync-800.png` })
  }
  await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (c: unknown) => Promise<{ violations: { id: string }[] }> }
      }
    ).axe
    return (await axe.run({ include: [['[data-testid="sync-panel"]']] })).violations.map(
      (v) => v.id
    )
  })
  expect(violations).toEqual([])

  // The choice survives a reload; "Sync now" reads what arrived since, once.
  await page.reload()
  await expect(panel.getByTestId('sync-folder')).toHaveText('Sync')
  await writeAsOtherDevice(
    page,
    `reviews-${YEAR}.jsonl`,
    review(mine, 'b0b0b0b0-0000-4000-8000-000000000002', Date.now() - 1000)
  )
  await panel.getByRole('button', { name: 'Sync now' }).click()
  await expect(panel.getByTestId('sync-received')).toHaveText('1 change')
  await expect(page.getByTestId('reviews-total')).toHaveText('3')
  // Nothing new: the counts of the last exchange stay, and nothing is counted twice.
  await panel.getByRole('button', { name: 'Sync now' }).click()
  await expect(panel.getByTestId('sync-last')).toContainText('just now')
  await expect(page.getByTestId('reviews-total')).toHaveText('3')
})

test('a browser without folder access says that sync is not available in it', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'showDirectoryPicker', { configurable: true, value: undefined })
  })
  await openApp(page, '#/progress')
  await expect(page.getByTestId('sync-unavailable')).toContainText('not available in this browser')
  await expect(page.getByRole('button', { name: /sync folder/ })).toHaveCount(0)
})
