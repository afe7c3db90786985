<?php
/*
 * One day's mint from a CSV of gem rows (user_id,gems), in both modes:
 *   php -d extension=/path/to/tokencalc.so examples/mint_day.php [supply] [csv]
 * COMPAT is today's backend (rate = trunc(supply / total), tokens = trunc(gems * rate)): the
 * truncations lose a little dust every day. EXACT (largest remainder) hands that dust out, so
 * the tokens add up to the supply exactly.
 */
declare(strict_types=1);

if (!extension_loaded('tokencalc')) {
    fwrite(STDERR, "the tokencalc extension is not loaded: php -d extension=/path/to/tokencalc.so " . $argv[0] . "\n");
    exit(1);
}

$supply = $argv[1] ?? '5000';
$csv = $argv[2] ?? __DIR__ . '/data/gems.csv';

/* The rows as userId => gems, one at a time; a user may come back, with likes or dislikes. */
function gem_rows(string $path): Generator
{
    $f = fopen($path, 'r');
    if ($f === false) {
        throw new RuntimeException("cannot read $path");
    }
    try {
        $header = fgetcsv($f, escape: '');
        if ($header !== ['user_id', 'gems']) {
            throw new UnexpectedValueException("$path: expected the header user_id,gems");
        }
        while (($row = fgetcsv($f, escape: '')) !== false) {
            if ($row === [null]) {
                continue;   // blank line
            }
            yield $row[0] => $row[1];
        }
    } finally {
        fclose($f);
    }
}

$compat = tokencalc_mint($supply, gem_rows($csv), TOKENCALC_MINT_COMPAT);
$exact = tokencalc_mint($supply, gem_rows($csv), TOKENCALC_MINT_EXACT);
$rows = 0;
foreach (gem_rows($csv) as $_) {
    $rows++;
}

/* A decimal string cut to $places places (display only: the results themselves are exact). */
function show(string $d, int $places): string
{
    return tokencalc_truncate($d, $places);
}

printf("Daily mint of %s tokens: %d rows, %d users, %s gems in total (scale %s)\n\n",
    $supply, $rows, count($compat['users']) + count($compat['skipped']), tokencalc_normalize($compat['total']),
    ini_get('tokencalc.scale'));

$line = str_repeat('-', 108) . "\n";
printf("%-36s %8s %9s %18s %18s %14s\n", 'user', 'gems', 'share %', 'tokens COMPAT', 'tokens EXACT', 'EXACT-COMPAT');
echo $line;
foreach ($exact['users'] as $user => $u) {
    $c = $compat['users'][$user]['tokens'];
    printf("%-36s %8s %9s %18s %18s %14s\n", $user, tokencalc_normalize($u['gems']), show($u['percentage'], 4),
        $c, $u['tokens'], tokencalc_normalize(tokencalc_sub($u['tokens'], $c)));
}
echo $line;
printf("%-55s %18s %18s\n", 'minted', $compat['minted'], $exact['minted']);
printf("%-55s %18s %18s\n", 'dust (supply - minted)', $compat['dust'], $exact['dust']);

if ($compat['skipped']) {
    echo "\nNot minted (total gems <= 0):\n";
    foreach ($compat['skipped'] as $user => $total) {
        printf("  %-36s %8s\n", $user, tokencalc_normalize($total));
    }
}

printf("\nCOMPAT truncates the rate and then every user's tokens: %s tokens are lost today,\n"
    . "and every day. EXACT gives each user trunc(supply * gems / total) and hands what those\n"
    . "truncations leave, one unit of 10^-%s at a time, to the users with the largest remainders\n"
    . "(ties to the smaller user id): minted = supply, dust = %s, whatever the order of the rows.\n",
    tokencalc_normalize($compat['dust']), ini_get('tokencalc.scale'), tokencalc_normalize($exact['dust']));
