#!/bin/sh
# Installs the Debian packages laurel needs (scripts/packages.txt) when they
# are missing.  As root it runs apt-get; otherwise it prints the exact
# command to run and fails, so that nothing is built half-equipped.
set -eu
here=$(dirname "$0")
missing=""
for p in $(grep -v '^#' "$here/packages.txt"); do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed'; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
	echo "laurel: installing missing packages:$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q >/dev/null || apt-get update
	# shellcheck disable=SC2086
	apt-get install -y -q --no-install-recommends $missing
else
	echo "laurel: missing Debian packages. Run this, then try again:" >&2
	echo "  sudo apt-get install --no-install-recommends$missing" >&2
	exit 1
fi
