#!/usr/bin/env bash
# How much longer the released test suites in it/ (commons-lang3, commons-codec) take on their
# woven classes, with no interceptor at all, than on their original classes: the cost a project
# pays for being woven. Each round runs both Surefire executions of each project, in an order
# that alternates from round to round; the suite time is the sum of Surefire's per-class times
# (JVM start-up and Maven excluded), the wall time that of the whole Maven invocation.
#
# Needs the projects built once by the integration tests, which leave them woven in
# it/target/it/ (about five minutes):
#   ./mvnw -q install -DskipTests
#   ./mvnw -pl it verify -Dinvoker.test=real-commons-lang3,real-commons-codec
# then, with no other build on the machine:
#   benchmarks/real-suites.sh [rounds]          # default 3
set -euo pipefail
shopt -s inherit_errexit
root=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:-3}
repo="$root/it/target/local-repo"
# The settings the integration tests build with (it/src/it/settings.xml), interpolated as the
# invoker does: their isolated repository names its origin, and Maven checks it.
settings=$(mktemp)
trap 'rm -f "$settings"' EXIT
user_repo=${TRAP_USER_REPOSITORY:-$HOME/.m2/repository}
sed "s|@localRepositoryUrl@|file://$user_repo|" "$root/it/src/it/settings.xml" > "$settings"

suite_seconds() { # the sum of the testsuite times in one reports folder
  python3 - "$1" <<'EOF'
import glob, sys, xml.etree.ElementTree as ET
print(sum(float(ET.parse(f).getroot().get('time', '0').replace(',', ''))
          for f in glob.glob(sys.argv[1] + '/TEST-*.xml')))
EOF
}

run() { # project execution reports-folder: prints "suite-seconds wall-seconds"
  local dir="$root/it/target/it/$1"
  local start end
  start=$(date +%s.%N)
  "$root/mvnw" -o -q -B -s "$settings" -f "$dir/pom.xml" -Dmaven.repo.local="$repo" \
      -Dtrap.it.countFile.woven= -Dtrap.it.countFile.unwoven= $2 >&2
  end=$(date +%s.%N)
  echo "$(suite_seconds "$dir/target/$3") $(echo "$end - $start" | bc)"
}

for project in real-commons-lang3 real-commons-codec; do
  if [ ! -d "$root/it/target/it/$project/target/original-classes" ]; then
    echo "it/target/it/$project is not built: see the comment at the top of $0" >&2
    exit 1
  fi
  echo "$project, $rounds rounds (suite seconds, wall seconds):"
  ratios=()
  for round in $(seq 1 "$rounds"); do
    if [ $((round % 2)) -eq 1 ]; then
      unwoven=$(run "$project" surefire:test@unwoven surefire-reports-unwoven)
      woven=$(run "$project" "trap:weave surefire:test@default-test" surefire-reports)
    else
      woven=$(run "$project" "trap:weave surefire:test@default-test" surefire-reports)
      unwoven=$(run "$project" surefire:test@unwoven surefire-reports-unwoven)
    fi
    ratio=$(echo "scale=3; ${woven%% *} / ${unwoven%% *}" | bc)
    ratios+=("$ratio")
    echo "  round $round: unwoven $unwoven, woven $woven, woven / unwoven (suite) $ratio"
  done
  echo "  woven / unwoven per round: ${ratios[*]}"
done
