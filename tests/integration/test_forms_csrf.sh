#!/bin/bash
# test_forms_csrf.sh - every POST form in the templates carries the CSRF field.
#
# The responder refuses a POST from a browser without its CSRF token (403),
# so a form that forgets {{> partials/csrf}} is a page that cannot be used:
# the plan form shipped that way once and every API-level test still passed.
# This reads every template, finds each <form> whose method is POST, and
# fails when the partial is not between <form ...> and </form>. It first runs
# the same check on two made-up templates (one good, one without the
# partial) to show that it can pass and fail.
#
# Environment:
#   CZ_SRCDIR  repository root (default: two levels above this script)
# Exit: 0 all passed, 1 a check failed.

set -u

CZ_SRCDIR=${CZ_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
TPL="$CZ_SRCDIR/templates"
if [ ! -f "$TPL/layout.mustache" ]; then
	echo "FAIL: no $TPL/layout.mustache (is CZ_SRCDIR=$CZ_SRCDIR right?)"
	exit 1
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/cz-forms.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT

# check_forms FILE... - prints "FILE:LINE: ..." for each POST form without
# the partial, then "forms=N" (POST forms seen); exits 1 if any lacks it.
check_forms() {
	perl -e '
		my ($bad, $seen) = (0, 0);
		for my $f (@ARGV) {
			open(my $fh, "<", $f) or die "$f: $!\n";
			local $/; my $t = <$fh>; close $fh;
			# Mustache comments may mention forms; they are not markup.
			(my $s = $t) =~ s/\{\{!.*?\}\}/" " x length($&)/gse;
			while ($s =~ /<form\b([^>]*)>(.*?)<\/form\s*>/gsi) {
				my ($attrs, $body, $at) = ($1, $2, $-[0]);
				next unless $attrs =~ /\bmethod\s*=\s*["\x27]?post\b/i;
				$seen++;
				next if $body =~ /\{\{>\s*partials\/csrf\s*\}\}/;
				my $line = 1 + (substr($s, 0, $at) =~ tr/\n//);
				print "$f:$line: POST form without {{> partials/csrf}}\n";
				$bad++;
			}
			if ($s =~ /<form\b(?![^>]*>.*?<\/form)/si) {
				print "$f: <form> without </form>\n";
				$bad++;
			}
		}
		print "forms=$seen\n";
		exit($bad ? 1 : 0);
	' "$@"
}

FAIL=0

# The check itself: a form with the partial passes, one without fails.
cat >"$TMP/good.mustache" <<'EOF'
<form method="post" action="/x">{{> partials/csrf}}<button>Go</button></form>
<form action="/search"><input name="q"></form>
EOF
cat >"$TMP/bad.mustache" <<'EOF'
{{! a comment about <form method="post"> is not a form }}
<form class="f" METHOD=POST action="/y">
<button>Go</button>
</form>
EOF
if ! out=$(check_forms "$TMP/good.mustache") || [ "$out" != "forms=1" ]; then
	echo "FAIL: the checker refused a good template: $out"
	FAIL=1
fi
if out=$(check_forms "$TMP/bad.mustache") || ! grep -q 'bad.mustache:2: POST form without' <<<"$out"; then
	echo "FAIL: the checker passed a POST form without the CSRF partial: $out"
	FAIL=1
fi

mapfile -t FILES < <(find "$TPL" -name '*.mustache' | sort)
if ! out=$(check_forms "${FILES[@]}"); then
	echo "$out" | grep -v '^forms=' | sed 's/^/FAIL: /'
	FAIL=1
fi
n=$(sed -n 's/^forms=//p' <<<"$out")
# The templates have many POST forms (log-in, register, plan, account...);
# finding none would mean the pattern no longer matches the markup.
if [ "${n:-0}" -lt 10 ]; then
	echo "FAIL: found only ${n:-0} POST forms in $TPL; the pattern no longer matches"
	FAIL=1
fi

if [ "$FAIL" -ne 0 ]; then
	exit 1
fi
echo "PASS: ${n} POST forms in ${#FILES[@]} templates all carry the CSRF partial"
exit 0
