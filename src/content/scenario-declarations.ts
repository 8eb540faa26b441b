import { toPointer, type PathIssue } from './content-issue'
import type { DeclaredAccounts } from './scenario-principals'
import { isRecord } from './scenario-schema-kit'

// Reference checks read the raw parsed YAML rather than the schema's output,
// so they still run, and report, when some other part of the file is invalid.
// Each helper tolerates any shape and skips what it cannot read; the schema
// reports those parts.

/** The field of a mapping, or undefined for anything else. */
export function fieldOf(value: unknown, name: string): unknown {
  return isRecord(value) ? value[name] : undefined
}

/** The items of a list, or none for anything else. */
export function itemsOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : []
}

/** The value if it is text. */
export function textOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

/** What the setup declares, read leniently from raw scenario data. */
export type Declarations = {
  readonly accounts: DeclaredAccounts
  readonly keys: readonly string[]
  readonly aliases: readonly string[]
  readonly grants: readonly string[]
}

/** Collects the declared accounts, principals, keys, aliases and grants. */
export function collectDeclarations(data: unknown): Declarations {
  const setup = fieldOf(data, 'setup')
  const accounts = new Map<string, { users: string[]; roles: string[] }>()
  for (const account of itemsOf(fieldOf(setup, 'accounts'))) {
    const id = accountIdOf(fieldOf(account, 'id'))
    if (id !== undefined && !accounts.has(id)) {
      accounts.set(id, { users: namesIn(account, 'users'), roles: namesIn(account, 'roles') })
    }
  }

  const keys = itemsOf(fieldOf(setup, 'keys'))

  return {
    accounts,
    keys: uniqueTexts(keys.map((key) => fieldOf(key, 'ref'))),
    aliases: uniqueTexts(keys.flatMap((key) => itemsOf(fieldOf(key, 'aliases')))),
    grants: uniqueTexts(itemsOf(fieldOf(setup, 'grants')).map((grant) => fieldOf(grant, 'ref'))),
  }
}

/** Reports every id, ref, name or alias declared twice where it must be unique. */
export function checkDuplicates(data: unknown): readonly PathIssue[] {
  const setup = fieldOf(data, 'setup')
  const accounts = itemsOf(fieldOf(setup, 'accounts'))
  const keys = itemsOf(fieldOf(setup, 'keys'))
  const grants = itemsOf(fieldOf(setup, 'grants'))
  const namesAt = (i: number, kind: 'users' | 'roles') =>
    fieldsAt(['setup', 'accounts', i, kind], itemsOf(fieldOf(accounts[i], kind)), 'name')
  const aliases = keys.flatMap((key, i) =>
    itemsOf(fieldOf(key, 'aliases')).map((value, j) => ({
      value,
      path: ['setup', 'keys', i, 'aliases', j],
    })),
  )

  return [
    ...duplicates('account id', fieldsAt(['setup', 'accounts'], accounts, 'id')),
    ...accounts.flatMap((_, i) => [
      ...duplicates('user name', namesAt(i, 'users')),
      ...duplicates('role name', namesAt(i, 'roles')),
    ]),
    ...duplicates('key ref', fieldsAt(['setup', 'keys'], keys, 'ref')),
    ...duplicates('alias', aliases),
    ...duplicates('grant ref', fieldsAt(['setup', 'grants'], grants, 'ref')),
    ...duplicates('step id', fieldsAt(['steps'], itemsOf(fieldOf(data, 'steps')), 'id')),
  ]
}

type Path = readonly (string | number)[]
type Entry = { readonly value: unknown; readonly path: Path }

function fieldsAt(listPath: Path, items: readonly unknown[], field: string): readonly Entry[] {
  return items.map((item, index) => ({
    value: fieldOf(item, field),
    path: [...listPath, index, field],
  }))
}

function duplicates(what: string, entries: readonly Entry[]): readonly PathIssue[] {
  const firstSeen = new Map<string, Path>()
  const issues: PathIssue[] = []
  for (const { value, path } of entries) {
    if (typeof value !== 'string') continue

    const first = firstSeen.get(value)
    if (first === undefined) {
      firstSeen.set(value, path)
      continue
    }

    const message = `duplicate ${what} "${value}": ${toPointer(first)} already has it; rename one`
    issues.push({ path, code: 'duplicate-id', message })
  }

  return issues
}

// An unquoted account id reads as a number. The schema reports that; its
// users and roles still count here, so their uses are not reported as well.
function accountIdOf(value: unknown): string | undefined {
  return Number.isSafeInteger(value) ? String(value) : textOf(value)
}

function namesIn(account: unknown, kind: 'users' | 'roles'): string[] {
  const identities = itemsOf(fieldOf(account, kind))

  return uniqueTexts(identities.map((identity) => fieldOf(identity, 'name')))
}

function uniqueTexts(values: readonly unknown[]): string[] {
  return [...new Set(values.filter((value): value is string => typeof value === 'string'))]
}
