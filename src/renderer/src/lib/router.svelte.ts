import { parseHash, type Route } from './route'

/** The current route, kept in step with the URL hash so Back/Forward and deep links work. */
class Router {
  route: Route = $state(parseHash(location.hash))

  constructor() {
    window.addEventListener('hashchange', () => {
      this.route = parseHash(location.hash)
    })
  }

  /** Goes to a hash; `replace` keeps it out of the history (for filters typed letter by letter). */
  go = (hash: string, replace = false): void => {
    if (hash === location.hash) return
    if (replace) {
      history.replaceState(history.state, '', hash)
      this.route = parseHash(hash)
    } else {
      location.hash = hash
    }
  }
}

export const router = new Router()
