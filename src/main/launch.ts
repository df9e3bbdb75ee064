import { join } from 'node:path'
import type { AppRoots } from './app-handler'
import { APP_ORIGIN } from './origin'

/** Where the window's page comes from, decided once at startup. */
export interface Launch {
  /** The URL the window opens. */
  startUrl: string
  /** electron-vite's dev server origin under `npm run dev`; null in every other run. */
  devOrigin: string | null
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * The dev server is used only when the app is not packaged and electron-vite named a loopback
 * http(s) server: a packaged app never reads ELECTRON_RENDERER_URL, so an environment variable
 * can never point an installed app, and its bridge, at another page.
 */
export function decideLaunch(packaged: boolean, rendererUrl: string | undefined): Launch {
  const app = { startUrl: `${APP_ORIGIN}/`, devOrigin: null }
  if (packaged || !rendererUrl) return app
  try {
    const url = new URL(rendererUrl)
    if (!['http:', 'https:'].includes(url.protocol) || !LOOPBACK.has(url.hostname)) return app
    return { startUrl: url.href, devOrigin: url.origin }
  } catch {
    return app
  }
}

/**
 * The built renderer and the bundled packs, found from the app's own folder: the project root
 * under `npm start`, `resources/app.asar` in an installed app. Never relative to out/main.
 */
export function appRootsAt(appPath: string): AppRoots {
  return { renderer: join(appPath, 'out', 'renderer'), resources: join(appPath, 'resources') }
}
