import { Text } from 'ink'
import { StatementPicker } from '../components/StatementPicker'
import type { PanelId, ScenarioView, SessionSnapshot } from '../state/app-state'
import { pickerOptions, shownDecision, shownResult, stepDecisions } from '../state/focus'
import { GrantsPanel } from './GrantsPanel'
import { KeyPolicyJsonPanel } from './KeyPolicyJsonPanel'
import { PolicyPanel } from './PolicyPanel'
import { TrailPanel } from './TrailPanel'
import { WorldPanel } from './WorldPanel'

type Props = {
  /** The panel chosen, the phase, and the session it reads. */
  readonly view: ScenarioView
  /** Rows the area shows; the statement picker keeps its cursor within them. */
  readonly rows: number
}

/**
 * What the detail area shows: the statement picker while the learner names
 * the decider, a placeholder while the outcome is hidden, else the panel.
 */
export function PanelContent({ view, rows }: Props) {
  const snapshot = view.snapshot
  if (!snapshot) return null

  const result = shownResult(view)
  const { phase } = view
  if (phase.kind === 'statement' && result) {
    return <StatementPicker options={pickerOptions(view)} cursor={phase.cursor} rows={rows} />
  }

  // The world and the key policies as they were before the step give nothing away.
  const hidden = phase.kind !== 'idle'
  if (hidden && view.panel !== 'world' && view.panel !== 'json') {
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
} & Pick<Props, 'view'>) {
  const result = shownResult(view)
  const { keyRefs, grantRefs, homeAccount } = snapshot

  switch (panel) {
    case 'policy':
      return (
        <PolicyPanel
          result={result}
          decisions={stepDecisions(result)}
          shown={shownDecision(view)}
          keyRefs={keyRefs}
          homeAccount={homeAccount}
        />
      )
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
      // While the outcome is hidden, the world before the step: after it gives the answer away.
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

    case 'json':
      return (
        <KeyPolicyJsonPanel
          state={hidden ? snapshot.before : snapshot.state}
          keyRefs={keyRefs}
          {...(result?.decision ? { focusKeyArn: result.decision.resource } : {})}
        />
      )
    case 'trail':
      return (
        <TrailPanel
          results={snapshot.results}
          keyRefs={keyRefs}
          grantRefs={grantRefs}
          homeAccount={homeAccount}
        />
      )
  }
}
