#!/usr/bin/env bash
# Turns the example suite's summaries (target/example-suite-<backend>.txt, written by SuiteSummary)
# into BENCH lines: the embedded run's test-method time, and Kafka's and ElasticMQ's test-method
# time plus their broker's start, each and together.
set -euo pipefail
dir="$1"
measured() { # backend -> "methods broker-start warm-up"
  sed -n 's/^  measured: methods=\([0-9.]*\) broker-start=\([0-9.]*\) warm-up=\([0-9.]*\)$/\1 \2 \3/p' \
    "$dir/example-suite-$1.txt"
}
read -r embedded _ warm <<<"$(measured embedded)"
read -r kafka kafka_start kafka_warm <<<"$(measured kafka)"
read -r sqs sqs_start sqs_warm <<<"$(measured sqs)"
echo "# example suite: embedded goal <= 2 s of test methods; brokers goal <= 30 s with broker starts"
echo "BENCH example-suite-wall $embedded s"
echo "BENCH example-suite-warm-up $warm s"
awk -v m="$kafka" -v s="$kafka_start" -v w="$kafka_warm" \
  'BEGIN { printf "BENCH example-suite-wall-kafka %.3f s\n", m + s + w }'
awk -v m="$sqs" -v s="$sqs_start" -v w="$sqs_warm" \
  'BEGIN { printf "BENCH example-suite-wall-sqs %.3f s\n", m + s + w }'
awk -v a="$kafka" -v b="$kafka_start" -v c="$kafka_warm" -v d="$sqs" -v e="$sqs_start" -v f="$sqs_warm" \
  'BEGIN { printf "BENCH example-suite-wall-brokers %.3f s\n", a + b + c + d + e + f }'
