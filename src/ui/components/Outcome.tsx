import { Box, Text } from 'ink'
import type { StepResult } from '../../content/step-result'
import type { KmsEvent } from '../../keystore'
import { verdictLabels } from '../../present/messages'
import { decidedByLabel } from '../format'
import { Prose } from './Prose'

type Props = {
  /** The step whose outcome to show. */
  readonly result: StepResult
  /** Grant ID → the ref the scenario uses, to name a deciding grant. */
  readonly grantRefs: ReadonlyMap<string, string>
}

/**
 * The verdict in colour, what decided it, the exception AWS would return word
 * for word, and any expectation of the scenario that did not hold.
 */
export function Outcome({ result, grantRefs }: Props) {
  const { decision, error, step } = result
  const deciders = (decision?.decidedBy ?? []).map((ref) => decidedByLabel(ref, grantRefs))
  const by = deciders.length > 0 ? deciders.join(', ') : undefined
  const calls = result.events.filter((event): event is KmsEvent => event.kind === 'kms')
  const showCalls = step.do.kind === 'sdk' || step.do.kind === 'service'

  return (
    <Box flexDirection="column">
      <Text wrap="wrap">
        <Headline result={result} />
        {by && <Text> · decided by {by}</Text>}
        {step.expect && result.unmet.length === 0 && <Text dimColor> · as expected</Text>}
      </Text>
      {showCalls && (
        <Text wrap="wrap" dimColor>
          {calls.length} KMS {calls.length === 1 ? 'call' : 'calls'}
          {calls.length > 0 ? ': ' : ''}
          {calls.map((call) => `${call.operation} ${call.outcome.ok ? '✓' : '✗'}`).join(' · ')}
          {calls.length > 0 ? ' (4 Trail)' : ''}
        </Text>
      )}
      {error && result.status !== 'allowed' && <Prose text={`${error.code}: ${error.message}`} />}
      {result.unmet.map((problem) => (
        <Text key={problem} color="red" wrap="wrap">
          ✗ {problem}
        </Text>
      ))}
    </Box>
  )
}

function Headline({ result }: Pick<Props, 'result'>) {
  const { decision, error } = result

  switch (result.status) {
    case 'allowed':
      return (
        <Text bold color="green">
          ✓ {verdictLabels.Allow}
        </Text>
      )
    case 'done':
      return (
        <Text bold color="green">
          ✓ Done
        </Text>
      )
    case 'denied':
      return (
        <Text bold color="red">
          ✗ {verdictLabels[decision?.verdict ?? 'ImplicitDeny']}
        </Text>
      )
    case 'failed': {
      const authorized = decision ? `${verdictLabels[decision.verdict]}, then ` : ''

      return (
        <Text bold color="yellow">
          ! {authorized}
          {error?.code ?? 'failed'}
        </Text>
      )
    }
  }
}
