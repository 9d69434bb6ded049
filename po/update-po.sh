#!/usr/bin/env bash
# Extracts the UI strings (po/SOURCES) into po/fairground.pot with xgettext and merges them into
# every po/<lang>.po with msgmerge: new strings arrive with an empty msgstr for the translator.
# "--pot-only FILE" only extracts, into FILE (the catalog test does this; no .po is touched).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
pot=po/fairground.pot
merge=1
if [ "${1:-}" = "--pot-only" ]; then
    pot="$2"
    merge=0
fi
mapfile -t folders < <(grep -v '^#' po/SOURCES | sed '/^$/d')
list="$(mktemp)"
trap 'rm -f "$list"' EXIT
find "${folders[@]}" \( -name '*.cpp' -o -name '*.h' \) | LC_ALL=C sort > "$list"
# The keywords are Translate.h's functions: tr(msgid), trl(msgid[, id]), trn/trnf(singular,
# plural, n...), trc(context, msgid), trf(pattern, ...), trMark(msgid).
xgettext --language=C++ --from-code=UTF-8 --keyword=tr --keyword=trl:1 --keyword=trn:1,2 \
    --keyword=trc:1c,2 --keyword=trf:1 --keyword=trnf:1,2 --keyword=trMark \
    --package-name=fairground --msgid-bugs-address="the Fairground issue tracker" \
    --sort-by-file --files-from="$list" -o "$pot"
[ "$merge" = 1 ] || exit 0
shopt -s nullglob
for po in po/*.po; do
    msgmerge --quiet --update --backup=none --no-fuzzy-matching "$po" "$pot"
done
