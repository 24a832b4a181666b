#!/usr/bin/env bash
# What the NmiGate target adds to `dotnet build` (benchmarks/README.md, section "MSBuild task overhead").
# usage: measure-build-overhead.sh GATE_FOLDER [RUNS]
#   GATE_FOLDER holds nmigate.yml, its model, data and registry, e.g. the check benchmark's workspace
#   ($TMPDIR/nmigate-bench-check-1000000x20-k10-v1, made by the CheckBenchmarks run).
# Packs NmiGate.MSBuild, builds a blank net10.0 class library that references it and gates on a copy
# of GATE_FOLDER's config, model and registry (the data file is read in place), then times, RUNS
# times each and interleaved:
#   up-to-date build with the gate disabled / enabled (incremental skip + replay) / enabled out of proc;
#   build after a model change (full evaluation) / `nmigate check` on the same inputs.
# No node reuse, no MSBuild server: every build is a cold `dotnet build`, as in CI.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../../.." && pwd)"
gate="$(cd "$1" && pwd)"
runs="${2:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export NUGET_PACKAGES="$work/nuget"

dotnet build "$repo/src/NmiGate.Task" -c Release -nodeReuse:false >/dev/null
dotnet build "$repo/src/NmiGate.Action" -c Release -nodeReuse:false >/dev/null
dotnet pack "$repo/src/NmiGate.Task" -c Release --no-build -o "$work/packages" -nodeReuse:false >/dev/null
version="$(basename "$work"/packages/NmiGate.MSBuild.*.nupkg .nupkg)"; version="${version#NmiGate.MSBuild.}"

app="$work/app"
mkdir -p "$app"
echo '<Project />' > "$work/Directory.Build.props"
echo '<Project />' > "$work/Directory.Build.targets"
echo '<Project />' > "$work/Directory.Packages.props"
cat > "$work/nuget.config" <<XML
<configuration>
  <packageSources><clear /><add key="local" value="$work/packages" /></packageSources>
</configuration>
XML
cat > "$app/app.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageReference Include="NmiGate.MSBuild" Version="$version" /></ItemGroup>
</Project>
XML
echo 'namespace App; public static class Marker { }' > "$app/Marker.cs"
model="$(sed -n 's/^  path: //p' "$gate/nmigate.yml" | head -n 1)"
data="$(sed -n 's/^  path: //p' "$gate/nmigate.yml" | sed -n 2p)"
cp "$gate/$model" "$app/model.zip"
cp -r "$gate/registry" "$app/registry"
sed -e "0,/^  path: .*/s||  path: model.zip|" -e "s|^  path: $data|  path: $gate/$data|" "$gate/nmigate.yml" > "$app/nmigate.yml"

cd "$app"
dotnet build -nodeReuse:false > "$work/first.log" || { cat "$work/first.log"; exit 1; }
grep -q "NmiGate: Gate" "$work/first.log" || { echo "the gate did not run"; cat "$work/first.log"; exit 1; }

ms() { local start end; start=$(date +%s%N); "$@" > /dev/null 2>&1 || true; end=$(date +%s%N); echo $(((end - start) / 1000000)); }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

: > "$work/off"; : > "$work/on"; : > "$work/oop"; : > "$work/full"; : > "$work/check"
for i in $(seq "$runs"); do
  ms dotnet build --no-restore -nodeReuse:false -p:NmiGateEnabled=false >> "$work/off"
  ms dotnet build --no-restore -nodeReuse:false >> "$work/on"
  ms dotnet build --no-restore -nodeReuse:false -p:NmiGateOutOfProc=true >> "$work/oop"
done
for i in $(seq "$runs"); do
  touch model.zip
  ms dotnet build --no-restore -nodeReuse:false >> "$work/full"
  ms dotnet "$repo/src/NmiGate.Action/bin/Release/net10.0/nmigate.dll" check --config nmigate.yml >> "$work/check"
done

for f in off on oop full check; do
  printf '%-6s median %6s ms   runs: %s\n' "$f" "$(median < "$work/$f")" "$(tr '\n' ' ' < "$work/$f")"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
