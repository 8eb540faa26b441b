import { Box } from 'ink'
import { BottomBar } from '../components/BottomBar'
import { DetailArea } from '../components/DetailArea'
import { ProseWidth } from '../components/Prose'
import { StepCard } from '../components/StepCard'
import { TitleBar } from '../components/TitleBar'
import type { AppState, ScenarioView } from '../state/app-state'
import { titlesOf } from '../state/focus'

type Props = {
  /** For the titles, the hints and predict mode. */
  readonly state: AppState
  /** The scenario being played. */
  readonly view: ScenarioView
  /** Columns available. */
  readonly width: number
  /** Rows available; the detail panels take what is left. */
  readonly height: number
}

export function ScenarioScreen({ state, view, width, height }: Props) {
  const titles = titlesOf(state, view)

  return (
    <Box flexDirection="column" width={width} height={height}>
      <TitleBar
        title={`${titles.lesson} › ${titles.scenario}`}
        right={headerRight(view, state.progress.predictMode)}
      />
      {/* The card's border and padding take four columns. */}
      <ProseWidth.Provider value={width - 4}>
        <StepCard view={view} lessons={state.lessons} />
      </ProseWidth.Provider>
      <DetailArea view={view} />
      <BottomBar view={view} predictMode={state.progress.predictMode} />
    </Box>
  )
}

function headerRight(view: ScenarioView, predictMode: boolean): string {
  const snapshot = view.snapshot
  const step = snapshot ? `step ${Math.max(1, snapshot.position)}/${snapshot.stepCount}` : ''
  const score = view.run.possible > 0 ? ` · score ${view.run.points}/${view.run.possible}` : ''

  return `${step}${predictMode ? ' · predict' : ''}${score}`
}
