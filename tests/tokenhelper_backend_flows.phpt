--TEST--
compat TokenHelper: the backend's own compositions (the fee split of calculateAmountsForMode, the daily mint of MintServiceImpl over the shipped vectors, WalletMapper::saveWalletEntry against bcmath), compared by value
--EXTENSIONS--
tokencalc
bcmath
zlib
--INI--
tokencalc.scale=10
--FILE--
<?php
declare(strict_types=1);
require __DIR__ . '/../compat/TokenHelper.php';

use Fawaz\Utils\TokenCalculations\TokenHelper as T;

/* PeerTokenMapper::calculateAmountsForMode(), step for step: [required, net, peer, burn, inviter]. */
function amounts_for_mode(string $amount, string $peer, string $burn, string $inviter, string $mode): array
{
    $totalRate = T::addRc(T::addRc($peer, $burn), $inviter);
    if ($mode === 'NO_FEES') {
        return [$amount, $amount, '0', '0', '0'];
    }
    if ($mode === 'ADDED') {
        $net = $amount;
        $required = T::calculateTokenRequiredAmount($net, $peer, $burn, $inviter);
    } else {
        $required = $amount;
        $net = T::divRc($required, T::addRc('1', $totalRate));
    }
    return [$required, $net, T::mulRc($net, $peer), T::mulRc($net, $burn), T::mulRc($net, $inviter)];
}

/* MintServiceImpl: per-user sums of the rows, the positive totals, their sum, the rate, tokens and percentages. */
function mint_day(string $supply, array $rows): array
{
    $userTotals = [];
    foreach ($rows as [$uid, $gems]) {
        $userTotals[$uid] = T::addRc($userTotals[$uid] ?? '0', $gems);
    }
    $totals = array_filter($userTotals, fn (string $t) => (float) $t > 0);
    $overall = '0';
    foreach ($totals as $t) {
        $overall = T::addRc($overall, $t);
    }
    $rate = T::divRc($supply, $overall);
    $users = [];
    $minted = '0';
    foreach ($totals as $uid => $t) {
        $users[$uid] = ['tokens' => T::mulRc($t, $rate), 'percentage' => T::mulRc(T::divRc($t, $overall), '100')];
        $minted = T::addRc($minted, $users[$uid]['tokens']);
    }
    // The backend's confirmation figure (calculateGemsInToken) is total × rate; the vectors' "minted" is Σ tokens.
    return ['total' => $overall, 'rate' => $rate, 'minted' => $minted, 'confirmation' => T::mulRc($overall, $rate), 'users' => $users];
}

$splits = $bad = 0;
foreach (file('compress.zlib://' . __DIR__ . '/vectors/fees.jsonl.gz', FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) as $n => $line) {
    $v = json_decode($line, true, 512, JSON_THROW_ON_ERROR);
    $r = $v['rates'];
    $got = amounts_for_mode($v['amount'], $r['peer'], $r['burn'], $r['inviter'], $v['mode']);
    $e = $v['expect'];
    $want = [$e['required'], $e['net'], $e['fees']['peer'] ?? '0', $e['fees']['burn'] ?? '0', $e['fees']['inviter'] ?? '0'];
    $splits++;
    foreach ($got as $i => $g) {
        if (tokencalc_cmp($g, $want[$i]) !== 0) {
            if (++$bad <= 5) {
                echo "fees line ", $n + 1, ": ", json_encode($got), " != ", json_encode($want), "\n";
            }
            break;
        }
    }
}
echo "$splits fee splits, $bad wrong\n";

$days = $rowCount = $bad = 0;
foreach (file('compress.zlib://' . __DIR__ . '/vectors/mint.jsonl.gz', FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) as $n => $line) {
    $v = json_decode($line, true, 512, JSON_THROW_ON_ERROR);
    $got = mint_day($v['supply'], $v['rows']);
    $e = $v['expect'];
    $days++;
    $rowCount += count($v['rows']);
    $ok = array_keys($got['users']) == array_keys($e['users']);
    foreach (['total', 'rate', 'minted'] as $k) {
        $ok = $ok && tokencalc_cmp($got[$k], $e[$k]) === 0;
    }
    foreach ($e['users'] as $uid => $u) {
        $ok = $ok && tokencalc_cmp($got['users'][$uid]['tokens'], $u['tokens']) === 0
            && tokencalc_cmp($got['users'][$uid]['percentage'], $u['percentage']) === 0;
    }
    if (!$ok && ++$bad <= 5) {
        echo "mint line ", $n + 1, ": total $got[total], rate $got[rate], minted $got[minted]\n";
    }
}
echo "$days mint days ($rowCount rows), $bad wrong\n";
// WalletMapper::saveWalletEntry: CREDIT adds, DEBIT subtracts, on a balance of up to 10 places;
// bcmath at scale 10 is exact on such operands.
mt_srand(15);
$balance = $oracle = '1000';
$bad = 0;
for ($i = 0; $i < 20000; $i++) {
    $amount = mt_rand(0, 99999) . '.' . str_pad((string) mt_rand(0, 9999999999), 10, '0', STR_PAD_LEFT);
    $amount = substr($amount, 0, strlen($amount) - mt_rand(0, 10));   // 0 to 10 places
    $amount = rtrim($amount, '.');
    if (mt_rand(0, 1) === 1) {
        $balance = T::addRc($balance, $amount);
        $oracle = bcadd($oracle, $amount, 10);
    } else {
        $balance = T::subRc($balance, $amount);
        $oracle = bcsub($oracle, $amount, 10);
    }
    if (bccomp($balance, $oracle, 10) !== 0 && ++$bad <= 5) {
        echo "wallet update $i: $balance != $oracle\n";
    }
}
echo "20000 wallet updates, $bad wrong\n";

// The first day by hand: 5000 / 322.5 = 15.50387596899..., and 322.5 × 15.5038759689 = 4999.99999997025.
$first = mint_day('5000', json_decode(explode("\n", gzdecode(file_get_contents(__DIR__ . '/vectors/mint.jsonl.gz')), 2)[0], true)['rows']);
echo "day 1: rate $first[rate], confirmation $first[confirmation]\n";
?>
--EXPECT--
5000 fee splits, 0 wrong
200 mint days (132807 rows), 0 wrong
20000 wallet updates, 0 wrong
day 1: rate 15.5038759689, confirmation 4999.9999999702
