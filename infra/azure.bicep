// MdoBot's production footprint in one resource group (Microsoft 365 Agents Toolkit layout:
// this file + azure.parameters.<env>.bicepparam, deployed by m365agents.yml's arm/deploy step or by
// `az deployment group create`). No secret is used: the bot, Graph and PostgreSQL all authenticate
// with the user-assigned managed identity, so there is no Key Vault.
targetScope = 'resourceGroup'

@description('Short name used as the prefix of every resource (letters, digits, hyphens).')
@minLength(3)
@maxLength(20)
param resourceBaseName string

@description('Azure region of the resources.')
param location string = resourceGroup().location

@description('App Service plan SKU (P0v3 or higher in production: always-on and several instances).')
@allowed(['B1', 'S1', 'P0v3', 'P1v3', 'P2v3'])
param appServiceSku string = 'P0v3'

@description('Number of App Service instances (at least 2 in production).')
@minValue(1)
@maxValue(10)
param instanceCount int = 2

@description('Entra tenant ids MdoBot serves besides its home tenant (Security:AllowedTenants; at most 3).')
@maxLength(3)
param additionalAllowedTenants string[] = []

@description('Mailbox (UPN) MdoBot sends summaries from through Graph (Mail.Send); empty = no e-mail.')
param graphSenderMailbox string = ''

@description('PostgreSQL flexible server SKU name and tier.')
param postgresSku object = {
  name: 'Standard_B1ms'
  tier: 'Burstable'
}

@description('Days PostgreSQL keeps point-in-time backups (7-35).')
@minValue(7)
@maxValue(35)
param postgresBackupRetentionDays int = 14

@description('Geo-redundant PostgreSQL backups (production).')
param postgresGeoRedundantBackup bool = false

@description('Days Log Analytics keeps logs and traces.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

var tenantId = tenant().tenantId
var names = {
  identity: '${resourceBaseName}-id'
  logs: '${resourceBaseName}-logs'
  insights: '${resourceBaseName}-ai'
  plan: '${resourceBaseName}-plan'
  site: '${resourceBaseName}-app'
  bot: '${resourceBaseName}-bot'
  postgres: '${resourceBaseName}-pg'
}
var databaseName = 'mdobot'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    workspaceName: names.logs
    insightsName: names.insights
    retentionDays: logRetentionDays
  }
}

module postgres 'modules/postgres.bicep' = {
  name: 'postgres'
  params: {
    location: location
    serverName: names.postgres
    databaseName: databaseName
    sku: postgresSku
    backupRetentionDays: postgresBackupRetentionDays
    geoRedundantBackup: postgresGeoRedundantBackup
    tenantId: tenantId
    principalName: identity.name
    principalObjectId: identity.properties.principalId
  }
}

module web 'modules/webapp.bicep' = {
  name: 'webapp'
  params: {
    location: location
    planName: names.plan
    siteName: names.site
    sku: appServiceSku
    instanceCount: instanceCount
    identityId: identity.id
    appSettings: {
      Bot__AppId: identity.properties.clientId
      Bot__TenantId: tenantId
      Bot__CredentialKind: 'ManagedIdentity'
      Bot__ManagedIdentityClientId: identity.properties.clientId
      Storage__Provider: 'postgres'
      Storage__PostgresConnectionString: 'Host=${postgres.outputs.host};Database=${databaseName};Username=${identity.name};Ssl Mode=Require'
      Storage__PostgresAuthentication: 'Entra'
      Storage__PostgresManagedIdentityClientId: identity.properties.clientId
      Security__AllowedTenants__0: tenantId
      // Extra tenants (an empty entry is ignored by MdoBot).
      Security__AllowedTenants__1: length(additionalAllowedTenants) >= 1 ? additionalAllowedTenants[0] : ''
      Security__AllowedTenants__2: length(additionalAllowedTenants) >= 2 ? additionalAllowedTenants[1] : ''
      Security__AllowedTenants__3: length(additionalAllowedTenants) >= 3 ? additionalAllowedTenants[2] : ''
      Graph__SenderMailbox: graphSenderMailbox
      Graph__TenantId: tenantId
      Graph__ClientId: identity.properties.clientId
      Graph__CredentialKind: empty(graphSenderMailbox) ? 'None' : 'ManagedIdentity'
      Graph__ManagedIdentityClientId: identity.properties.clientId
      Mdo__PublicBaseUrl: 'https://${names.site}.azurewebsites.net'
      Telemetry__AzureMonitorConnectionString: monitoring.outputs.connectionString
      Telemetry__ServiceName: 'MdoBot'
    }
  }
}


module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    botName: names.bot
    displayName: 'MdoBot'
    appId: identity.properties.clientId
    tenantId: tenantId
    identityId: identity.id
    endpoint: 'https://${web.outputs.hostName}/api/messages'
  }
}

@description('Microsoft App ID of the bot (the manifest\'s BOT_ID).')
output BOT_ID string = identity.properties.clientId

@description('Host name of the web app (the manifest\'s BOT_DOMAIN).')
output BOT_DOMAIN string = web.outputs.hostName

@description('Name of the web app (the deploy step\'s target).')
output AZURE_WEB_APP_NAME string = names.site

@description('Resource id of the web app.')
output AZURE_WEB_APP_RESOURCE_ID string = web.outputs.siteId

@description('PostgreSQL server host.')
output POSTGRES_HOST string = postgres.outputs.host
