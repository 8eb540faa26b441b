import { Box, useApp, useInput } from 'ink'
import { useEffect } from 'react'
import { HelpOverlay } from './components/HelpOverlay'
import type { Controller } from './controller/controller'
import { useAppState } from './hooks/use-app-state'
import { useTerminalSize } from './hooks/use-terminal-size'
import { frameSize } from './layout'
import { HomeScreen } from './screens/HomeScreen'
import { LessonScreen } from './screens/LessonScreen'
import { ScenarioScreen } from './screens/ScenarioScreen'
import type { Store } from './state/store'

type Props = {
  /** Holds the app state; the controller is the only writer. */
  readonly store: Store
  /** Receives every key press, in order, and the terminal's size. */
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

  useEffect(() => {
    controller.resize(columns, rows)
  }, [controller, columns, rows])

  if (state.quitting || state.suspended) return null

  const viewport = { columns, rows }
  const size = frameSize(viewport)

  return (
    <Box flexDirection="column" {...size}>
      {state.help ? (
        <HelpOverlay viewport={viewport} scroll={state.helpScroll} />
      ) : state.reader ? (
        <LessonScreen state={state} reader={state.reader} {...size} />
      ) : state.screen === 'scenario' && state.scenario ? (
        <ScenarioScreen
          state={state}
          view={state.scenario}
          onScrollLimit={controller.scrollLimit}
          {...size}
        />
      ) : (
        <HomeScreen state={state} {...size} />
      )}
    </Box>
  )
}
