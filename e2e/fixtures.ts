import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { test as base, expect, type Page } from '@playwright/test'

/**
 * Every web test records every request the page makes and fails if one leaves loopback,
 * so "the app makes no network request" is checked in every journey, not just one.
 */
export const test = base.extend<{ offlineGuard: void }>({
  offlineGuard: [
    async ({ page, baseURL }, use) => {
      const outside: string[] = []
      page.on('request', (request) => {
        const url = request.url()
        if (!url.startsWith(baseURL ?? '') && !/^(data|blob):/.test(url)) outside.push(url)
      })
      await use()
      expect(outside, 'requests that left the app origin').toEqual([])
    },
    { auto: true }
  ]
})

export { expect }

/**
 * Opens the app at a route and waits until the shell is drawn and the database is open (on a
 * first start the article is drawn before the database exists; a test reading IndexedDB itself
 * must not be the one to create it).
 */
export async function openApp(page: Page, hash = ''): Promise<void> {
  await page.goto(`/${hash}`)
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('data-storage', 'open')
}

/** Reads one setting straight from the app's IndexedDB (the real database, as the app left it). */
export function readSetting(page: Page, key: string): Promise<unknown> {
  return page.evaluate(
    (key) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('mexico-russia-study')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const get = open.result.transaction('settings').objectStore('settings').get(key)
          get.onsuccess = () => {
            open.result.close()
            resolve((get.result as { value?: unknown } | undefined)?.value)
          }
        }
      }),
    key
  )
}

/** Reads every row of one store straight from the app's IndexedDB, as the app saved them. */
export function readStore<T>(page: Page, store: 'cards' | 'reviewLogs'): Promise<T[]> {
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

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8'
)

interface Violation {
  id: string
  impact: string | null
  help: string
  nodes: { target: unknown[] }[]
}

/** The serious and critical axe violations on the page as it stands, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated, not added as a script tag: the app's CSP allows no inline script.
  await page.evaluate(axeSource)
  const violations = (await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document) => Promise<{ violations: unknown[] }> }
      }
    ).axe
    return (await axe.run(document)).violations
  })) as Violation[]
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`
    )
}

/** The window's offset once the current frame has settled. */
/**
 * The view on screen. The shell keeps the other views drawn but hidden (visited ones, and those it
 * draws ahead), with parts of the same names: a part of the view shown is looked for in it.
 */
export const shownView = (page: Page) =>
  page.locator('main > [data-view]:not([aria-hidden="true"])')

export const scrollY = (page: Page): Promise<number> =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => resolve(Math.round(window.scrollY)))
        )
      )
  )
