import { useSyncExternalStore } from 'react'
import type { AppState } from '../state/app-state'
import type { Store } from '../state/store'

/** The store's current state; the component renders again whenever it changes. */
export function useAppState(store: Store): AppState {
  return useSyncExternalStore(store.subscribe, store.getState)
}
