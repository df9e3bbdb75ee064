// Before the first paint (a classic script: the CSP allows no inline one). Puts the saved colour
// scheme on the page, and shows the prerendered first screen only when the app will open on the
// reader at its top: no deep link, and the app's hint says so (lib/page.ts keeps it), or a new
// profile (no hint at all). Kept in step with lib/color-scheme.svelte.ts and lib/page.ts.
;(function () {
  var root = document.documentElement
  try {
    var theme = localStorage.getItem('mexico-russia-study.theme')
    var start = localStorage.getItem('mexico-russia-study.start')
    root.dataset.theme = theme === 'light' || theme === 'dark' ? theme : 'system'
    var hash = location.hash
    if ((hash === '' || hash === '#/' || hash === '#/reader') && (theme || 'system') === 'system') {
      if (start ? start === 'reader-top' : !theme) root.dataset.prerender = 'on'
    }
  } catch {
    // No localStorage: the app starts as it would without the prerender.
  }
})()
