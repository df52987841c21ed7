#!/usr/bin/env bash
# What being woven costs a real test suite: the released test suites in it/ (commons-lang3,
# commons-codec, commons-io) run on their woven classes, with no interceptor at all, against the
# same suites on their original classes; and the same again with JaCoCo's agent in both runs,
# where Trap weaves as an agent too, as in most real builds. Measured as the CPU time of the test
# JVM (all its threads, the JIT's and the collector's too), which CountingSessionListener writes
# when the launcher session closes: wall time swings with the suites' sleeps and the machine's
# load. Each round runs both Surefire executions of a project, in an order that alternates from
# round to round; the script prints each round's ratio and the median.
#
# Needs the projects built once by the integration tests, which leave them woven in
# it/target/it/ (about ten minutes):
#   ./mvnw -q install -DskipTests
#   ./mvnw -pl it verify -Dinvoker.test=real-commons-lang3,real-commons-codec,real-commons-io
# then, with no other build on the machine:
#   benchmarks/real-suites.sh [rounds] [project ...]     # default 5 rounds, all three projects
set -euo pipefail
shopt -s inherit_errexit
root=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:-5}
shift || true
projects=("$@")
if [ ${#projects[@]} -eq 0 ]; then
  projects=(real-commons-lang3 real-commons-codec real-commons-io)
fi
repo="$root/it/target/local-repo"
jacoco_version=$(sed -n 's:.*<it.jacoco.version>\(.*\)</it.jacoco.version>.*:\1:p' "$root/it/pom.xml")
# The settings the integration tests build with (it/src/it/settings.xml), interpolated as the
# invoker does: their isolated repository names its origin, and Maven checks it.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
user_repo=${TRAP_USER_REPOSITORY:-$HOME/.m2/repository}
sed "s|@localRepositoryUrl@|file://$user_repo|" "$root/it/src/it/settings.xml" > "$work/settings.xml"

run() { # project goals: prints the test JVM's CPU seconds; its other figures go to stderr
  local dir="$root/it/target/it/$1"
  rm -f "$work/cpu"
  "$root/mvnw" -o -q -B -s "$work/settings.xml" -f "$dir/pom.xml" -Dmaven.repo.local="$repo" \
      -Dtrap.it.countFile.woven= -Dtrap.it.countFile.unwoven= -Dtrap.it.cpuFile="$work/cpu" \
      $2 >&2
  python3 - "$work/cpu" "$2" <<'EOF'
import sys
figures = dict(line.split("=") for line in open(sys.argv[1]).read().split())
print("    %-45s cpu %6.1f s, JIT %6.1f s, GC %5.1f s, %s classes" % (sys.argv[2][-45:],
      int(figures["cpuNanos"]) / 1e9, int(figures["compileMillis"]) / 1e3,
      int(figures["gcMillis"]) / 1e3, figures["loadedClasses"]), file=sys.stderr)
print(int(figures["cpuNanos"]) / 1e9)
EOF
}

median() {
  python3 -c 'import sys, statistics; print("%.3f" % statistics.median(map(float, sys.argv[1:])))' "$@"
}

for project in "${projects[@]}"; do
  if [ ! -d "$root/it/target/it/$project/target/original-classes" ]; then
    echo "it/target/it/$project is not built: see the comment at the top of $0" >&2
    exit 1
  fi
  for setup in plain jacoco; do
    agent=""
    if [ "$setup" = jacoco ]; then
      agent="org.jacoco:jacoco-maven-plugin:$jacoco_version:prepare-agent"
    fi
    echo "$project, $setup, $rounds rounds (test JVM CPU seconds):"
    ratios=()
    for round in $(seq 1 "$rounds"); do
      if [ $((round % 2)) -eq 1 ]; then
        unwoven=$(run "$project" "$agent surefire:test@unwoven")
        woven=$(run "$project" "$agent trap:weave surefire:test@default-test")
      else
        woven=$(run "$project" "$agent trap:weave surefire:test@default-test")
        unwoven=$(run "$project" "$agent surefire:test@unwoven")
      fi
      ratio=$(echo "scale=3; $woven / $unwoven" | bc)
      ratios+=("$ratio")
      echo "  round $round: unwoven $unwoven, woven $woven, woven / unwoven $ratio"
    done
    echo "  $project $setup: median woven / unwoven $(median "${ratios[@]}") (rounds: ${ratios[*]})"
  done
done
