#!/usr/bin/env bash
# Installs what is missing, builds, and starts mitreden with the demo consultation:
# the widget server on 127.0.0.1:8080 and a demo ministry page (another origin) on :8081.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
scripts/build.sh release

exec target/server/mitreden-server serve \
  --addr "${MITREDEN_ADDR:-127.0.0.1:8080}" \
  --database "${MITREDEN_DATABASE:-data/mitreden.db}" \
  --widget-dir dist \
  --dashboard-dir dashboard/dist \
  --notices "${MITREDEN_NOTICES:-server/seed/notices.json}" \
  --demo-page-addr "${MITREDEN_DEMO_PAGE_ADDR:-127.0.0.1:8081}"
