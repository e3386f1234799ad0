#!/usr/bin/env bash
# A local Keycloak with realm ttx (infra/keycloak/realm-ttx.json), started the way KeycloakIT starts it: the Keycloak
# distribution from Maven Central (version: keycloak.version in backend/pom.xml), no Docker, dev-file database.
# Ctrl-C stops it. Its files and database stay under $TTX_DATA/keycloak-<version> (default ./.ttx-data) between runs.
#   scripts/run-keycloak.sh [--demo-users] [--fresh]
#     --demo-users  add a password-login client (ttx-dev-login) and one user per role, in the organisation and region
#                   of the dev IdP's demo client of that role (DEV ONLY; password = user name + "-secret")
#     --fresh       delete Keycloak's database first, so that the realm file is imported again
# Ports (env): KEYCLOAK_PORT=8180 KEYCLOAK_MANAGEMENT_PORT=9190 (Keycloak's default 9000 is the dev stack's S3)
# Then, in another terminal, a TTX that trusts this Keycloak besides the dev IdP:
#   TTX_ISSUERS=http://127.0.0.1:8180/realms/ttx scripts/run-local.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
# shellcheck source=lib/jdk.sh
source scripts/lib/jdk.sh
select_jdk

PORT=${KEYCLOAK_PORT:-8180} MANAGEMENT_PORT=${KEYCLOAK_MANAGEMENT_PORT:-9190}
ADMIN=${KEYCLOAK_ADMIN:-admin} ADMIN_PASSWORD=${KEYCLOAK_ADMIN_PASSWORD:-admin-secret}
VERSION=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' backend/pom.xml)
DATA=$(mkdir -p "${TTX_DATA:-.ttx-data}" && cd "${TTX_DATA:-.ttx-data}" && pwd)
KC_HOME="$DATA/keycloak-$VERSION"
RUN="$ROOT/.run"
URL="http://127.0.0.1:$PORT"
ISSUER="$URL/realms/ttx"
say() { printf '[run-keycloak] %s\n' "$*"; }

DEMO="" FRESH=""
for arg in "$@"; do
  case "$arg" in
    --demo-users) DEMO=1 ;;
    --fresh) FRESH=1 ;;
    *) say "unknown option $arg (usage: scripts/run-keycloak.sh [--demo-users] [--fresh])"; exit 2 ;;
  esac
done
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in "$PORT" "$MANAGEMENT_PORT"; do
  if port_busy "$p"; then say "port $p is already in use; free it or set KEYCLOAK_PORT / KEYCLOAK_MANAGEMENT_PORT"; exit 1; fi
done

if [ ! -f "$KC_HOME/bin/kc.sh" ]; then
  say "unpacking Keycloak $VERSION from Maven Central (177 MB the first time)..."
  mvn -B -q -N org.apache.maven.plugins:maven-dependency-plugin:3.9.0:unpack -Dartifact="org.keycloak:keycloak-quarkus-dist:$VERSION:zip" \
    -DoutputDirectory="$DATA" -DmarkersDirectory="$DATA/.keycloak-markers" || { say "could not fetch Keycloak $VERSION"; exit 1; }
fi
export JAVA_OPTS_APPEND="-XX:TieredStopAtLevel=1" # C1 only: starts in about half the time
if [ "$(cat "$KC_HOME/.ttx-built" 2>/dev/null)" != "--db=dev-file" ]; then
  say "building Keycloak for the dev-file database (once, about a minute)..."
  sh "$KC_HOME/bin/kc.sh" build --db=dev-file > "$DATA/keycloak-build.log" 2>&1 || { say "kc.sh build failed, see $DATA/keycloak-build.log"; exit 1; }
  printf '%s' "--db=dev-file" > "$KC_HOME/.ttx-built"
fi
[ -z "$FRESH" ] || rm -rf "$KC_HOME/data/h2"
# the import skips a realm that exists already: a changed realm file needs --fresh
mkdir -p "$KC_HOME/data/import" "$RUN" && cp infra/keycloak/realm-ttx.json "$KC_HOME/data/import/"

say "starting Keycloak $VERSION on $URL (log: .run/keycloak.log)"
# the bootstrap administrator is created on the first start only (a fresh database)
KC_BOOTSTRAP_ADMIN_USERNAME="$ADMIN" KC_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD" sh "$KC_HOME/bin/kc.sh" start --optimized \
  --http-enabled=true --http-host=127.0.0.1 --hostname="$URL" --http-port="$PORT" --http-management-port="$MANAGEMENT_PORT" \
  --cache=local --import-realm > "$RUN/keycloak.log" 2>&1 &
KC_PID=$!
trap 'trap - INT TERM EXIT; say "stopping..."; kill "$KC_PID" 2>/dev/null || true; wait "$KC_PID" 2>/dev/null || true; say stopped' INT TERM EXIT
start=$SECONDS
until curl -fs "$ISSUER/.well-known/openid-configuration" > /dev/null 2>&1; do
  if ! kill -0 "$KC_PID" 2>/dev/null; then say "Keycloak exited, see .run/keycloak.log"; tail -n 20 "$RUN/keycloak.log"; exit 1; fi
  if (( SECONDS - start > 240 )); then say "Keycloak not ready after 240 s, see .run/keycloak.log"; exit 1; fi
  printf '\r[run-keycloak] waiting for Keycloak... %ds' $((SECONDS - start)); sleep 1
done
printf '\r'; say "Keycloak ready after $((SECONDS - start)) s"

if [ -n "$DEMO" ]; then
  admin_token() {
    curl -fs -d grant_type=password -d client_id=admin-cli -d "username=$ADMIN" --data-urlencode "password=$ADMIN_PASSWORD" \
      "$URL/realms/master/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
  }
  api() { # method path [json]: an admin REST call; a 409 (exists already) is fine on a second run
    local code
    code=$(curl -s -o /dev/null -w '%{http_code}' -X "$1" -H "Authorization: Bearer $(admin_token)" -H 'Content-Type: application/json' \
      ${3:+-d "$3"} "$URL/admin/realms/ttx$2")
    case "$code" in 2??|409) ;; *) say "admin API $1 $2 answered $code"; return 1 ;; esac
  }
  api POST /clients '{"clientId":"ttx-dev-login","secret":"ttx-dev-login-secret","publicClient":false,"standardFlowEnabled":false,"directAccessGrantsEnabled":true}'
  # user role org region: the dev IdP's first demo client of each role (same organisation, so both see the same records)
  while read -r user role org region; do
    api POST /users "{\"username\":\"$user\",\"enabled\":true,\"email\":\"$user@example.test\",\"emailVerified\":true,\"firstName\":\"$user\",\"lastName\":\"Demo\",\"attributes\":{\"org\":[\"$org\"],\"region\":[\"$region\"]},\"credentials\":[{\"type\":\"password\",\"value\":\"$user-secret\",\"temporary\":false}]}"
    id=$(curl -fs -H "Authorization: Bearer $(admin_token)" "$URL/admin/realms/ttx/users?exact=true&username=$user" | sed 's/^\[{"id":"\([^"]*\)".*/\1/')
    role_json=$(curl -fs -H "Authorization: Bearer $(admin_token)" "$URL/admin/realms/ttx/roles/$role")
    api POST "/users/$id/role-mappings/realm" "[$role_json]"
  done <<'USERS'
researcher researcher 12330100202401371E 330100
tto tto 123301002024041188 330100
enterprise enterprise 913100002024068507 310000
broker broker 12320100202409592L 320100
agency agency 91330100202412337N 330100
evaluator evaluator 913100002024150798 310000
auditor auditor 91310000202417816L 310000
admin admin 91310000202420556W 310000
region-admin-330000 region-admin 11330000202428777P 330000
USERS
  say "demo users: researcher, tto, enterprise, broker, agency, evaluator, auditor, admin, region-admin-330000 (password: <user>-secret)"
fi

cat <<MSG

Keycloak is running (log in .run/keycloak.log). Ctrl-C stops it.
  realm ttx    $ISSUER   (admin console: $URL/admin, user $ADMIN)
  run TTX against it, in another terminal:  TTX_ISSUERS=$ISSUER scripts/run-local.sh
MSG
if [ -n "$DEMO" ]; then cat <<MSG
  a token:  TOKEN=\$(curl -s -d grant_type=password -d client_id=ttx-dev-login -d client_secret=ttx-dev-login-secret \\
              -d username=tto -d password=tto-secret $ISSUER/protocol/openid-connect/token | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
            curl -s -H "Authorization: Bearer \$TOKEN" http://127.0.0.1:${TTX_PORT:-8080}/api/v1/me
MSG
fi
wait "$KC_PID"
