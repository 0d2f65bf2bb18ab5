package dev.decaybench.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.decaybench.runner.util.Json;
import dev.decaybench.runner.task.FeatureCommands;
import dev.decaybench.runner.task.Frameworks;
import dev.decaybench.runner.task.TaskCatalog;
import dev.decaybench.runner.task.TaskDefinition;
import dev.decaybench.runner.task.TaskLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code decaybench tasks list|show|import}. */
@Command(name = "tasks", mixinStandardHelpOptions = true,
    description = "The built-in constraint-decay suite (8 frameworks x 10 variants) and task import.",
    subcommands = {TasksCommand.ListTasks.class, TasksCommand.ShowTask.class, TasksCommand.ImportTasks.class})
public final class TasksCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code tasks list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the built-in tasks.")
  static final class ListTasks implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--framework", description = "Only this framework.")
    String framework;

    @Option(names = "--level", description = "Only this level (0-3).")
    Integer level;

    @Override
    public Integer call() {
      if (framework != null && !Frameworks.known(framework)) {
        throw new ParameterException(spec.commandLine(), "unknown framework '" + framework
            + "' (known: " + String.join(", ", Frameworks.ids()) + ")");
      }
      String wanted = framework == null ? null : Frameworks.byId(framework).id();
      PrintWriter out = spec.commandLine().getOut();
      out.printf("%-58s %-8s %-5s %s%n", "NAME", "FRAMEWORK", "LEVEL", "CONSTRAINTS");
      for (TaskCatalog.Entry t : TaskCatalog.list()) {
        String fw = t.framework().id();
        if ((wanted == null || fw.equals(wanted)) && (level == null || t.level() == level)) {
          out.printf("%-58s %-8s L%-4d %s%n", t.name(), fw, t.level(),
              t.constraints().isEmpty() ? "-" : String.join(",", t.constraints()));
        }
      }
      return 0;
    }
  }

  /** {@code tasks show NAME}. */
  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Shows one task in decaybench's task format (JSON), or only its prompt.")
  static final class ShowTask implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME|FILE")
    String task;

    @Option(names = "--prompt", description = "Print only the prompt.")
    boolean promptOnly;

    @Override
    public Integer call() throws IOException {
      TaskDefinition t = TaskLoader.load(task, null);
      spec.commandLine().getOut().println(promptOnly
          ? (t.prompt() == null ? "(this task has no prompt)" : FeatureCommands.prompt(t))
          : Json.mapper().writeValueAsString(t));
      return 0;
    }
  }

  /** {@code tasks import DIR --out DIR}. */
  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Converts task JSON files in the paper's format (searched recursively) into "
          + "decaybench's task format, one file per task.")
  static final class ImportTasks implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR")
    Path from;

    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;

    @Override
    public Integer call() throws IOException {
      if (!Files.isDirectory(from)) {
        throw new IllegalArgumentException(from + " is not a directory");
      }
      List<Path> files;
      try (Stream<Path> s = Files.walk(from)) {
        files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
      }
      Files.createDirectories(out);
      ObjectMapper json = Json.mapper();
      int n = 0;
      List<String> missing = new java.util.ArrayList<>();
      for (Path f : files) {
        TaskDefinition t = TaskLoader.fromJson(json.readTree(f.toFile()), f.toString());
        json.writeValue(out.resolve(t.name() + ".json").toFile(), t);
        n++;
        if (t.repo() != null && !copyRemovalPatch(t.repo().patch(), f, out)) {
          missing.add(t.name());
        }
      }
      PrintWriter print = spec.commandLine().getOut();
      print.println("imported " + n + " task(s) into " + out);
      if (!missing.isEmpty()) {
        print.println(missing.size() + " feature task(s) without their removal patch beside the task file"
            + " (copy it next to the imported file before running them): " + String.join(", ", missing));
      }
      return 0;
    }

    /** A feature task's removal patch goes with it: looked up beside the paper's task file. */
    private static boolean copyRemovalPatch(String patch, Path taskFile, Path out) throws IOException {
      if (patch == null || patch.isBlank()) {
        return false;
      }
      Path from = taskFile.toAbsolutePath().getParent().resolve(patch).normalize();
      if (!Files.isRegularFile(from)) {
        return false;
      }
      Files.copy(from, out.resolve(from.getFileName().toString()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return true;
    }
  }
}
