import { Box, Text } from 'ink'
import { describeAction } from '../../content/describe-step'
import type { ScenarioStep } from '../../content/scenario-schema'
import type { CatalogLesson, ScenarioView } from '../state/app-state'
import { hintTiers, pickerOptions, shownResult, type Hint } from '../state/focus'
import { toParagraphs } from '../format'
import { Outcome } from './Outcome'
import { PredictionFeedback } from './PredictionFeedback'
import { PredictionPrompt } from './PredictionPrompt'
import { Prose } from './Prose'

type Props = {
  /** The scenario being played: its last result, the phase, hints asked for. */
  readonly view: ScenarioView
  /** For the lesson's hints, which follow the step's own. */
  readonly lessons: readonly CatalogLesson[]
}

/** The step on screen: its narration, who does what, and what came of it. */
export function StepCard({ view, lessons }: Props) {
  const snapshot = view.snapshot
  const result = shownResult(view)
  const step = result?.step ?? snapshot?.nextStep
  const colour = !result || view.phase.kind !== 'idle' ? 'cyan' : cardColours[result.status]
  // While the learner picks a statement the list needs the room; they have read the story.
  const narrate = !result?.extra && view.phase.kind !== 'statement'

  return (
    <Box
      flexDirection="column"
      flexShrink={0}
      borderStyle="round"
      borderColor={colour}
      paddingX={1}
    >
      {!snapshot && (
        <Text color={view.busy ? 'yellow' : 'red'}>
          {view.busy ? 'Setting up the scenario…' : 'The scenario could not start.'}
        </Text>
      )}
      {result?.extra && <Text color="magenta">Free play</Text>}
      {narrate && step?.narration && <Prose text={toParagraphs(step.narration)} />}
      {step && <ActionLine step={step} />}
      {snapshot && !result && <Text dimColor>Press → to run this step.</Text>}
      {view.busy && snapshot && <Text color="yellow">Running…</Text>}
      {!view.busy && result && view.phase.kind === 'idle' && (
        <Outcome result={result} grantRefs={snapshot?.grantRefs ?? new Map()} />
      )}
      {!view.busy && result && view.phase.kind !== 'idle' && (
        <PredictionPrompt result={result} phase={view.phase} />
      )}
      {!view.busy && result && view.scored && (
        <PredictionFeedback result={result} scored={view.scored} options={pickerOptions(view)} />
      )}
      <HintLine tiers={hintTiers(view, lessons)} tier={view.hintTier} />
      {snapshot?.finished && result && view.phase.kind === 'idle' && (
        <Finished unmet={snapshot.results.filter((r) => r.unmet.length > 0).length} />
      )}
    </Box>
  )
}

const cardColours = { allowed: 'green', done: 'green', denied: 'red', failed: 'yellow' } as const

function ActionLine({ step }: { readonly step: ScenarioStep }) {
  return (
    <Text wrap="wrap">
      <Text bold>▶ {step.as}</Text> → {describeAction(step)}
    </Text>
  )
}

// Says whether the hint is about this step or the lesson, so a general one is not read as specific.
function HintLine({ tiers, tier }: { readonly tiers: readonly Hint[]; readonly tier: number }) {
  const hint = tier > 0 ? tiers[tier - 1] : undefined
  if (!hint) return null

  const same = tiers.filter((candidate) => candidate.about === hint.about)
  const label = hint.about === 'step' ? 'Hint for this step' : 'Lesson hint'
  const count = `${same.indexOf(hint) + 1}/${same.length}`

  return <Prose color="yellow" text={`${label} ${count}: ${hint.text}`} />
}

const count = (steps: number) => `${steps} ${steps === 1 ? 'step' : 'steps'}`

function Finished({ unmet }: { readonly unmet: number }) {
  const next = 'Press l for the lesson\'s "What just happened", r to play again, q for Home.'

  return unmet === 0 ? (
    <Prose color="green" bold text={`✓ Scenario complete. ${next}`} />
  ) : (
    <Prose
      color="yellow"
      text={`Scenario complete; ${count(unmet)} did not behave as the scenario expects. ${next}`}
    />
  )
}
