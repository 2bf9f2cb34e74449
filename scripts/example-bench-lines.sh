#!/usr/bin/env bash
# Turns the example suite's summaries (target/example-suite-<backend>.txt, written by SuiteSummary)
# into BENCH lines: the embedded run's test-method time, and Kafka's and ElasticMQ's test-method
# time plus their broker's start, each and together.
set -euo pipefail
dir="$1"
measured() { # backend -> "methods broker-start"
  sed -n 's/^  measured: methods=\([0-9.]*\) broker-start=\([0-9.]*\)$/\1 \2/p' "$dir/example-suite-$1.txt"
}
read -r embedded _ <<<"$(measured embedded)"
read -r kafka kafka_start <<<"$(measured kafka)"
read -r sqs sqs_start <<<"$(measured sqs)"
echo "# example suite: embedded goal <= 2 s of test methods; brokers goal <= 30 s with broker starts"
echo "BENCH example-suite-wall $embedded s"
awk -v m="$kafka" -v s="$kafka_start" 'BEGIN { printf "BENCH example-suite-wall-kafka %.3f s\n", m + s }'
awk -v m="$sqs" -v s="$sqs_start" 'BEGIN { printf "BENCH example-suite-wall-sqs %.3f s\n", m + s }'
awk -v a="$kafka" -v b="$kafka_start" -v c="$sqs" -v d="$sqs_start" \
  'BEGIN { printf "BENCH example-suite-wall-brokers %.3f s\n", a + b + c + d }'
