#!/usr/bin/env bash
# Regenerates the ANTLR lexer and parser for grammar/Frs.g4 into the compiler library.
# The output is committed; CI runs this script and fails if the result differs.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../compiler/FlightRec.Compiler/Parsing/Generated"
rm -rf "$out"
mkdir -p "$out"
cd "$here"
npx --yes antlr-ng@1.0.10 -Dlanguage=CSharp --package FlightRec.Compiler.Parsing.Generated \
  --generate-visitor true --generate-listener false --exact-output-dir true -o "$out" Frs.g4
# The tool also writes ATN/token side files that the build does not use.
find "$out" -type f ! -name "*.cs" -delete
test -s "$out/FrsParser.cs" || { echo "generate.sh: antlr-ng produced no parser" >&2; exit 1; }
