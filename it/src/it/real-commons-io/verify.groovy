// The released-suite comparison is the same for every library: it/src/it/real-shared.
// basedir is the clone, it/target/it/real-commons-io.
evaluate(new File(basedir, "../../../src/it/real-shared/verify.groovy"))
