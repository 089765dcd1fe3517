# Shared by the acceptance scripts (sourced, not run): PASS/FAIL reporting, a work folder removed on
# exit unless KEEP=1, and a Release build of the CLI into "$work/bin". The caller sets $repo and $work.

failures=0

say()  { printf '%s\n' "$*"; }
pass() { printf 'PASS  %s\n' "$*"; }
fail() { printf 'FAIL  %s\n' "$*"; failures=$((failures + 1)); }
check() { local what="$1"; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }

cleanup() { if [[ "${KEEP:-0}" != 1 ]]; then rm -rf "$work"; else say "kept $work"; fi; }
trap cleanup EXIT

# Builds the CLI (Release) into "$work/bin"; exits 2 with the build log when the build fails.
build_cli() {
  dotnet build "$repo/src/ReportParser.Cli/ReportParser.Cli.csproj" -c Release -o "$work/bin" -v quiet -nologo >"$work/build.log" 2>&1 \
    || { cat "$work/build.log"; say "build failed"; exit 2; }
}
