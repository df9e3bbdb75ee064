/**
 * The app shell: it loads over the same handler the desktop app uses, navigates between views,
 * opens deep links, follows Back/Forward, remembers the theme and the last view in IndexedDB,
 * credits its source, and shows a clear error for a broken pack. No request leaves loopback.
 */
import { expect, openApp, readSetting, test } from './fixtures'

test('the app loads with its navigation and the source credit', async ({ page }) => {
  await openApp(page)
  await expect(page).toHaveTitle('Read · Mexico–Russia Relations')
  const nav = page.getByRole('navigation', { name: 'Views' })
  for (const label of ['Read', 'Timeline', 'Trade', 'Study', 'Progress']) {
    await expect(nav.getByRole('link', { name: label, exact: true })).toBeVisible()
  }
  const footer = page.locator('footer')
  await expect(footer).toContainText('Mexico–Russia relations')
  await expect(footer).toContainText('Infogalactic')
  await expect(footer).toContainText('CC BY-SA 3.0')
})

test('the navigation, Back and Forward follow the hash', async ({ page }) => {
  await openApp(page, '#/reader')
  const nav = page.getByRole('navigation', { name: 'Views' })
  await nav.getByRole('link', { name: 'Timeline' }).click()
  await expect(page).toHaveURL(/#\/timeline$/)
  await expect(page).toHaveTitle('Timeline · Mexico–Russia Relations')
  await expect(nav.getByRole('link', { name: 'Timeline' })).toHaveAttribute('aria-current', 'page')
  await nav.getByRole('link', { name: 'Trade' }).click()
  await expect(page).toHaveURL(/#\/trade$/)
  await page.goBack()
  await expect(page).toHaveURL(/#\/timeline$/)
  await expect(nav.getByRole('link', { name: 'Timeline' })).toHaveAttribute('aria-current', 'page')
  await page.goForward()
  await expect(nav.getByRole('link', { name: 'Trade' })).toHaveAttribute('aria-current', 'page')
})

test('a deep link opens its view directly, and an unknown one says so', async ({ page }) => {
  await openApp(page, '#/about')
  await expect(page.getByRole('heading', { name: 'About this app' })).toBeVisible()
  await expect(page.getByTestId('app-version')).toHaveText(/^\d+\.\d+\.\d+$/)
  await expect(page.getByText('CC BY-SA 3.0').first()).toBeVisible()
  await page.goto('/#/no-such-view')
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
})

test('the theme choice and the last view survive a reload through IndexedDB', async ({ page }) => {
  await openApp(page, '#/trade')
  const toggle = page.getByTestId('theme-toggle')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'system')
  await toggle.click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  await toggle.click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  await expect.poll(() => readSetting(page, 'theme')).toBe('dark')
  await expect.poll(() => readSetting(page, 'lastRoute')).toBe('#/trade')
  // Opening the root with no hash restores the last view and the theme.
  await page.goto('/')
  await expect(page).toHaveURL(/#\/trade$/)
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
    background
  )
  const saved = await page.evaluate(
    () =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('mexico-russia-study')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const get = open.result.transaction('settings').objectStore('settings').get('theme')
          get.onsuccess = () => resolve(get.result)
        }
      })
  )
  expect(saved).toEqual({ key: 'theme', value: 'dark' })
})

test('the page announces the SHA-256 and size of the pack it serves, so the app trusts it without validating again', async ({
  page
}) => {
  await page.goto('/')
  const announced = await page.evaluate(async () => {
    const meta = (name: string) =>
      document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content
    const bytes = await (await fetch('./packs/mexico-russia/pack.json')).arrayBuffer()
    const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
    return {
      meta: { sha256: meta('pack-sha256'), bytes: meta('pack-bytes') },
      served: {
        sha256: Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join(''),
        bytes: String(bytes.byteLength)
      }
    }
  })
  expect(announced.meta).toEqual(announced.served)
})

test('a broken pack gives a clear error screen, never a blank window', async ({ page }) => {
  await page.route('**/packs/mexico-russia/pack.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: '{"format":"mexico-russia-study/pack"' })
  )
  await page.goto('/')
  await expect(page.getByRole('alert')).toContainText('The article pack is damaged')
  await page.route('**/packs/mexico-russia/pack.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ format: 'other' }) })
  )
  await page.reload()
  await expect(page.getByRole('alert')).toContainText('does not match the expected format')
  await expect(page.getByRole('alert')).toContainText('format')
})

test('a database written by a newer version of the app is refused and left intact', async ({
  page
}) => {
  await openApp(page, '#/reader')
  // Simulate a newer app: raise the database version and add a store only it knows.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('mexico-russia-study', 1000)
        open.onupgradeneeded = () => open.result.createObjectStore('future')
        open.onsuccess = () => {
          open.result.close()
          resolve()
        }
        open.onerror = () => reject(open.error)
        open.onblocked = () => location.reload()
      })
  )
  await page.reload()
  await expect(page.getByRole('alert')).toContainText('saved by a newer version of this app')
  const stores = await page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const open = indexedDB.open('mexico-russia-study')
        open.onsuccess = () => resolve([...open.result.objectStoreNames])
      })
  )
  expect(stores).toContain('future')
  expect(stores).toContain('settings')
})
