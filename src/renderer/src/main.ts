import { mount } from 'svelte'
import '@fontsource-variable/inter/wght.css'
import '@fontsource-variable/source-serif-4/wght.css'
import './styles/global.css'
import './app/prerender.css'
import App from './app/App.svelte'
import { notices } from './lib/notices.svelte'
import { router } from './lib/router.svelte'
import { connectDesktop } from './lib/desktop'

const target = document.getElementById('app')
if (!target) throw new Error('#app is missing from index.html')

// Inside the desktop app: menu commands and the main process's notices reach the page.
connectDesktop(window.studyApp, { go: router.go, notify: (text) => notices.show(text, 'error') })

const start = () => mount(App, { target })
// The first screen prerendered into the page (shown by boot.js) is painted before the app's work
// begins: the frame's callback runs before its paint, the task it queues after it.
const begin = () => {
  if (document.documentElement.dataset.prerender) {
    requestAnimationFrame(() => setTimeout(start, 0))
  } else {
    start()
  }
}
// boot.js loads async (it holds the first paint, not the parser): should it come after this
// module, the app waits for it, so that it never shows the prerender over a live app.
const boot = document.querySelector<HTMLScriptElement>('script[src="./boot.js"]')
if (boot && !document.documentElement.dataset.theme) {
  boot.addEventListener('load', begin, { once: true })
  boot.addEventListener('error', begin, { once: true })
} else {
  begin()
}
