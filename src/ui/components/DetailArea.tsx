import { Box, Text } from 'ink'
import { GrantsPanel } from '../panels/GrantsPanel'
import { PolicyPanel } from '../panels/PolicyPanel'
import { TrailPanel } from '../panels/TrailPanel'
import { WorldPanel } from '../panels/WorldPanel'
import { panelIds, type PanelId, type ScenarioView, type SessionSnapshot } from '../state/app-state'
import { shownResult } from '../state/focus'
import { statementOptions } from '../state/prediction'
import { StatementPicker } from './StatementPicker'

type Props = {
  /** The panel chosen, its scroll, and the result it describes. */
  readonly view: ScenarioView
}

const titles: Readonly<Record<PanelId, string>> = {
  policy: 'Policy',
  grants: 'Grants',
  world: 'World',
  trail: 'Trail',
}

/** The numbered detail panels under the step; takes whatever height is left and clips the rest. */
export function DetailArea({ view }: Props) {
  return (
    <Box flexDirection="column" flexGrow={1} flexShrink={1} overflow="hidden">
      <Text wrap="truncate-end">
        {panelIds.map((id, i) => {
          const chosen = id === view.panel
          // Brackets as well as inverse: the choice must show without colour (NO_COLOR).
          const label = `${i + 1} ${titles[id]}`

          return (
            <Text key={id}>
              {' '}
              <Text inverse={chosen} bold={chosen} dimColor={!chosen}>
                {chosen ? `[${label}]` : ` ${label} `}
              </Text>
            </Text>
          )
        })}
        {view.scroll > 0 && <Text dimColor>{`  ↑ ${view.scroll}`}</Text>}
      </Text>
      <Box flexDirection="column" flexGrow={1} flexShrink={1} overflow="hidden" paddingX={1}>
        <Box flexDirection="column" flexShrink={0} marginTop={-view.scroll}>
          <PanelContent view={view} />
        </Box>
      </Box>
    </Box>
  )
}

function PanelContent({ view }: Props) {
  const snapshot = view.snapshot
  if (!snapshot) return null

  const result = shownResult(view)
  const { phase } = view
  if (phase.kind === 'statement' && result) {
    return <StatementPicker options={statementOptions(result)} cursor={phase.cursor} />
  }

  const hidden = phase.kind !== 'idle'
  if (hidden && view.panel !== 'world') {
    return (
      <Text dimColor>Hidden until you predict: press a (Allow) or d (Deny), or → to skip.</Text>
    )
  }

  return <Panel panel={view.panel} snapshot={snapshot} hidden={hidden} view={view} />
}

function Panel({
  panel,
  snapshot,
  hidden,
  view,
}: {
  /** Which panel to draw. */
  readonly panel: PanelId
  /** The session the panel reads. */
  readonly snapshot: SessionSnapshot
  /** True while the outcome waits for a prediction. */
  readonly hidden: boolean
} & Props) {
  const result = shownResult(view)
  const { keyRefs, grantRefs, homeAccount } = snapshot

  switch (panel) {
    case 'policy':
      return <PolicyPanel result={result} keyRefs={keyRefs} />
    case 'grants':
      return (
        <GrantsPanel
          result={result}
          state={snapshot.state}
          keyRefs={keyRefs}
          grantRefs={grantRefs}
          homeAccount={homeAccount}
        />
      )
    case 'world': {
      // While the outcome is hidden, the world before the step: after it would give the answer away.
      const state = hidden ? snapshot.before : snapshot.state

      return (
        <WorldPanel
          state={state}
          keyRefs={keyRefs}
          grantRefs={grantRefs}
          homeAccount={homeAccount}
        />
      )
    }

    case 'trail':
      return (
        <TrailPanel
          result={result}
          keyRefs={keyRefs}
          grantRefs={grantRefs}
          homeAccount={homeAccount}
        />
      )
  }
}
