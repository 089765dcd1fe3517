# Shared by the acceptance scripts (sourced, not run): PASS/FAIL reporting, a work folder removed on
# exit unless KEEP=1, and a Release build of the CLI into "$work/bin". The caller sets $repo and $work.

failures=0

say()  { printf '%s\n' "$*"; }
pass() { printf 'PASS  %s\n' "$*"; }
fail() { printf 'FAIL  %s\n' "$*"; failures=$((failures + 1)); }
check() { local what="$1"; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }

cleanup() { if [[ "${KEEP:-0}" != 1 ]]; then rm -rf "$work"; else say "kept $work"; fi; }
trap cleanup EXIT

# Builds the CLI (Release) into "$work/bin" and sets rp to the command that runs it; exits 2 with the
# build log when the build fails.
build_cli() {
  dotnet build "$repo/src/ReportParser.Cli/ReportParser.Cli.csproj" -c Release -o "$work/bin" -v quiet -nologo >"$work/build.log" 2>&1 \
    || { cat "$work/build.log"; say "build failed"; exit 2; }
  rp=(dotnet "$work/bin/reportparser.dll")
}

# The fault scripts' kill: kill_at_random_point PID RUN STEP BEFORE COUNTER UNIT. Every fifth RUN (or a STEP
# of 0) is killed during start-up, after 0-250 ms; the others once the function COUNTER reports BEFORE + STEP
# (outputs or records written), so the kill lands while outputs are being written. SIGKILL, then waits for
# PID. Sets $point and $state (killed or finished) and counts kills in $killed.
kill_at_random_point() {
  local pid=$1 run=$2 step=$3 before=$4 counter=$5 unit=$6
  if (( run % 5 == 0 || step == 0 )); then
    point="start-up"
    sleep "$(awk -v ms=$(( RANDOM % 250 )) 'BEGIN { printf "%.3f", ms / 1000 }')"
  else
    point="+$step $unit"
    for _ in $(seq 1 6000); do
      (( $("$counter") >= before + step )) && break
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.01
    done
  fi
  if kill -KILL "$pid" 2>/dev/null; then killed=$((killed + 1)); state=killed; else state=finished; fi
  wait "$pid" 2>/dev/null
}
