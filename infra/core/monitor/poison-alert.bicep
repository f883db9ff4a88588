// An operator hears of a message that could not be processed within the hour: every 15 minutes a log search
// counts the app's log lines that name a -poison queue (the pipeline's own "Moved a message from x to
// x-poison: reason" and the Functions host's "Moving message to queue 'x-poison'"), and any hit emails the
// action group. `pulse poison list` then shows each message with its reason and age (docs/OPERATIONS.md, Troubleshooting).

@description('Region of the alert rule: the Application Insights component\'s.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Suffix of the rule and action group names.')
param nameSuffix string

@description('Application Insights component the Functions app logs to.')
param applicationInsightsName string

@description('Address that receives the alert. Empty: the subscription\'s Owners, at the email of their Azure account.')
param operatorEmail string = ''

// Owner: emailed when no address is given, so the alert reaches someone without a new required parameter.
var ownerRoleId = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource operators 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-${nameSuffix}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'pulse-ops'
    enabled: true
    emailReceivers: empty(operatorEmail)
      ? []
      : [
          {
            name: 'operator'
            emailAddress: operatorEmail
            useCommonAlertSchema: true
          }
        ]
    armRoleReceivers: empty(operatorEmail)
      ? [
          {
            name: 'subscription-owners'
            roleId: ownerRoleId
            useCommonAlertSchema: true
          }
        ]
      : []
  }
}

resource poisonAlert 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: 'alert-${nameSuffix}-poison'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'PulsePipeline: a queue message was moved to a -poison queue'
    description: 'A message could not be processed and waits in a -poison queue. See its reason and age with `pulse poison list`, fix the cause, then `pulse poison requeue` or `discard`.'
    severity: 2
    enabled: true
    scopes: [
      applicationInsights.id
    ]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: 'traces | where message contains "-poison"'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: false
    actions: {
      actionGroups: [
        operators.id
      ]
    }
  }
}

output alertRuleName string = poisonAlert.name
