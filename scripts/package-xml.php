<?php
/*
 * Rewrites the <contents> block of package.xml from what git tracks, so the PECL tarball ships
 * every file a build and its tests need:
 *   - `git ls-files ext tests examples docs compat` (sources under ext/ are role "src", everything
 *     under tests/ "test", including the conformance vectors in tests/vectors/; the examples, docs/
 *     (the contract the README links to) and compat/ (the TokenHelper drop-in) "doc": some tests read
 *     them, e.g. tests/receipt_readme.phpt holds the README and an example to each other, and the
 *     tokenhelper tests require compat/TokenHelper.php);
 *   - the fixed root files: config.m4, config.w32 (src), README.md, LICENSE, CHANGELOG.md (doc);
 *   - less the few tests in REPO_ONLY, which need what only a checkout has.
 * Everything outside <contents> (version, notes, dependencies, ...) is kept as it is.
 * Usage: php scripts/package-xml.php [--check] [path/to/package.xml]   (default: the repository's)
 *   --check  change nothing; print one line per file that is tracked but not listed, listed but
 *            missing on disk, listed but not tracked, or listed with the wrong role; exit 1 if any.
 * Prints one line per problem on stderr and exits non-zero; prints a summary line on success.
 */

const ROOT_FILES = [
	'config.m4'    => 'src',
	'config.w32'   => 'src',
	'CHANGELOG.md' => 'doc',
	'LICENSE'      => 'doc',
	'README.md'    => 'doc',
];

/**
 * Tracked files the package leaves out, each with the reason: a test here needs what only a
 * checkout has, and would only skip in the tarball (whose suite must run with 0 skipped).
 */
const REPO_ONLY = [
	// the drop-in's shadow mode against the FFI library, built with cargo from benchmarks/legacy-ffi/
	'tests/tokenhelper_shadow.phpt',
];

/** Folders shipped whole with role "doc" (PECL installs them in its doc_dir, beside the README). */
const DOC_DIRS = ['examples', 'docs', 'compat'];

function fail(string $msg): never
{
	fwrite(STDERR, "package-xml: $msg\n");
	exit(1);
}

/** The role PEAR installs a path with: tests under tests/, docs at the root and in DOC_DIRS, sources otherwise. */
function role_of(string $path): string
{
	if (isset(ROOT_FILES[$path])) {
		return ROOT_FILES[$path];
	}
	if (str_starts_with($path, 'tests/')) {
		return 'test';
	}
	return in_array(strstr($path, '/', true), DOC_DIRS, true) ? 'doc' : 'src';
}

/** Every file the package ships, sorted, as path => role. */
function package_files(string $root): array
{
	$cmd = 'git -C ' . escapeshellarg($root) . ' ls-files -z -- ext tests ' . implode(' ', DOC_DIRS);
	$out = shell_exec($cmd);
	if (!is_string($out)) {
		fail("could not run: $cmd");
	}
	$files = [];
	foreach (array_filter(explode("\0", $out), 'strlen') as $path) {
		if (!in_array($path, REPO_ONLY, true)) {
			$files[$path] = role_of($path);
		}
	}
	foreach (array_keys(ROOT_FILES) as $path) {
		if (!is_file("$root/$path")) {
			fail("root file $path does not exist");
		}
		$files[$path] = role_of($path);
	}
	ksort($files, SORT_STRING);
	return $files;
}

/** Nests path => role into a tree: directories are arrays, files are role strings. */
function build_tree(array $files): array
{
	$tree = [];
	foreach ($files as $path => $role) {
		$node = &$tree;
		$parts = explode('/', $path);
		$base = array_pop($parts);
		foreach ($parts as $dir) {
			$node[$dir] ??= [];
			$node = &$node[$dir];
		}
		$node[$base] = $role;
		unset($node);
	}
	return $tree;
}

/** Writes a tree as PEAR <dir>/<file> elements: directories first, then files, each sorted by name. */
function render(array $tree, int $depth): string
{
	$pad = str_repeat("\t", $depth);
	$dirs = array_filter($tree, 'is_array');
	$files = array_filter($tree, 'is_string');
	ksort($dirs, SORT_STRING);
	ksort($files, SORT_STRING);
	$xml = '';
	foreach ($dirs as $name => $sub) {
		$xml .= "$pad<dir name=\"" . htmlspecialchars((string) $name, ENT_XML1 | ENT_QUOTES) . "\">\n";
		$xml .= render($sub, $depth + 1);
		$xml .= "$pad</dir>\n";
	}
	foreach ($files as $name => $role) {
		$xml .= "$pad<file name=\"" . htmlspecialchars((string) $name, ENT_XML1 | ENT_QUOTES) . "\" role=\"$role\"/>\n";
	}
	return $xml;
}

/** The files package.xml lists, as path => role, read with DOM (PEAR's own namespace). */
function listed_files(string $xml, string $xmlPath): array
{
	$doc = new DOMDocument();
	if (!@$doc->loadXML($xml)) {
		fail("$xmlPath is not well-formed XML");
	}
	$contents = $doc->getElementsByTagName('contents')->item(0);
	if ($contents === null) {
		fail("$xmlPath has no <contents>");
	}
	$files = [];
	$walk = function (DOMElement $el, string $prefix) use (&$walk, &$files): void {
		foreach ($el->childNodes as $child) {
			if (!$child instanceof DOMElement) {
				continue;
			}
			$name = trim($child->getAttribute('name'), '/');
			$path = $prefix === '' ? $name : ($name === '' ? $prefix : "$prefix/$name");
			if ($child->localName === 'dir') {
				$walk($child, $path);
			} elseif ($child->localName === 'file') {
				$files[$path] = $child->getAttribute('role');
			}
		}
	};
	$walk($contents, '');
	return $files;
}

$root = dirname(__DIR__);
$args = array_slice($argv, 1);
$check = in_array('--check', $args, true);
$args = array_values(array_diff($args, ['--check']));
$xmlPath = $args[0] ?? "$root/package.xml";
$xml = @file_get_contents($xmlPath);
if ($xml === false) {
	fail("cannot read $xmlPath");
}

$files = package_files($root);

if ($check) {
	$listed = listed_files($xml, $xmlPath);
	$problems = [];
	foreach ($files as $path => $role) {
		if (!isset($listed[$path])) {
			$problems[] = "$path is tracked by git but not listed in package.xml";
		} elseif ($listed[$path] !== $role) {
			$problems[] = "$path is listed with role \"{$listed[$path]}\", expected \"$role\"";
		}
	}
	foreach ($listed as $path => $role) {
		if (!file_exists("$root/$path")) {
			$problems[] = "$path is listed in package.xml but missing on disk";
		} elseif (!isset($files[$path])) {
			$problems[] = "$path is listed in package.xml but not tracked by git (under ext/, tests/, examples/, docs/ or compat/, or a fixed root file)";
		}
	}
	foreach ($problems as $p) {
		fwrite(STDERR, "package-xml: $p\n");
	}
	if ($problems) {
		fwrite(STDERR, "package-xml: refresh with: php scripts/package-xml.php\n");
		exit(1);
	}
	echo "package-xml: package.xml lists all " . count($files) . " files\n";
	exit(0);
}
$block = "<contents>\n\t\t<dir name=\"/\">\n" . render(build_tree($files), 3) . "\t\t</dir>\n\t</contents>";

$count = 0;
$new = preg_replace('~<contents>.*?</contents>~s', str_replace(['\\', '$'], ['\\\\', '\\$'], $block), $xml, 1, $count);
if ($count !== 1) {
	fail("$xmlPath has no <contents>...</contents> block to replace");
}
if ($new !== $xml && file_put_contents($xmlPath, $new) === false) {
	fail("cannot write $xmlPath");
}

$roles = array_count_values($files);
ksort($roles);
$summary = implode(', ', array_map(fn($r, $n) => "$n $r", array_keys($roles), $roles));
echo "package-xml: " . ($new === $xml ? 'unchanged' : 'updated') . " $xmlPath: " . count($files) . " files ($summary)\n";
