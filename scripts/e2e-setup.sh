#!/usr/bin/env bash
# Installs what the browser and command-line tests need and a fresh machine may lack: Debian's
# chromium and chromium-driver, a Java runtime for the Nu validator, LibreOffice Calc without a GUI
# (the CSV exports are read back by a real spreadsheet), poppler-utils and zbar-tools (the printed
# code slips are rasterised and their QR codes decoded), openssl (the mail tests' self-signed
# certificate), and the pinned Python packages of Tests/e2e/requirements.txt (aiosmtpd among them)
# in .build-e2e/venv. Says nothing when all of it is already there.
# PYTHON names the interpreter for the virtual environment; the default is the first 3.12 found.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.build-e2e/venv
requirements=Tests/e2e/requirements.txt
sudo=""
[ "$(id -u)" = 0 ] || sudo=sudo

missing=""
for package in chromium chromium-driver; do
  dpkg -s "$package" >/dev/null 2>&1 || missing="$missing $package"
done
command -v java >/dev/null 2>&1 || missing="$missing default-jre-headless"
# The mail tests make a self-signed certificate for their STARTTLS server.
command -v openssl >/dev/null 2>&1 || missing="$missing openssl"
if [ -n "$missing" ]; then
  echo "installing:$missing"
  $sudo apt-get update -qq >/dev/null
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
fi
# Without recommends: the spreadsheet needs no fonts, help or Java integration to read a CSV.
lean=""
for package in libreoffice-calc-nogui poppler-utils zbar-tools; do
  dpkg -s "$package" >/dev/null 2>&1 || lean="$lean $package"
done
if [ -n "$lean" ]; then
  echo "installing:$lean"
  $sudo apt-get update -qq >/dev/null
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $lean >/dev/null
fi

# axe-selenium-python 3.x wants Python 3.12 or later, which Debian 12 lacks; pyenv's versions are
# not on PATH unless a global version names them, so look in its folder too.
find_python() {
  if [ -n "${PYTHON:-}" ]; then echo "$PYTHON"; return; fi
  local candidate
  local pyenv="${PYENV_ROOT:-${HOME:-/root}/.pyenv}"
  for candidate in python3.12 "$pyenv"/versions/3.12*/bin/python3 /root/.pyenv/versions/3.12*/bin/python3 \
                   python3.13 "$pyenv"/versions/3.13*/bin/python3 python3; do
    if "$candidate" -c 'import sys, venv; assert sys.version_info >= (3, 12)' >/dev/null 2>&1; then
      command -v "$candidate"
      return
    fi
  done
  echo "The browser tests need Python 3.12 or later (set PYTHON=/path/to/python3.12)." >&2
  return 1
}

# The stamp is the hash of the requirements the environment was made from; a change remakes it.
wanted="$(sha256sum "$requirements" | cut -d' ' -f1)"
if [ -f "$venv/stamp" ] && [ "$(cat "$venv/stamp")" = "$wanted" ] && "$venv/bin/python" -c '' 2>/dev/null; then
  exit 0
fi
python=$(find_python)
echo "installing Python packages of $requirements into $venv ($("$python" --version))"
rm -rf "$venv"
"$python" -m venv "$venv"
"$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$requirements"
echo "$wanted" >"$venv/stamp"
