package dev.decaybench.runner.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

/** The decaybench CLI run in this JVM, as a user's terminal would see it: exit code, stdout, stderr. */
public record CliRun(int code, String out, String err) {

  public static CliRun of(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true));
    System.setErr(new PrintStream(err, true));
    try {
      int code = DecaybenchCli.run(args);
      return new CliRun(code, out.toString(), err.toString());
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }
}
