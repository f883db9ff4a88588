# Set-up steps shared by ./pulse and ./test.sh; each does nothing when already done. Sourced, not run.

pulse_cli_dll="$root/tools/PulsePipeline.Cli/bin/Release/net10.0/pulse.dll"

say() { printf '[pulse] %s\n' "$*" >&2; }

# Builds the CLI when any source, project or props file it is built from (the domain and the shipped shift model,
# the pipeline, the workspace pages, the local host, the laboratory, test support) is newer than the last build.
ensure_cli_built() {
  if [[ -f "$pulse_cli_dll" ]] && [[ -z $(find "$root/models" "$root/functions/PulsePipeline.Pipeline" "$root/functions/PulsePipeline.Workspace" \
      "$root/tools" "$root/tests/PulsePipeline.TestSupport" "$root"/Directory.*.props "$root/global.json" -newer "$pulse_cli_dll" \
      \( -name '*.cs' -o -name '*.razor' -o -name '*.csproj' -o -name '*.props' -o -name '*.json' -o -name '*.zip' \) \
      -not -path '*/bin/*' -not -path '*/obj/*' -print -quit) ]]; then
    return
  fi
  say "building the CLI (Release)…"
  local log="$root/.pulse/build.log"
  mkdir -p "$root/.pulse"
  if ! dotnet build "$root/tools/PulsePipeline.Cli/PulsePipeline.Cli.csproj" -c Release --nologo -tl:off >"$log" 2>&1; then
    grep -E 'error|warning' "$log" | sort -u >&2 || cat "$log" >&2
    say "build failed (full log: $log)"
    return 1
  fi
}

# Azurite from the lockfile, smtp4dev from the tool manifest.
ensure_services_installed() {
  if [[ ! -x "$root/node_modules/.bin/azurite" ]]; then
    say "installing Azurite (npm ci)…"
    (cd "$root" && npm ci --no-audit --no-fund --loglevel=error >&2)
  fi
  if ! (cd "$root" && dotnet tool list --local 2>/dev/null | grep -q smtp4dev) || ! (cd "$root" && dotnet smtp4dev --help >/dev/null 2>&1); then
    say "restoring smtp4dev (dotnet tool restore)…"
    (cd "$root" && dotnet tool restore >&2)
  fi
}

# A first run gets local.settings.json from the committed sample (it is git-ignored: yours to edit).
ensure_local_settings() {
  if [[ ! -f "$root/local.settings.json" ]]; then
    cp "$root/local.settings.sample.json" "$root/local.settings.json"
    say "created local.settings.json from local.settings.sample.json"
  fi
}
