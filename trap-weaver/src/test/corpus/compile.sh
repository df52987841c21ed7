#!/usr/bin/env bash
# Compiles the corpus into ../resources/corpus/javaN for N in 8 11 17 21 25, each release with the
# sources of its level and all lower ones. Needs a JDK 25 (JDK25_HOME, default Temurin's path).
# The class files are committed, like ASM's precompiled test classes: the build then needs no
# JDK 25 to weave and verify them, only to run the newest ones.
set -euo pipefail
cd "$(dirname "$0")"
javac="${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/javac"
out=../resources/corpus
levels=(8 11 17 21 25)
# Debug information varies by level, so parameter names come from each source the weaver knows:
# the local variable table (-g), MethodParameters (-parameters), both, or neither.
flags=("-g" "-parameters" "-g -parameters" "" "-g")
for i in "${!levels[@]}"; do
  release=${levels[$i]}
  sources=()
  for lower in "${levels[@]:0:$((i + 1))}"; do
    while IFS= read -r file; do sources+=("$file"); done < <(find "java$lower" -name '*.java' | sort)
  done
  rm -rf "$out/java$release"
  mkdir -p "$out/java$release"
  # shellcheck disable=SC2086
  "$javac" -nowarn -Xlint:-options ${flags[$i]} --release "$release" -d "$out/java$release" "${sources[@]}"
done
# Kotlin output, compiled by kotlin/pom.xml (kotlinc from Maven Central) when KOTLIN=1.
if [ "${KOTLIN:-0}" = 1 ]; then
  (cd kotlin && ../../../../../mvnw -q -B package)
fi
if [ -d kotlin/target/classes ]; then
  rm -rf "$out/kotlin"
  mkdir -p "$out/kotlin"
  cp -r kotlin/target/classes/corpus "$out/kotlin/"
fi
find "$out" -name '*.class' | wc -l | xargs echo "class files:"
