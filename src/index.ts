// The programmatic API of kms-sandbox, for scripts, trainers and tests.
export * from './policy'
