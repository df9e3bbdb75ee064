/** The app's fixed origin. Never change it: IndexedDB data belongs to the origin. */
export const APP_SCHEME = 'app'
/** The host of the app's origin. */
export const APP_HOST = 'bundle'
/** The app's origin, where the window starts when packaged or previewed. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

/** True for a URL on the app's own origin. (Node gives non-special schemes the origin "null", so
 * the scheme and host are compared instead.) */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST
  } catch {
    return false
  }
}

/**
 * True for a URL the app's own page may have: the app origin, or in development (and only then)
 * electron-vite's dev server, whose origin is passed as `devOrigin`.
 */
export function isTrustedUrl(url: string, devOrigin: string | null): boolean {
  if (isAppUrl(url)) return true
  if (devOrigin === null) return false
  try {
    return new URL(url).origin === devOrigin
  } catch {
    return false
  }
}

/**
 * True for a link the system browser may open: https, no credentials, default port, and a host
 * on the allow-list (the hosts the bundled packs link to).
 */
export function isAllowedExternalUrl(url: string, hosts: ReadonlySet<string>): boolean {
  try {
    const parsed = new URL(url)
    return (
      parsed.protocol === 'https:' &&
      parsed.username === '' &&
      parsed.password === '' &&
      parsed.port === '' &&
      hosts.has(parsed.hostname)
    )
  } catch {
    return false
  }
}
