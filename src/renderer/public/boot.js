// Before the first paint (a classic script in <head>, `async blocking="render"`: the parser goes on
// through the page while it loads, and nothing is painted before it has run; the CSP allows no
// inline one). Puts the saved colour scheme on the page, and shows the prerendered first screen
// only when the app will open on the reader at its top (no deep link; the app's hint says so,
// lib/page.ts keeps it; or a new profile, no hint at all), once the page is parsed and its two
// fonts are loaded, so no line moves after it is shown. At a link to another view (#/timeline),
// asks for that view's code at once. Kept in step with lib/color-scheme.svelte.ts and lib/page.ts.
;(function () {
  var root = document.documentElement
  try {
    var theme = localStorage.getItem('mexico-russia-study.theme')
    var start = localStorage.getItem('mexico-russia-study.start')
    root.dataset.theme = theme === 'light' || theme === 'dark' ? theme : 'system'
    var hash = location.hash
    if ((hash === '' || hash === '#/' || hash === '#/reader') && (theme || 'system') === 'system') {
      if (start ? start !== 'reader-top' : theme) return
      root.dataset.prerender = 'fonts'
      // Two waits: the fonts, and the end of parsing (a screen shown while the parser still adds
      // its nodes would grow under the reader's eyes on a slow start).
      var waits = 2
      var show = function () {
        waits -= 1
        if (waits === 0 && root.dataset.prerender === 'fonts') root.dataset.prerender = 'on'
      }
      if (document.readyState === 'loading') {
        document.addEventListener('readystatechange', show, { once: true })
      } else show()
      var fonts = document.fonts
      if (!fonts) return show()
      Promise.all([
        fonts.load('1em "Source Serif 4 Variable"'),
        fonts.load('1em "Inter Variable"')
      ]).then(show, show)
    }
  } catch {
    // No localStorage: the app starts as it would without the prerender.
  } finally {
    // main.ts waits for this mark: loaded async, this script may run after the app's module.
    root.dataset.booted = ''
  }
  // A link to another view (#/timeline): its code is asked for now, beside the app's own, not
  // after the app has run (the page names each view's files, scripts/first-view-plugin.ts; the
  // reader's are in the page already). Crossorigin as the app's own requests, so they are reused.
  try {
    var linked = /^#\/([a-z]+)/.exec(location.hash)
    var code =
      linked &&
      linked[1] !== 'reader' &&
      document.querySelector('meta[name="view-code"][data-view="' + linked[1] + '"]')
    if (code) {
      code.content.split(' ').forEach(function (href) {
        var link = document.createElement('link')
        var style = /\.css$/.test(href)
        link.rel = style ? 'preload' : 'modulepreload'
        if (style) link.as = 'style'
        link.crossOrigin = ''
        link.href = href
        document.head.appendChild(link)
      })
    }
  } catch {
    // The view's code then loads when the app asks for it.
  }
})()
