import { expect } from 'vitest'

import { createSandbox, KmsError, type KmsErrorCode, type Sandbox } from '../../src/keystore'

/** The AWS documentation's account, which owns the keys in most tests. */
export const accountA = '111122223333'
/** The AWS documentation's external account. */
export const accountB = '444455556666'

/** The ARN of an IAM user in account A (or another account). */
export function userArn(name: string, account = accountA): string {
  return `arn:aws:iam::${account}:user/${name}`
}

/** The ARN of an IAM role in account A (or another account). */
export function roleArn(name: string, account = accountA): string {
  return `arn:aws:iam::${account}:role/${name}`
}

/** The account principal ARN. */
export function rootArn(account = accountA): string {
  return `arn:aws:iam::${account}:root`
}

/** An identity policy allowing `actions` on `resource`, as JSON text. */
export function allowPolicy(actions: string | readonly string[], resource = '*'): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: actions, Resource: resource }],
  })
}

/** A key policy of the given statements, as JSON text. */
export function keyPolicy(...statements: readonly object[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements })
}

/** A key-policy statement allowing `principals` the `actions`. */
export function allow(
  principals: string | readonly string[],
  actions: string | readonly string[],
  sid?: string,
) {
  return {
    ...(sid ? { Sid: sid } : {}),
    Effect: 'Allow',
    Principal: { AWS: principals },
    Action: actions,
    Resource: '*',
  }
}

/**
 * A sandbox with users in account A: Alice administers KMS through an IAM
 * policy allowing kms:*, Bob and Carol have no policies.
 */
export async function world(): Promise<Sandbox> {
  const sandbox = createSandbox()
  const iam = sandbox.iam(accountA)

  await iam.createUser({ UserName: 'Alice' })
  await iam.putUserPolicy({
    UserName: 'Alice',
    PolicyName: 'kms-admin',
    PolicyDocument: allowPolicy('kms:*'),
  })
  await iam.createUser({ UserName: 'Bob' })
  await iam.createUser({ UserName: 'Carol' })

  return sandbox
}

/** Awaits a call expected to fail and returns its KmsError after checking the code. */
export async function expectKmsError(
  call: Promise<unknown>,
  code: KmsErrorCode,
): Promise<KmsError> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  )

  expect(error, `expected ${code}`).toBeInstanceOf(KmsError)
  expect((error as KmsError).code).toBe(code)

  return error as KmsError
}

/** UTF-8 bytes of a string. */
export function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text)
}
