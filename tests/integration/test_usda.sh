#!/bin/bash
# test_usda.sh - `cibozer-admin import-usda` loads the USDA SR24 food files
# (scripts/usda fetches them; scripts/test passes their directory as
# CZ_USDA_DIR): malformed files are named and skipped whole, a second
# import changes nothing, a failing import writes nothing, the full set
# loads in seconds; `validate-foods` reports on what was loaded.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

if [[ -z ${CZ_USDA_DIR:-} || ! -d ${CZ_USDA_DIR:-} ]]; then
	skip "CZ_USDA_DIR is unset or not a directory (scripts/usda could not fetch the USDA SR24 data)"
fi

# run_admin ARGS... - cibozer-admin with the stack's configuration, its
# stdout in $out and stderr in $err (also shown when it fails). These two
# run through check, which shellcheck cannot see.
# shellcheck disable=SC2317
run_admin() {
	"$CZ_ADMIN" --config "$CZ_CONFIG" "$@" >"$out" 2>"$err" || {
		local rc=$?
		cat "$err" >&2
		return "$rc"
	}
}

# fails ARGS... - run_admin must fail.
# shellcheck disable=SC2317
fails() {
	! run_admin "$@"
}

# A digest of everything the import writes.
checksum() {
	psql_q "SELECT md5(string_agg(r, E'\n' ORDER BY r)) FROM (
		SELECT f::text AS r FROM foods f
		UNION ALL SELECT n::text FROM food_nutrients n
		UNION ALL SELECT m::text FROM food_measures m) s"
}

tmp=$(_cz_tmp)
out=$tmp/usda.out
err=$tmp/usda.err

# Start from no foods (an earlier test may have imported them), so that the
# first import below inserts and the full one is timed as on a new
# database; the full import leaves every food loaded again.
psql_q "DELETE FROM foods"

# --- a subset with malformed files ------------------------------------------------
sub=$tmp/usda-subset
rm -rf "$sub"
mkdir -p "$sub"
# Every 30th food, plus chicken breast, butter, banana and brown rice.
find "$CZ_USDA_DIR" -maxdepth 1 -name '[0-9][0-9][0-9][0-9][0-9].xml' | LC_ALL=C sort |
	awk 'NR % 30 == 0' | xargs cp -t "$sub"
cp "$CZ_USDA_DIR"/{05062,01001,09040,20036}.xml "$sub"
nvalid=$(find "$sub" -name '*.xml' | wc -l)
ndbs=$(find "$sub" -name '*.xml' -printf '%f\n' | sed 's/\.xml$//' | paste -sd, -)
printf 'this is not XML' >"$sub/99998.xml"
printf '<food uid="99997" name="Unknown nutrient"><nutrient amount="1" name="Vitamin Q"/></food>' \
	>"$sub/99997.xml"
# Valid up to its last element: nothing of it may be loaded.
printf '<food uid="99996" name="Half valid"><measure amount="1" name="cup" grams="100"/><nutrient amount="1" name="Protein"/><nutrient amount="1.2x" name="Fat"/></food>' \
	>"$sub/99996.xml"
printf '<food uid="99994" name="Elsewhere"/>' >"$sub/99995.xml"
echo "subset: $nvalid valid files and 4 malformed ones"

check "import-usda of the subset exits 0" run_admin import-usda "$sub"
cat "$out" "$err"
check "the summary counts the foods and the malformed files" \
	grep -q "^imported $nvalid foods (.* nutrients, .* measures); skipped 4 malformed files$" "$out"
check "... all of them new" grep -q "^$nvalid new, 0 changed, 0 unchanged" "$out"
check "a file that is not XML is named" grep -q '99998\.xml: skipped: not well-formed' "$err"
check "an unknown nutrient is named" grep -q '99997\.xml: skipped: .*unknown nutrient "Vitamin Q"' "$err"
check "a bad number is named" grep -q '99996\.xml: skipped: .*"1\.2x" is not a plain decimal number' "$err"
check "a uid that does not match its file name is named" grep -q '99995\.xml: skipped: uid 99994' "$err"
check "nothing of the malformed files is loaded" \
	test "$(psql_q "SELECT (SELECT count(*) FROM foods WHERE ndb >= '99990') +
		(SELECT count(*) FROM food_measures WHERE ndb >= '99990')")" = 0

check "every valid file of the subset is a food" \
	test "$(psql_q "SELECT count(*) FROM foods WHERE ndb = ANY ('{$ndbs}'::text[])")" = "$nvalid"
check "chicken breast (05062) has 21.23 g protein per 100 g" \
	test "$(psql_q "SELECT amount FROM food_nutrients WHERE ndb = '05062' AND nutrient = 'Protein'")" = 21.23
check "05062 has all its 67 nutrients" \
	test "$(psql_q "SELECT count(*) FROM food_nutrients WHERE ndb = '05062'")" = 67
check "05062's household measures are stored in order" \
	test "$(psql_q "SELECT string_agg(amount || ' ' || name || ' = ' || grams || ' g', '; ' ORDER BY seq)
		FROM food_measures WHERE ndb = '05062'")" = \
	"1 unit (yield from 1 lb ready-to-cook chicken) = 71 g; 0.5 breast, bone and skin removed = 118 g"
check "05062 is in food group 05, Poultry Products" \
	test "$(psql_q "SELECT g.name FROM foods f JOIN food_groups g ON g.code = f.food_group WHERE f.ndb = '05062'")" = \
	"Poultry Products"
check "05062 keeps its Atwater factors" \
	test "$(psql_q "SELECT pcf || ' ' || fcf || ' ' || ccf FROM foods WHERE ndb = '05062'")" = "4.27 9.02 3.87"
check "units: vitamin D in IU, B12 in µg, sodium in mg, energy in kcal" \
	test "$(psql_q "SELECT string_agg(key || '=' || unit, ' ' ORDER BY key) FROM nutrients
		WHERE key IN ('vitamin_d', 'vitamin_b12', 'sodium', 'energy')")" = \
	"energy=kcal sodium=mg vitamin_b12=µg vitamin_d=IU"
check "71 nutrients, 23 of them core" \
	test "$(psql_q "SELECT count(*) || ' ' || count(*) FILTER (WHERE core) FROM nutrients")" = "71 23"

# --- idempotence -----------------------------------------------------------------------
before=$(checksum)
check "a second import of the subset exits 0" run_admin import-usda "$sub"
check "... and changes no food" grep -q "^0 new, 0 changed, $nvalid unchanged" "$out"
check "... and leaves the tables identical" test "$(checksum)" = "$before"

# --- failures write nothing ----------------------------------------------------------
bad=$tmp/usda-bad
rm -rf "$bad"
mkdir -p "$bad"
cp "$sub"/999*.xml "$bad"
check "a directory of malformed files only: exit 1" fails import-usda "$bad"
check "... saying that nothing was imported" grep -q 'no valid food file' "$err"
check "... and nothing changed" test "$(checksum)" = "$before"

check "a file instead of a directory: exit 1" fails import-usda "$sub/05062.xml"
check "... saying to extract the jar first" grep -q 'extract it first (unzip ' "$err"

# The database refuses a row late in the transaction: every earlier change
# (banana's protein) is rolled back with it.
chg=$tmp/usda-changed
rm -rf "$chg"
mkdir -p "$chg"
sed 's/amount="[0-9.]*" name="Protein"/amount="99.0" name="Protein"/' "$CZ_USDA_DIR/09040.xml" >"$chg/09040.xml"
sed 's|<nutrient|<measure amount="1" name="cibozer-test refuse" grams="1"/><nutrient|' \
	"$CZ_USDA_DIR/05062.xml" >"$chg/05062.xml"
psql_super "CREATE FUNCTION cz_test_refuse() RETURNS trigger LANGUAGE plpgsql AS \$\$
	BEGIN RAISE EXCEPTION 'refused by test_usda'; END; \$\$;
	CREATE TRIGGER cz_test_refuse BEFORE INSERT OR UPDATE ON food_measures FOR EACH ROW
	WHEN (NEW.name = 'cibozer-test refuse') EXECUTE FUNCTION cz_test_refuse()" >/dev/null
check "an import the database refuses: exit 1" fails import-usda "$chg"
check "... reported as rolled back" grep -q 'refused by test_usda' "$err"
check "... rolled back" grep -q 'rolled back; nothing was written' "$err"
check "... and nothing changed" test "$(checksum)" = "$before"
psql_super "DROP TRIGGER cz_test_refuse ON food_measures; DROP FUNCTION cz_test_refuse()" >/dev/null

# A changed file is picked up, and the original restores the same rows.
sed -i 's|<measure amount="1" name="cibozer-test refuse" grams="1"/>||' "$chg/05062.xml"
check "a changed food is imported" run_admin import-usda "$chg"
check "... counted as changed" grep -q '^0 new, 1 changed, 1 unchanged' "$out"
check "... with its new value" \
	test "$(psql_q "SELECT amount FROM food_nutrients WHERE ndb = '09040' AND nutrient = 'Protein'")" = 99
rm -f "$chg/05062.xml"
cp "$CZ_USDA_DIR/09040.xml" "$chg/"
check "the original file is imported" run_admin import-usda "$chg"
check "... counted as changed" grep -q '^0 new, 1 changed, 0 unchanged' "$out"
check "... to its first value" \
	test "$(psql_q "SELECT amount FROM food_nutrients WHERE ndb = '09040' AND nutrient = 'Protein'")" = 1.09

# --- the full set ------------------------------------------------------------------------
t0=$(date +%s%N)
check "a full import exits 0" run_admin import-usda "$CZ_USDA_DIR"
t1=$(date +%s%N)
cat "$out"
ms=$(((t1 - t0) / 1000000))
printf 'full import of %s: %d.%03d s\n' "$CZ_USDA_DIR" $((ms / 1000)) $((ms % 1000))
check "it loads at least 8,000 foods" test "$(psql_q 'SELECT count(*) FROM foods')" -ge 8000
check "it skips no file" grep -q 'skipped 0 malformed files$' "$out"
check "within 30 s" test "$ms" -lt 30000
check "beef numbered 23xxx is in group 13" \
	test "$(psql_q "SELECT count(*) FILTER (WHERE food_group <> '13' OR food_group IS NULL) FROM foods WHERE ndb LIKE '23%'")" = 0
before=$(checksum)
check "a second full import exits 0" run_admin import-usda "$CZ_USDA_DIR"
check "... and changes no food" grep -q '^0 new, 0 changed' "$out"
check "... and leaves the tables identical" test "$(checksum)" = "$before"

# --- validate-foods ------------------------------------------------------------------------
check "validate-foods exits 0" run_admin validate-foods
sed -n '/^validated/,$p' "$out"
check "it prints a summary" grep -Eq '^validated [0-9]+ foods:$' "$out"
check "it counts outliers" grep -Eq 'Atwater factors.* [0-9]+$' "$out"
check "it counts missing fiber" grep -Eq 'fiber missing +[0-9]+ ' "$out"
check "it lists the worst outliers" grep -q '^worst 10 energy outliers' "$out"

finish
