/**
 * No serious or critical axe-core violation on any view or state, in the light and the dark
 * theme: the reader (with find matches, with a citation open), the app-wide search, the welcome,
 * entity pages, the timeline (axis, list, event panel), trade, study (question, answer, choice,
 * typed, order, settings, summary), progress (empty and with reviews) and about. The timeline and study states are
 * re-checked after their own engineers' changes merge. axe-core is
 * injected through the devtools protocol, so the app's CSP stays in force.
 */
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, openApp, seriousViolations, test } from './fixtures'

/** Answers the current study card Good. */
async function answerOne(page: Page) {
  const show = page.getByTestId('show-answer')
  await expect(show.or(page.getByTestId('grade-3'))).toBeVisible()
  if (await show.isVisible()) await show.click()
  await page.getByTestId('grade-3').click()
}

const STATES: [string, (page: Page) => Promise<void>][] = [
  [
    'reader',
    async (page) => {
      await openApp(page, '#/reader')
      await expect(page.locator('#reader-title')).toBeVisible()
    }
  ],
  [
    'reader with find matches',
    async (page) => {
      await openApp(page, '#/reader')
      await page.getByRole('searchbox', { name: 'Find in the article' }).fill('ussr')
      await expect(page.locator('article mark').first()).toBeVisible()
    }
  ],
  [
    'reader with a citation open',
    async (page) => {
      await openApp(page, '#/reader')
      await page
        .locator('#r-p-soviet-era-1')
        .getByRole('button', { name: 'Citation 2' })
        .first()
        .focus()
      await expect(page.locator('.cite-pop.open')).toBeVisible()
    }
  ],
  [
    'the search box with results',
    async (page) => {
      await openApp(page, '#/reader')
      await page.getByTestId('open-search').click()
      await page.keyboard.type('Kollontai')
      await expect(page.locator('dialog.search-dialog a.result').first()).toBeVisible()
    }
  ],
  [
    'the welcome',
    async (page) => {
      await openApp(page)
      await expect(page.getByRole('dialog', { name: 'Welcome' })).toBeVisible()
    }
  ],
  [
    'an entity page',
    async (page) => {
      await openApp(page, '#/entity/leon-trotsky')
      await expect(page.locator('.mini-timeline li').first()).toBeVisible()
    }
  ],
  [
    'the list of entities',
    async (page) => {
      await openApp(page, '#/entity')
      await expect(page.locator('.entity-list').first()).toBeVisible()
    }
  ],
  [
    'timeline axis',
    async (page) => {
      await openApp(page, '#/timeline')
      await expect(page.locator('[data-event-id]').first()).toBeAttached()
    }
  ],
  [
    'timeline list',
    async (page) => {
      await openApp(page, '#/timeline?view=list')
      await expect(page.locator('[data-event-id]').first()).toBeAttached()
    }
  ],
  [
    'timeline event panel',
    async (page) => {
      await openApp(page, '#/timeline/1926-kollontai-ambassador')
      await expect(page.locator('a[href="#/entity/alexandra-kollontai"]').first()).toBeVisible()
    }
  ],
  [
    'trade',
    async (page) => {
      await openApp(page, '#/trade')
      await expect(page.locator('a.company-name').first()).toBeVisible()
    }
  ],
  [
    'study question and answer',
    async (page) => {
      await openApp(page, '#/study')
      await expect(page.getByTestId('study-card')).toBeVisible()
      // The session lasts the day: on the second pass the card comes back already revealed.
      const show = page.getByTestId('show-answer')
      await expect(show.or(page.getByTestId('grade-3'))).toBeVisible()
      if (await show.isVisible()) {
        expect(await seriousViolations(page)).toEqual([])
        await show.click()
      }
      await expect(page.getByTestId('grade-3')).toBeVisible()
    }
  ],
  [
    'study choice',
    async (page) => {
      await openApp(page, '#/study?mode=choice')
      await expect(page.getByTestId('study-card')).toBeVisible()
    }
  ],
  [
    'study typed',
    async (page) => {
      await openApp(page, '#/study?mode=typed')
      await expect(page.getByLabel('Your answer')).toBeVisible()
    }
  ],
  [
    'study order',
    async (page) => {
      await openApp(page, '#/study?mode=order')
      const check = page.getByRole('button', { name: /Check order/ })
      const tooFew = page.getByTestId('summary-heading')
      await expect(check.or(tooFew)).toBeVisible()
      if (await tooFew.isVisible()) {
        // Ordering brings in only events whose card was seen: see two first.
        for (const id of ['1806-colonisation-plan', '1812-fort-ross']) {
          await page.goto(`/#/study?card=event-when:${id}&mode=flip`)
          await expect(page.getByTestId('study-card')).toHaveAttribute(
            'data-card-id',
            `event-when:${id}`
          )
          await page.getByTestId('show-answer').click()
          await page.getByTestId('grade-3').click()
          await expect(page.getByTestId('session-reviewed')).toHaveText('1 reviewed')
        }
        await page.goto('/#/study?mode=order')
      }
      await expect(check).toBeVisible()
    }
  ],
  [
    'study settings',
    async (page) => {
      await openApp(page, '#/study')
      await page.getByText('Settings').click()
      await expect(page.getByTestId('retention')).toBeVisible()
    }
  ],
  [
    'study summary',
    async (page) => {
      await openApp(page, '#/study')
      const id = await page.getByTestId('study-card').getAttribute('data-card-id')
      await openApp(page, `#/study?card=${encodeURIComponent(id ?? '')}`)
      await page.reload()
      await answerOne(page)
      await page.getByRole('button', { name: /Show answer/ }).click()
      await page.getByTestId('grade-3').click()
      await expect(page.getByTestId('study-card')).toHaveCount(0)
    }
  ],
  [
    'progress, empty',
    async (page) => {
      await openApp(page, '#/progress')
      await expect(page.getByTestId('progress-empty')).toBeVisible()
    }
  ],
  [
    'progress with reviews',
    async (page) => {
      await openApp(page, '#/study')
      await answerOne(page)
      // The session lasts the day, so the dark pass counts on from the light one.
      await expect(page.getByTestId('session-reviewed')).toHaveText(/^[1-9]\d* reviewed$/)
      await openApp(page, '#/progress')
      await expect(page.getByTestId('reviews-today')).toBeVisible()
      await expect(page.getByTestId('progress-empty')).toHaveCount(0)
    }
  ],
  [
    'progress, a restore asked',
    async (page) => {
      await openApp(page, '#/study')
      await answerOne(page)
      await openApp(page, '#/progress')
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Save a backup…' }).click()
      ])
      await page.getByTestId('backup-file').setInputFiles({
        name: 'backup.json',
        mimeType: 'application/json',
        buffer: readFileSync((await download.path())!)
      })
      // The question, with the rows it would replace counted while it is open.
      await expect(page.getByTestId('restore-confirm')).toContainText(/\d+ reviews?,/)
      await expect(page.getByRole('button', { name: 'Replace my progress' })).toBeFocused()
    }
  ],
  [
    'about',
    async (page) => {
      await openApp(page, '#/about')
      await expect(page.getByRole('heading', { name: 'About this app' })).toBeVisible()
    }
  ]
]

for (const [name, reach] of STATES) {
  test(`axe: ${name}, light and dark`, async ({ page }) => {
    test.setTimeout(60_000)
    await page.emulateMedia({ reducedMotion: 'reduce' })
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' })
      if (scheme === 'dark') await page.goto('about:blank')
      await reach(page)
      expect(await seriousViolations(page), `${name} in ${scheme}`).toEqual([])
    }
  })
}
