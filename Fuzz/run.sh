#!/usr/bin/env bash
# Builds the request-parser fuzzer with libFuzzer and AddressSanitizer and runs it.
#
#   Fuzz/run.sh [seconds] [extra libFuzzer arguments...]     (default 150 seconds)
#
# Everything it writes goes under .build-fuzz/ at the package root: the build, a working copy of
# the seed corpus (so Fuzz/corpus/ only ever holds the committed seeds) and any crash, leak or
# timeout reproducer in .build-fuzz/artifacts/. Reproduce one with
#   .build-fuzz/debug/ParserFuzz .build-fuzz/artifacts/crash-...
set -euo pipefail

seconds="${1:-150}"
shift || true

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

swift_bin="$(command -v swift)"
toolchain="$(cd "$(dirname "$(readlink -f "$swift_bin")")/.." && pwd)"
# libFuzzer without its own main(): the harness's @main calls LLVMFuzzerRunDriver itself.
fuzzer_lib="$(ls "$toolchain"/lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a 2>/dev/null | head -n 1)"
if [[ -z "$fuzzer_lib" ]]; then
    echo "libclang_rt.fuzzer_no_main-x86_64.a not found under $toolchain/lib/clang" >&2
    exit 1
fi

scratch="$root/.build-fuzz"
# -sanitize=fuzzer would also link libFuzzer's main(); instead ask for the same coverage
# instrumentation (what -sanitize=fuzzer turns on) and link the main-less library ourselves.
swift build -c debug --package-path Fuzz --scratch-path "$scratch" \
    -Xswiftc -sanitize=address \
    -Xswiftc -sanitize-coverage=edge,indirect-calls,trace-cmp,inline-8bit-counters,pc-table \
    -Xswiftc -parse-as-library \
    -Xswiftc -use-ld=lld \
    -Xlinker "$fuzzer_lib" -Xlinker -lstdc++

corpus="$scratch/corpus"
artifacts="$scratch/artifacts"
mkdir -p "$corpus" "$artifacts"
cp -n Fuzz/corpus/* "$corpus"/

export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS="detect_leaks=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
exec "$scratch/debug/ParserFuzz" "$corpus" \
    -max_total_time="$seconds" \
    -timeout=10 \
    -dict=Fuzz/http.dict \
    -detect_leaks=1 \
    -print_final_stats=1 \
    -artifact_prefix="$artifacts/" \
    "$@"
