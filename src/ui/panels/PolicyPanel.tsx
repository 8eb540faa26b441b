import { Box, Text } from 'ink'
import type { StepResult } from '../../content/step-result'
import type { KmsEvent } from '../../keystore'
import { noteMessages } from '../../present/messages'
import { shortPrincipal } from '../../present/names'
import { StatementList } from '../components/StatementList'
import { keyLabel } from '../format'

type Props = {
  /** The step on screen; undefined before any ran. */
  readonly result?: StepResult
  /** Key ARN → the ref the scenario uses. */
  readonly keyRefs: ReadonlyMap<string, string>
}

/** The key policy behind the step's decision, deciding statement highlighted. */
export function PolicyPanel({ result, keyRefs }: Props) {
  if (!result) return <Text dimColor>Run the step (→) to see which statements decide it.</Text>

  const { decision } = result
  if (!decision) {
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

  const decisions = result.events.flatMap((event) =>
    event.kind === 'kms' ? (event as KmsEvent).decisions : [],
  )

  return (
    <Box flexDirection="column">
      <Text dimColor wrap="truncate-end">
        {shortPrincipal(decision.principal)} → {decision.action} on{' '}
        {keyLabel(decision.resource, keyRefs)}
        {decisions.length > 1 ? ` (1 of ${decisions.length} decisions; 4 Trail lists them)` : ''}
      </Text>
      <StatementList decision={decision} />
      {decision.notes.map((note) => (
        <Text key={note} color="cyan" wrap="wrap">
          {noteMessages[note]}
        </Text>
      ))}
    </Box>
  )
}
