#!/bin/sh
# $1: directory, $2: what the marker says; run from chdir, which must be /
set -e
[ "$(pwd)" = / ] || { echo "not in chdir: $(pwd)" >&2; exit 3; }
mkdir -p "$1"
printf 'workers=2\nname=web\n' > "$1/conf"
printf 'SECTION =\n  (LIST =\n    x\n' > "$1/listener"
echo "made $2" > "$1/marker"
echo "wrote $1"
