#!/usr/bin/env bash
# Producer benchmark (issue 5): the publish path against a bare KafkaProducer sending the same
# bytes, in one run, on an embedded broker. Not part of `mvn verify`.
#   producer/publish-benchmark.sh --docs 100000                          # generated pages
#   producer/publish-benchmark.sh --corpus ../shared/corpus/wcxb-dev/html # real pages (.html.gz)
#   producer/publish-benchmark.sh --docs 100000 --compression zstd
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -B -q -ntp -pl producer -am -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=test >&2
exec java ${BENCHMARK_JAVA_OPTS:--Xmx3g} \
  -cp "producer/target/test-classes:producer/target/classes:$(cat producer/target/benchmark.classpath)" \
  news.pipeline.producer.bench.PublishBenchmark "$@"
