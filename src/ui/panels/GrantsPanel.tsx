import { Box, Text } from 'ink'
import type { StepResult } from '../../content/step-result'
import type { GrantRecord, SandboxState } from '../../keystore'
import { describeGrantMiss, formatPairs } from '../../present/messages'
import { shortPrincipal } from '../../present/names'
import { grantLabel, keyLabel } from '../format'

type Props = {
  /** The step whose decision weighed the grants. */
  readonly result?: StepResult
  /** The world the grants are read from. */
  readonly state: SandboxState
  /** Key ARN → the ref the scenario uses. */
  readonly keyRefs: ReadonlyMap<string, string>
  /** Grant ID → the ref the scenario uses. */
  readonly grantRefs: ReadonlyMap<string, string>
  /** Principals of this account are shown without their account ID. */
  readonly homeAccount: string
}

/** The grants the decision weighed: who they are for, what they allow, and whether they did. */
export function GrantsPanel({ result, state, keyRefs, grantRefs, homeAccount }: Props) {
  const decision = result?.decision
  if (!decision) return <Text dimColor>No decision yet, so no grants were weighed.</Text>
  if (decision.grants.length === 0) {
    return (
      <Text dimColor>
        No grant on {keyLabel(decision.resource, keyRefs)} took part in this decision.
      </Text>
    )
  }

  const records = new Map(
    Object.values(state.keys)
      .flatMap((key) => key.grants)
      .map((grant) => [grant.grantId, grant]),
  )

  return (
    <Box flexDirection="column">
      <Text bold>Grants on {keyLabel(decision.resource, keyRefs)}</Text>
      {decision.grants.map((check) => (
        <Box key={check.grantId} flexDirection="column">
          <Text
            color={check.applies ? 'green' : undefined}
            bold={check.applies}
            wrap="truncate-end"
          >
            {check.applies ? '  ✓ ' : '  · '}
            {grantLabel(check.grantId, grantRefs)}
            {describeRecord(records.get(check.grantId), homeAccount)}
          </Text>
          <Text dimColor={!check.applies} color={check.applies ? 'green' : undefined} wrap="wrap">
            {'      '}
            {check.applies ? 'allows this request' : check.misses.map(describeGrantMiss).join('; ')}
          </Text>
        </Box>
      ))}
    </Box>
  )
}

/** `: role/app may Decrypt with EncryptionContextEquals {aws:ebs:id=vol-1}` */
export function describeRecord(grant: GrantRecord | undefined, homeAccount: string): string {
  if (!grant) return ' (no longer exists)'

  const equals = grant.constraints?.encryptionContextEquals
  const subset = grant.constraints?.encryptionContextSubset
  const constraint = equals
    ? ` with EncryptionContextEquals ${formatPairs(equals)}`
    : subset
      ? ` with EncryptionContextSubset ${formatPairs(subset)}`
      : ''

  const grantee = shortPrincipal(grant.granteePrincipal, homeAccount)

  return `: ${grantee} may ${grant.operations.join(', ')}${constraint}`
}
