#!/usr/bin/env bash
# Checks the packaging metadata against the repository, printing one line per problem:
#   - package.xml lists every tracked file under ext/, tests/, examples/, docs/ and compat/ (plus the fixed root files), with
#     the right role, and nothing that is missing on disk (scripts/package-xml.php --check);
#   - `pecl package-validate` says "Validation: 0 error(s)" (it exits 0 even on errors);
#   - one version everywhere: PHP_TOKENCALC_VERSION in php_tokencalc.h, package.xml's <release>
#     (and its newest <changelog> entry), CHANGELOG.md's top entry, composer.json's "version" if any
#     (PIE reads versions from git tags, so composer.json should carry none);
#   - composer.json is PIE's shape and its configure options, like package.xml's, exist in config.m4;
#   - config.w32 builds the same C files as config.m4;
#   - `git archive HEAD` (what PIE downloads) has what a build needs and none of the dev-only folders.
# Exits 1 when there is any problem. Needs php (with the xml extension) and, for the validation, pecl.
set -uo pipefail
export LC_ALL=C
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 1
problems=0
problem() { echo "check-package: $*" >&2; problems=$((problems + 1)); }

# 1. package.xml <contents> against git.
php scripts/package-xml.php --check || problems=$((problems + 1))

# 2. PEAR's own validation.
if command -v pecl >/dev/null; then
	validate=$(pecl package-validate package.xml 2>&1)
	if ! grep -q '^Validation: 0 error(s)' <<<"$validate"; then
		problem "pecl package-validate: $(grep -v '^$' <<<"$validate" | tr '\n' ' ')"
	fi
else
	problem "pecl not found, cannot validate package.xml (Debian: apt-get install -y php-pear)"
fi

# 3. Versions.
h_version=$(sed -n 's/^#define PHP_TOKENCALC_VERSION "\(.*\)"$/\1/p' ext/tokencalc/php_tokencalc.h)
[ -n "$h_version" ] || problem "no PHP_TOKENCALC_VERSION in ext/tokencalc/php_tokencalc.h"
read -r xml_version xml_changelog_version < <(php -r '
	$d = new DOMDocument(); @$d->load("package.xml") or exit(1);
	$x = new DOMXPath($d); $x->registerNamespace("p", "http://pear.php.net/dtd/package-2.0");
	echo $x->evaluate("string(/p:package/p:version/p:release)"), " ",
		$x->evaluate("string(/p:package/p:changelog/p:release[1]/p:version/p:release)") ?: "-", "\n";') ||
	problem "cannot read the versions in package.xml"
changelog_version=$(sed -n 's/^## \[\{0,1\}\([0-9][0-9A-Za-z.+-]*\)\]\{0,1\}.*/\1/p' CHANGELOG.md 2>/dev/null | head -n 1)
[ -n "$changelog_version" ] || problem "CHANGELOG.md has no '## X.Y.Z - date' entry"
if [ -n "$h_version" ]; then
	[ "${xml_version:-}" = "$h_version" ] ||
		problem "package.xml <release> version is '${xml_version:-}', php_tokencalc.h says '$h_version'"
	[ "${xml_changelog_version:-}" = "$h_version" ] ||
		problem "package.xml's newest <changelog> entry is '${xml_changelog_version:-}', php_tokencalc.h says '$h_version'"
	[ -z "$changelog_version" ] || [ "$changelog_version" = "$h_version" ] ||
		problem "CHANGELOG.md's top entry is '$changelog_version', php_tokencalc.h says '$h_version'"
fi

# 4. composer.json (PIE) and the configure options.
php -r '
	$bad = function (string $m) { fwrite(STDERR, "check-package: composer.json: $m\n"); $GLOBALS["n"]++; };
	$n = 0;
	$j = json_decode((string) @file_get_contents("composer.json"), true);
	if (!is_array($j)) { $bad("missing or not valid JSON"); exit(1); }
	if (!preg_match("~^[a-z0-9]([_.-]?[a-z0-9]+)*/[a-z0-9](([_.]|-{1,2})?[a-z0-9]+)*$~", $j["name"] ?? "")) $bad("\"name\" is not a valid vendor/package");
	if (($j["type"] ?? null) !== "php-ext") $bad("\"type\" must be \"php-ext\"");
	if (!isset($j["require"]["php"])) $bad("\"require\" has no \"php\" constraint");
	$e = $j["php-ext"] ?? null;
	if (!is_array($e)) { $bad("no \"php-ext\" object"); exit(1); }
	if (($e["extension-name"] ?? null) !== "tokencalc") $bad("php-ext.extension-name must be \"tokencalc\"");
	if (isset($j["version"])) {
		$h = $argv[1];
		if ($j["version"] !== $h) $bad("\"version\" is \"{$j["version"]}\", php_tokencalc.h says \"$h\" (PIE reads tags: better drop it)");
	}
	foreach ($e["configure-options"] ?? [] as $i => $o) {
		if (!is_string($o["name"] ?? null) || !preg_match("~^[a-z][a-z0-9-]*$~", $o["name"])) $bad("configure-options[$i].name is not an option name");
		if (isset($o["description"]) && !is_string($o["description"])) $bad("configure-options[$i].description must be a string");
		if (isset($o["needs-value"]) && !is_bool($o["needs-value"])) $bad("configure-options[$i].needs-value must be a boolean");
		echo $o["name"] ?? "", "\n";
	}
	exit($n ? 1 : 0);
' "${h_version:-}" >/tmp/check-package-options.$$ || problems=$((problems + 1))
options=$(cat /tmp/check-package-options.$$; php -r '
	$d = new DOMDocument(); @$d->load("package.xml") or exit;
	foreach ($d->getElementsByTagName("configureoption") as $o) echo $o->getAttribute("name"), "\n";')
rm -f /tmp/check-package-options.$$
for opt in $(sort -u <<<"$options"); do
	case $opt in
	with-*) arg=${opt#with-} macro=PHP_ARG_WITH ;;
	enable-*) arg=${opt#enable-} macro=PHP_ARG_ENABLE ;;
	*) problem "configure option '$opt' is neither with-* nor enable-*"; continue ;;
	esac
	grep -q "$macro(\[$arg\]" config.m4 || problem "configure option '--$opt' (composer.json/package.xml) has no $macro([$arg]) in config.m4"
done

# 5. config.w32 builds what config.m4 builds (compared by file name).
m4_sources=$(sed -n '/TOKENCALC_SOURCES="/,/"/p' config.m4 | grep -o '[A-Za-z0-9_/]*\.c' | xargs -n1 basename | sort)
w32_sources=$(grep -o '[A-Za-z0-9_]*\.c\b' config.w32 | sort -u)
[ -n "$m4_sources" ] || problem "cannot find TOKENCALC_SOURCES in config.m4"
for f in $(comm -23 <(echo "$m4_sources") <(echo "$w32_sources")); do
	problem "config.w32 does not build $f (config.m4 does)"
done
for f in $(comm -13 <(echo "$m4_sources") <(echo "$w32_sources")); do
	problem "config.w32 builds $f, config.m4 does not"
done

# 6. The release archive PIE downloads (git archive of a commit; the checked-out .gitattributes).
if git rev-parse -q --verify HEAD >/dev/null; then
	archive=$(git archive --worktree-attributes HEAD | tar t)
	for need in config.m4 composer.json README.md LICENSE CHANGELOG.md ext/tokencalc/php_tokencalc.h \
		docs/README.md tests/vectors/README.md examples/audit_receipt.php compat/TokenHelper.php; do
		if git cat-file -e "HEAD:$need" 2>/dev/null; then
			grep -qx "$need" <<<"$archive" || problem "git archive HEAD lacks $need (check .gitattributes)"
		fi
	done
	for dir in .ci benchmarks docker fuzz scripts; do
		grep -q "^$dir/" <<<"$archive" && problem "git archive HEAD carries $dir/ (mark it export-ignore in .gitattributes)"
	done
fi

if [ "$problems" -ne 0 ]; then
	echo "check-package: $problems problem(s)" >&2
	exit 1
fi
echo "check-package: ok (version $h_version; package.xml, composer.json, config.w32, CHANGELOG.md, git archive)"
