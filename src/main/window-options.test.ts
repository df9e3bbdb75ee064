import { describe, expect, it } from 'vitest'
import { mainWindowOptions } from './window-options'

describe('the main window options', () => {
  it('follow the security checklist', () => {
    const options = mainWindowOptions('/app/preload/index.cjs')
    expect(options.show).toBe(false)
    expect(options.webPreferences).toMatchObject({
      preload: '/app/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false
    })
  })
})
