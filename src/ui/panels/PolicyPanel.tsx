import { Box, Text } from 'ink'
import type { StepResult } from '../../content/step-result'
import { noteMessages } from '../../present/messages'
import { shortPrincipal } from '../../present/names'
import { StatementList } from '../components/StatementList'
import type { StepDecision } from '../state/focus'
import { keyLabel } from '../format'

type Props = {
  /** The step on screen; undefined before any ran. */
  readonly result?: StepResult
  /** Every decision the step made, in order. */
  readonly decisions: readonly StepDecision[]
  /** The place of the decision shown among them. */
  readonly shown: number
  /** Key ARN → the ref the scenario uses. */
  readonly keyRefs: ReadonlyMap<string, string>
  /** Principals of this account are shown without their account ID. */
  readonly homeAccount: string
}

/**
 * One of the step's decisions, deciding statement highlighted; when the step
 * made several, which one this is and that [ and ] show the others.
 */
export function PolicyPanel({ result, decisions, shown, keyRefs, homeAccount }: Props) {
  if (!result) return <Text dimColor>Run the step (→) to see which statements decide it.</Text>

  const entry = decisions[shown]
  if (!entry) {
    const why =
      result.status === 'done'
        ? 'This step changes the world without asking KMS for permission: no policy was checked.'
        : 'No policy was checked: the request failed before KMS authorized it.'

    return (
      <Text dimColor wrap="wrap">
        {why}
      </Text>
    )
  }

  const { decision } = entry

  return (
    <Box flexDirection="column">
      {decisions.length > 1 && (
        <Text bold wrap="truncate-end">
          Decision {shown + 1} of {decisions.length}: {entry.label}
          <Text dimColor bold={false}>
            {' '}
            · [ ] for the others
          </Text>
        </Text>
      )}
      <Text dimColor wrap="truncate-end">
        {shortPrincipal(decision.principal, homeAccount)} → {decision.action} on{' '}
        {keyLabel(decision.resource, keyRefs)}: {decision.verdict}
      </Text>
      <StatementList decision={decision} homeAccount={homeAccount} />
      {decision.notes.map((note) => (
        <Text key={note} color="cyan" wrap="wrap">
          {noteMessages[note]}
        </Text>
      ))}
    </Box>
  )
}
