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
  /** Told how far the detail panel can scroll once it is laid out. */
  readonly onScrollLimit?: (limit: number) => void
}

export function ScenarioScreen({ state, view, width, height, onScrollLimit }: Props) {
  const titles = titlesOf(state, view)
  const { predictMode } = state.progress

  return (
    <Box flexDirection="column" width={width} height={height}>
      {/* The step first and the lesson last: a narrow terminal cuts the lesson's title. */}
      <TitleBar
        title={`${stepLabel(view)}${titles.scenario} · ${titles.lesson}`}
        right={headerRight(view, predictMode)}
      />
      {/* The card's border and padding take four columns. */}
      <ProseWidth.Provider value={width - 4}>
        <StepCard view={view} lessons={state.lessons} />
      </ProseWidth.Provider>
      <DetailArea view={view} width={width} {...(onScrollLimit ? { onScrollLimit } : {})} />
      <BottomBar view={view} predictMode={predictMode} width={width} />
    </Box>
  )
}

function stepLabel(view: ScenarioView): string {
  const snapshot = view.snapshot

  return snapshot ? `step ${Math.max(1, snapshot.position)}/${snapshot.stepCount} · ` : ''
}

function headerRight(view: ScenarioView, predictMode: boolean): string {
  const score = view.run.possible > 0 ? `score ${view.run.points}/${view.run.possible}` : ''

  return [predictMode ? 'predict' : '', score].filter(Boolean).join(' · ')
}
