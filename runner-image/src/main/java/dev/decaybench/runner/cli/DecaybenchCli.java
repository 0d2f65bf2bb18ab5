package dev.decaybench.runner.cli;

import dev.decaybench.runner.task.TaskException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code decaybench} command line. */
@Command(name = "decaybench", mixinStandardHelpOptions = true, version = "decaybench 0.1.0",
    description = "Measures how coding agents' backend services decay under structural constraints.",
    subcommands = {EvaluateCommand.class, AppHostCommand.class, RunCommand.class, TasksCommand.class, PrepareCommand.class, AgentCommand.class, ReportCommand.class, CompareCommand.class, ClassifyCommand.class, CommandLine.HelpCommand.class})
public final class DecaybenchCli implements Runnable {

  /** Exit code for a mistake in what the user gave: options, a task name or a task file. */
  public static final int USAGE_ERROR = 2;

  /** Exit code for a harness error: the evaluation itself could not be done. */
  public static final int HARNESS_ERROR = 3;

  public static void main(String[] args) {
    QuickExit.exit(run(args));
  }

  public static int run(String... args) {
    return new CommandLine(new DecaybenchCli())
        .setExecutionExceptionHandler((ex, cmd, parsed) -> {
          cmd.getErr().println("decaybench: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
          if (System.getenv("DECAYBENCH_DEBUG") != null) {
            ex.printStackTrace(cmd.getErr());
          }
          // a task that cannot be read is the user's input, like a bad option
          return ex instanceof TaskException ? USAGE_ERROR : HARNESS_ERROR;
        })
        .execute(args);
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
