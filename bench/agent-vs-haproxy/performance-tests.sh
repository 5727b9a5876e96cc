#!/usr/bin/env bash
# CI's performance step for the agent: the @Tag("performance") tests (idle connections held, agent RSS checked)
# with the descriptor limit raised to the hard limit first. Here the hard limit is 20,000 per process: 9,000
# proxied connections fit (2 descriptors each in the agent and in the test JVM); 10,000 need more and are skipped.
set -euo pipefail
cd "$(dirname "$0")/../.."
ulimit -n "$(ulimit -Hn)"
exec mvn -B -o -pl agent test -Dgroups=performance
