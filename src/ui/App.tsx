import { Box, useApp, useInput } from 'ink'
import { useEffect } from 'react'
import { HelpOverlay } from './components/HelpOverlay'
import type { Controller } from './controller/controller'
import { useAppState } from './hooks/use-app-state'
import { useTerminalSize } from './hooks/use-terminal-size'
import { HomeScreen } from './screens/HomeScreen'
import { ScenarioScreen } from './screens/ScenarioScreen'
import type { Store } from './state/store'

type Props = {
  /** Holds the app state; the controller is the only writer. */
  readonly store: Store
  /** Receives every key press, in order. */
  readonly controller: Controller
}

export function App({ store, controller }: Props) {
  const state = useAppState(store)
  const { exit } = useApp()
  const { columns, rows } = useTerminalSize()

  useInput(controller.press)

  useEffect(() => {
    // The empty frame below is drawn first, so quitting leaves no screen behind.
    if (state.quitting) exit()
  }, [state.quitting, exit])

  if (state.quitting || state.suspended) return null

  // One row short of the terminal: a frame as tall as the screen makes ink clear it on every draw.
  const size = { width: columns, height: Math.max(12, rows - 1) }

  return (
    <Box flexDirection="column" {...size}>
      {state.help ? (
        <HelpOverlay />
      ) : state.screen === 'scenario' && state.scenario ? (
        <ScenarioScreen state={state} view={state.scenario} {...size} />
      ) : (
        <HomeScreen state={state} {...size} />
      )}
    </Box>
  )
}
