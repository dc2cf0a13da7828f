// Production: at least two instances behind App Service's load balancer (they share PostgreSQL;
// one instance at a time delivers the outbox), geo-redundant backups, longer retention.
using './azure.bicep'

param resourceBaseName = readEnvironmentVariable('RESOURCE_BASE_NAME', 'mdobot')
param appServiceSku = 'P1v3'
param instanceCount = 2
param additionalAllowedTenants = []
param graphSenderMailbox = readEnvironmentVariable('GRAPH_SENDER_MAILBOX', '')
param postgresSku = {
  name: 'Standard_D2ds_v5'
  tier: 'GeneralPurpose'
}
param postgresBackupRetentionDays = 35
param postgresGeoRedundantBackup = true
param logRetentionDays = 90
