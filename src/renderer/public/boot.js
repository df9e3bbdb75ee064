// Before the first paint (a classic script in <head>, `async blocking="render"`: the parser goes on
// through the page while it loads, and nothing is painted before it has run; the CSP allows no
// inline one). Puts the saved colour scheme on the page (always: main.ts takes data-theme as the
// sign that this script has run), and shows the prerendered first screen only when the app will
// open on the reader at its top (no deep link; the app's hint says so, lib/page.ts keeps it; or a
// new profile, no hint at all), once the page is parsed and its two fonts are loaded, so no line
// moves after it is shown. Kept in step with lib/color-scheme.svelte.ts and lib/page.ts.
;(function () {
  var root = document.documentElement
  root.dataset.theme = 'system'
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
  }
})()
