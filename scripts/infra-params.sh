#!/usr/bin/env bash
# Compiles infra/azure.parameters.<env>.bicepparam to ARM JSON for `arm/deploy` (m365agents.yml) or
# `az deployment group create`. The Bicep CLI comes from NuGet through tools/BicepCli (no other download).
# Values read with readEnvironmentVariable() come from the environment (the toolkit loads env/.env.<env>).
# Usage: scripts/infra-params.sh <env>   Output: infra/build/azure.parameters.<env>.json
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
env_name="${1:-}"
[[ "$env_name" =~ ^[a-z0-9-]+$ ]] || { echo "infra-params.sh: give the environment name (dev, prod), got '$env_name'" >&2; exit 2; }
params="$root/infra/azure.parameters.$env_name.bicepparam"
[ -f "$params" ] || { echo "infra-params.sh: no parameter file $params" >&2; exit 2; }

dotnet build "$root/tools/BicepCli/BicepCli.csproj" -nologo -v q >/dev/null
bicep="$(dotnet msbuild "$root/tools/BicepCli/BicepCli.csproj" -getProperty:BicepPath)"
mkdir -p "$root/infra/build"
"$bicep" build-params "$params" --outfile "$root/infra/build/azure.parameters.$env_name.json"
echo "$root/infra/build/azure.parameters.$env_name.json"
