import type { Action } from './actions'
import type { AppState } from './app-state'
import { reduceApp } from './reduce-app'

/** The app state outside React, so the input queue always reads the latest value. */
export type Store = {
  readonly getState: () => AppState
  readonly dispatch: (action: Action) => void
  readonly subscribe: (listener: () => void) => () => void
}

/** A store around the one reducer; React reads it with useSyncExternalStore. */
export function createStore(initial: AppState): Store {
  let state = initial
  const listeners = new Set<() => void>()

  return {
    getState: () => state,
    dispatch(action) {
      const next = reduceApp(state, action)
      if (next === state) return

      state = next
      for (const listener of listeners) listener()
    },
    subscribe(listener) {
      listeners.add(listener)

      return () => listeners.delete(listener)
    },
  }
}
