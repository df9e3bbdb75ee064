import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { appRootsAt, decideLaunch } from './launch'

describe('where the window starts', () => {
  const app = { startUrl: 'app://bundle/', devOrigin: null }

  it('loads the dev server under npm run dev', () => {
    expect(decideLaunch(false, 'http://localhost:5173')).toEqual({
      startUrl: 'http://localhost:5173/',
      devOrigin: 'http://localhost:5173'
    })
  })

  it('ignores ELECTRON_RENDERER_URL in a packaged app', () => {
    expect(decideLaunch(true, 'http://localhost:5173')).toEqual(app)
  })

  it.each([
    undefined,
    '',
    'https://evil.example/',
    'http://192.168.1.5:5173/',
    'file:///tmp/index.html',
    'javascript:alert(1)',
    'not a url'
  ])('loads the app origin when the dev server URL is %j', (url) => {
    expect(decideLaunch(false, url)).toEqual(app)
  })
})

describe('the app roots', () => {
  it('lie inside the app folder, so they are inside app.asar when packaged', () => {
    const asar = join('/opt', 'app', 'resources', 'app.asar')
    expect(appRootsAt(asar)).toEqual({
      renderer: join(asar, 'out', 'renderer'),
      resources: join(asar, 'resources')
    })
  })
})
