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

/** Opens the app at a route and waits until the shell is drawn. */
export async function openApp(page: Page, hash = ''): Promise<void> {
  await page.goto(`/${hash}`)
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible()
}
