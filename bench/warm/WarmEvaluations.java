import dev.decaybench.runner.cli.DecaybenchCli;

/**
 * Evaluates one app several times in ONE JVM, as `decaybench run` evaluates trial after trial,
 * and prints each evaluation's wall time: the engine's own cost once class loading and the JIT
 * are behind it, beside a cold `decaybench evaluate`.
 */
public final class WarmEvaluations {

  public static void main(String[] args) {
    String app = args[0];
    int n = Integer.parseInt(args[1]);
    String task = args[2];
    for (int i = 1; i <= n; i++) {
      long t0 = System.nanoTime();
      int rc = DecaybenchCli.run("evaluate", "--app", app, "--out", "/tmp/decaybench-warm-" + i,
          "--task", task, "--no-extended");
      System.out.printf("evaluation %d: exit %d, %d ms%n", i, rc, (System.nanoTime() - t0) / 1_000_000);
    }
    System.exit(0);
  }
}
