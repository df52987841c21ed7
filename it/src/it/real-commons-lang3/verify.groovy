// The released-suite comparison is the same for every library: it/src/it/real-shared.
// basedir is the clone, it/target/it/real-commons-lang3.
evaluate(new File(basedir, "../../../src/it/real-shared/verify.groovy"))

// The default call sites are on: lang3's clock and randomness calls go through traps.
def summary = new File(basedir, 'build.log').readLines().find { it =~ /Trap \S+ wove \d+ classes/ }
assert summary =~ /; calls of \d+ other methods trapped/ : "no call site trapped: $summary"
