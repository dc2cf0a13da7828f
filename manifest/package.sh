#!/usr/bin/env bash
# Builds the MdoBot Teams app package (manifest.json + color.png + outline.png in a zip).
#
# Required environment variables:
#   TEAMS_APP_ID  GUID of the Teams app (the manifest "id")
#   BOT_ID        GUID of the bot's Entra app registration (Microsoft App ID)
#   BOT_DOMAIN    bare host name where the bot is reachable, e.g. mdobot.example.org
# Optional:
#   PACKAGE_OUT_DIR  output directory (default: manifest/build)
#   --env NAME       read the three variables from env/.env.NAME and env/.env.NAME.user (the Agents
#                    Toolkit's environment files; the .user file wins, variables already set win over both).
#                    MDOBOT_ENV_DIR overrides the env/ folder.
#
# Output: $PACKAGE_OUT_DIR/mdobot-teams-app.zip
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out_dir="${PACKAGE_OUT_DIR:-$here/build}"
zip_name="mdobot-teams-app.zip"

fail() {
    echo "package.sh: $*" >&2
    exit 1
}

# Values from the toolkit's environment files: only the three names, read as data (never sourced).
if [ "${1:-}" = "--env" ]; then
    env_name="${2:-}"
    [[ "$env_name" =~ ^[A-Za-z0-9_-]+$ ]] || fail "--env needs an environment name such as dev, got '$env_name'"
    env_dir="${MDOBOT_ENV_DIR:-$here/../env}"
    [ -f "$env_dir/.env.$env_name" ] || fail "no environment file $env_dir/.env.$env_name"
    declare -A from_file=()
    for file in "$env_dir/.env.$env_name" "$env_dir/.env.$env_name.user"; do
        [ -f "$file" ] || continue
        while IFS= read -r line || [ -n "$line" ]; do
            if [[ "$line" =~ ^(TEAMS_APP_ID|BOT_ID|BOT_DOMAIN)=(.*)$ ]]; then
                from_file[${BASH_REMATCH[1]}]="${BASH_REMATCH[2]}"
            fi
        done < "$file"
    done
    for name in TEAMS_APP_ID BOT_ID BOT_DOMAIN; do
        if [ -z "${!name:-}" ] && [ -n "${from_file[$name]:-}" ]; then
            printf -v "$name" '%s' "${from_file[$name]}"
        fi
    done
fi

missing=()
for name in TEAMS_APP_ID BOT_ID BOT_DOMAIN; do
    [ -n "${!name:-}" ] || missing+=("$name")
done
[ ${#missing[@]} -eq 0 ] || fail "missing environment variable(s): ${missing[*]} (see manifest/README.md)"

guid_re='^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$'
[[ "$TEAMS_APP_ID" =~ $guid_re ]] || fail "TEAMS_APP_ID must be a GUID, got '$TEAMS_APP_ID'"
[[ "$BOT_ID" =~ $guid_re ]] || fail "BOT_ID must be a GUID, got '$BOT_ID'"

# A bare host name: dot-separated labels of letters, digits and inner hyphens; no scheme, port or path.
host_re='^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$'
[[ "$BOT_DOMAIN" =~ $host_re && ${#BOT_DOMAIN} -le 253 ]] \
    || fail "BOT_DOMAIN must be a bare host name such as mdobot.example.org (no https://, port or path), got '$BOT_DOMAIN'"

command -v python3 >/dev/null 2>&1 || fail "python3 is required"

for file in manifest.json color.png outline.png; do
    [ -f "$here/$file" ] || fail "missing $here/$file"
done

mkdir -p "$out_dir"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Substitute the placeholders into a temporary copy; the values are validated above,
# so they contain no characters that are special to sed.
sed -e "s/\${{TEAMS_APP_ID}}/$TEAMS_APP_ID/g" \
    -e "s/\${{BOT_ID}}/$BOT_ID/g" \
    -e "s/\${{BOT_DOMAIN}}/$BOT_DOMAIN/g" \
    "$here/manifest.json" > "$work/manifest.json"

if grep -q '\${{' "$work/manifest.json"; then
    fail "unsubstituted placeholder left in manifest.json: $(grep -o '\${{[A-Z_]*}}' "$work/manifest.json" | sort -u | tr '\n' ' ')"
fi

cp "$here/color.png" "$here/outline.png" "$work/"

python3 - "$work" "$out_dir/$zip_name" <<'PY'
import os
import sys
import zipfile

src, dest = sys.argv[1], sys.argv[2]
tmp = dest + ".tmp"
with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
    for name in ("manifest.json", "color.png", "outline.png"):
        archive.write(os.path.join(src, name), arcname=name)
os.replace(tmp, dest)
PY

echo "wrote $out_dir/$zip_name"
