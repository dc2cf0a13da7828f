// Azure Database for PostgreSQL flexible server: Microsoft Entra authentication only (no password),
// the managed identity as a database principal, public access limited to Azure services (the web app's
// outbound addresses) by the 0.0.0.0 rule. Use private access (VNet integration) where policy asks for it.
param location string
param serverName string
param databaseName string
param sku object
param backupRetentionDays int
param geoRedundantBackup bool
param tenantId string
param principalName string
param principalObjectId string

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: serverName
  location: location
  sku: sku
  properties: {
    version: '16'
    storage: {
      storageSizeGB: 32
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: backupRetentionDays
      geoRedundantBackup: geoRedundantBackup ? 'Enabled' : 'Disabled'
    }
    authConfig: {
      activeDirectoryAuth: 'Enabled'
      passwordAuth: 'Disabled'
      tenantId: tenantId
    }
    network: {
      publicNetworkAccess: 'Enabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: server
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// The rule 0.0.0.0-0.0.0.0 admits connections from Azure services only (not the internet).
resource azureServices 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: server
  name: 'AllowAzureServices'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

// The managed identity becomes an Entra administrator: it signs in with an access token and owns the
// tables that MdoBot's migrations create.
resource admin 'Microsoft.DBforPostgreSQL/flexibleServers/administrators@2024-08-01' = {
  parent: server
  name: principalObjectId
  dependsOn: [database, azureServices]
  properties: {
    principalName: principalName
    principalType: 'ServicePrincipal'
    tenantId: tenantId
  }
}

output host string = server.properties.fullyQualifiedDomainName
