#!/usr/bin/env bash
# Regenerate docs/brief-page1.png: page 1 of the brief of all shipped meetings, as
# LibreOffice lays it out (needs libreoffice-writer-nogui and poppler-utils).
# Usage: bash tools/preview.sh   (from the repository, with briefgen installed in .venv)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.venv/bin/briefgen build --all --format docx --out "$work" >/dev/null
soffice "-env:UserInstallation=file://$work/profile" --headless --convert-to pdf --outdir "$work" "$work/brief-all.docx" >/dev/null
pdftoppm -r 80 -png -f 1 -l 1 -singlefile "$work/brief-all.pdf" docs/brief-page1
echo "wrote docs/brief-page1.png ($(pdfinfo "$work/brief-all.pdf" | awk '/^Pages/ {print $2}') pages in all)"
