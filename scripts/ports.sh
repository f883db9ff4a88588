# Ports and state directory of the local services, overridable from the environment. Sourced by
# scripts/services.sh, ./pulse and ./test.sh. ./test.sh uses its own set so tests never touch a running demo.
: "${PULSE_SERVICES_DIR:=$root/.pulse/services}"
: "${PULSE_BLOB_PORT:=10000}"
: "${PULSE_QUEUE_PORT:=10001}"
: "${PULSE_TABLE_PORT:=10002}"
: "${PULSE_SMTP_PORT:=2525}"
: "${PULSE_SMTP4DEV_HTTP_PORT:=5081}"
: "${PULSE_HTTP_PORT:=7071}"
export PULSE_SERVICES_DIR PULSE_BLOB_PORT PULSE_QUEUE_PORT PULSE_TABLE_PORT PULSE_SMTP_PORT PULSE_SMTP4DEV_HTTP_PORT PULSE_HTTP_PORT

# Azurite's well-known development account key (public, documented by Microsoft; loopback only).
pulse_dev_account_key='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

# Exports the settings that point the pipeline at these local services; they override local.settings.json.
pulse_local_env() {
  export AzureWebJobsStorage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$pulse_dev_account_key;BlobEndpoint=http://127.0.0.1:$PULSE_BLOB_PORT/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$PULSE_QUEUE_PORT/devstoreaccount1;TableEndpoint=http://127.0.0.1:$PULSE_TABLE_PORT/devstoreaccount1;"
  export PULSE_SMTP_HOST=127.0.0.1 PULSE_SMTP_PORT PULSE_SMTP_STARTTLS=false
  export PULSE_SURVEY_BASE_URL="http://127.0.0.1:$PULSE_HTTP_PORT"
  export PULSE_SMTP4DEV_URL="http://127.0.0.1:$PULSE_SMTP4DEV_HTTP_PORT"
}
