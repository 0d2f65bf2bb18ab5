package dev.decaybench.runner.cli;

import dev.decaybench.runner.task.TaskException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code decaybench} command line. */
@Command(name = "decaybench", mixinStandardHelpOptions = true, version = "decaybench 0.1.0",
    description = "Measures how coding agents' backend services decay under structural constraints.")
public final class DecaybenchCli implements Runnable {

  /** Exit code for a mistake in what the user gave: options, a task name or a task file. */
  public static final int USAGE_ERROR = 2;

  /** Exit code for a harness error: the evaluation itself could not be done. */
  public static final int HARNESS_ERROR = 3;

  public static void main(String[] args) {
    QuickExit.exit(run(args));
  }

  /** In the order {@code --help} lists them. */
  private static final List<Class<?>> SUBCOMMANDS = List.of(EvaluateCommand.class,
      AppHostCommand.class, RunCommand.class, TasksCommand.class, PrepareCommand.class,
      AgentCommand.class, ReportCommand.class, CompareCommand.class, ClassifyCommand.class,
      CommandLine.HelpCommand.class);

  public static int run(String... args) {
    return commandLine(args)
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

  /**
   * The command line with only the subcommand that {@code args} name, when they name one:
   * picocli reads every registered command's annotations up front (in a cold JVM 60-80 ms for
   * all of them, paid by every evaluation); help and unknown names still see every subcommand.
   */
  static CommandLine commandLine(String... args) {
    CommandLine cli = new CommandLine(new DecaybenchCli());
    String first = args.length == 0 ? "" : args[0];
    List<Class<?>> wanted = SUBCOMMANDS.stream()
        .filter(c -> c.getAnnotation(Command.class).name().equals(first)).toList();
    if (wanted.contains(CommandLine.HelpCommand.class)) {
      wanted = List.of();
    }
    (wanted.isEmpty() ? SUBCOMMANDS : wanted).forEach(cli::addSubcommand);
    return cli;
  }

  @Spec
  CommandSpec spec;

  /** No subcommand given: the usage, with every subcommand (they were all registered). */
  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
