// Development environment: one small instance, short retention. Values that differ per tenant come
// from the environment (env/.env.dev, filled in by the toolkit or by hand); none is a secret.
using './azure.bicep'

param resourceBaseName = readEnvironmentVariable('RESOURCE_BASE_NAME', 'mdobot-dev')
param appServiceSku = 'B1'
param instanceCount = 1
param additionalAllowedTenants = []
param graphSenderMailbox = readEnvironmentVariable('GRAPH_SENDER_MAILBOX', '')
param postgresBackupRetentionDays = 7
param logRetentionDays = 30
