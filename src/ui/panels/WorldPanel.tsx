import { Box, Text } from 'ink'
import type { KeyRecord, SandboxState } from '../../keystore'
import { grantLabel, keyLabel, timeLabel } from '../format'
import { describeRecord } from './GrantsPanel'

type Props = {
  /** The world to show: after the step, or before it while its outcome is hidden. */
  readonly state: SandboxState
  /** Key ARN → the ref the scenario uses. */
  readonly keyRefs: ReadonlyMap<string, string>
  /** Grant ID → the ref the scenario uses. */
  readonly grantRefs: ReadonlyMap<string, string>
  /** Principals of this account are shown without their account ID. */
  readonly homeAccount: string
}

/** The sandbox's world: the clock, each key with its state, aliases and grants, the accounts. */
export function WorldPanel({ state, keyRefs, grantRefs, homeAccount }: Props) {
  const keys = Object.values(state.keys)
  const aliases = Object.values(state.aliases)

  return (
    <Box flexDirection="column">
      <Text>
        <Text bold>Clock</Text> {timeLabel(state.now)} <Text dimColor>· {state.region}</Text>
      </Text>
      <Text bold>Keys</Text>
      {keys.length === 0 && <Text dimColor>{'  (none)'}</Text>}
      {keys.map((key) => (
        <Box key={key.keyId} flexDirection="column">
          <Text wrap="truncate-end">
            {'  '}
            {keyLabel(key.arn, keyRefs)} <KeyState record={key} />
            <Text dimColor>
              {aliases
                .filter((alias) => alias.targetKeyId === key.keyId)
                .map((alias) => ` ${alias.aliasName}`)
                .join('')}
            </Text>
          </Text>
          {key.grants.map((grant) => (
            <Text key={grant.grantId} dimColor wrap="truncate-end">
              {'    '}
              {grantLabel(grant.grantId, grantRefs)}
              {describeRecord(grant, homeAccount)}
            </Text>
          ))}
        </Box>
      ))}
      <Text bold>Accounts</Text>
      {Object.values(state.accounts).map((account) => (
        <Text key={account.id} wrap="truncate-end">
          {'  '}
          {account.id}
          <Text dimColor> users </Text>
          {Object.keys(account.users).join(', ') || '–'}
          <Text dimColor> roles </Text>
          {Object.keys(account.roles).join(', ') || '–'}
        </Text>
      ))}
    </Box>
  )
}

function KeyState({ record }: { readonly record: KeyRecord }) {
  const colour =
    record.state === 'Enabled' ? 'green' : record.state === 'Disabled' ? 'yellow' : 'red'
  const deletes = record.deletionDate ? ` until ${timeLabel(record.deletionDate)}` : ''

  return (
    <Text color={colour}>
      {record.state}
      {deletes}
    </Text>
  )
}
