package dev.decaybench.runner.run.agent.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent's three tools: {@code run_shell} (in the workspace, time-limited, output truncated),
 * {@code write_file} (only inside the workspace) and {@code finish}. A bad call is an error the
 * model reads and can correct, never a failure of the trial.
 */
final class ToolBox {

  static final String RUN_SHELL = "run_shell";
  static final String WRITE_FILE = "write_file";
  static final String FINISH = "finish";
  static final int MAX_FILE_BYTES = 2 * 1024 * 1024;

  /** What the model is told; {@code finish} ends the agent with {@code summary}. */
  record Result(String text, boolean error, boolean finish) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  /** {@code cd DIR} at the start of a command or after ; & | ( or a newline. */
  private static final Pattern CD = Pattern.compile("(?:^|[;&|(\\n]|\\bthen|\\bdo)\\s*(?:builtin\\s+)?(?:cd|pushd)\\b(?!-)(?:\\s+([^\\s;&|)]+))?");

  private final Path workspace;
  private final ShellRunner shell;

  ToolBox(Path workspace, ShellRunner shell) {
    this.workspace = workspace.toAbsolutePath().normalize();
    this.shell = shell;
  }

  /** The OpenAI {@code tools} array. */
  static ArrayNode definitions() {
    ArrayNode tools = JSON.createArrayNode();
    tools.add(function(RUN_SHELL, "Run a bash command in the workspace (a fresh shell each time,"
        + " starting in the workspace root). Returns the exit code and the combined output.",
        "command", "The bash command line to run."));
    ObjectNode write = function(WRITE_FILE, "Create or overwrite a file in the workspace with"
        + " the given content. Parent directories are created.", "path",
        "File path relative to the workspace root.");
    ObjectNode params = (ObjectNode) write.path("function").path("parameters");
    ((ObjectNode) params.path("properties")).putObject("content").put("type", "string")
        .put("description", "The complete new content of the file.");
    ((ArrayNode) params.path("required")).add("content");
    tools.add(write);
    tools.add(function(FINISH, "Call this once the task is complete (or you cannot make further"
        + " progress). Ends your session.", "summary", "A short summary of what you did."));
    return tools;
  }

  private static ObjectNode function(String name, String description, String param, String paramDescription) {
    ObjectNode tool = JSON.createObjectNode().put("type", "function");
    ObjectNode fn = tool.putObject("function").put("name", name).put("description", description);
    ObjectNode params = fn.putObject("parameters").put("type", "object");
    params.putObject("properties").putObject(param).put("type", "string").put("description", paramDescription);
    params.putArray("required").add(param);
    return tool;
  }

  /** Executes one native tool call. */
  Result call(String name, String arguments, long shellTimeoutSeconds) throws InterruptedException {
    JsonNode args;
    try {
      args = JSON.readTree(arguments == null || arguments.isBlank() ? "{}" : arguments);
    } catch (IOException e) {
      return error("the arguments are not valid JSON (" + e.getClass().getSimpleName() + "); send"
          + " a JSON object such as {\"command\": \"ls\"}");
    }
    return switch (name) {
      case RUN_SHELL -> args.path("command").isTextual()
          ? runShell(args.get("command").asText(), shellTimeoutSeconds)
          : error("run_shell needs a string argument 'command'");
      case WRITE_FILE -> args.path("path").isTextual() && args.path("content").isTextual()
          ? writeFile(args.get("path").asText(), args.get("content").asText())
          : error("write_file needs string arguments 'path' and 'content'");
      case FINISH -> new Result(args.path("summary").asText(""), false, true);
      default -> error("unknown tool '" + name + "'; the tools are run_shell, write_file and finish");
    };
  }

  Result runShell(String command, long timeoutSeconds) throws InterruptedException {
    String escape = cdOutside(command);
    if (escape != null) {
      return error("not run: 'cd " + escape + "' leaves the workspace; every command starts in the"
          + " workspace root and must stay inside it");
    }
    try {
      ShellRunner.Result r = shell.run(command, timeoutSeconds);
      return new Result(shellSummary(r, timeoutSeconds) + "\n" + r.output(),
          r.timedOut() || r.exitCode() != 0, false);
    } catch (IOException e) {
      return error("could not run the command: " + e.getMessage());
    }
  }

  /** The first line a model reads: how the command ended and how much of its output it sees. */
  private static String shellSummary(ShellRunner.Result r, long timeoutSeconds) {
    String end = r.timedOut() ? "stopped at the time limit of " + timeoutSeconds + " s (exit code none)"
        : "exit code " + r.exitCode();
    if (r.outputBytes() == 0) {
      return end + ", no output";
    }
    return end + ", " + r.outputBytes() + " bytes of output" + (r.cut()
        ? " (only its head and tail are shown: the middle is cut)" : "");
  }

  Result writeFile(String path, String content) {
    Path target;
    try {
      target = insideWorkspace(path);
    } catch (IllegalArgumentException e) {
      return error("not written: " + e.getMessage());
    }
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > MAX_FILE_BYTES) {
      return error("not written: " + bytes.length + " bytes is more than the limit of " + MAX_FILE_BYTES);
    }
    try {
      Files.createDirectories(target.getParent());
      insideWorkspace(path); // again, now that the directories exist: no symlink escape
      Files.write(target, bytes);
      shell.sandbox().adopt(target);
      String rel = workspace.relativize(target).toString();
      return new Result("wrote " + bytes.length + " bytes to " + rel + modeNote(target, rel, content),
          false, false);
    } catch (IOException | IllegalArgumentException e) {
      return error("not written: " + e.getMessage());
    }
  }

  /**
   * A script the model may mean to run as {@code ./name} is told that it cannot: files are
   * written with mode 644, as by an editor or a heredoc.
   */
  private static String modeNote(Path file, String rel, String content) throws IOException {
    if (!(content.startsWith("#!") || rel.endsWith(".sh")) || Files.isExecutable(file)) {
      return "";
    }
    return " (mode " + PosixFilePermissions.toString(Files.getPosixFilePermissions(file))
        + ", not executable: `./" + rel + "` is refused with Permission denied; run it with `bash "
        + rel + "` or `chmod +x " + rel + "` first)";
  }

  /**
   * The absolute path of {@code path} if it stays inside the workspace, following symlinks that
   * already exist; relative paths are taken from the workspace root.
   */
  Path insideWorkspace(String path) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("empty path");
    }
    Path target = workspace.resolve(path.strip()).normalize();
    if (!target.startsWith(workspace) || target.equals(workspace)) {
      throw new IllegalArgumentException("'" + path + "' is outside the workspace; use a path"
          + " relative to the workspace root");
    }
    try {
      Path real = workspace.toRealPath();
      Path existing = target;
      while (!Files.exists(existing, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        existing = existing.getParent();
      }
      Path resolved = existing.toRealPath();
      if (!resolved.startsWith(real)) {
        throw new IllegalArgumentException("'" + path + "' leads outside the workspace through a"
            + " symbolic link");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("'" + path + "' cannot be checked: " + e.getMessage());
    }
    return target;
  }

  /**
   * A guard against wandering off (not a sandbox): follows the literal {@code cd} targets of a
   * command and returns the first that leaves the workspace, else null. Targets built from
   * variables or substitutions are not judged.
   */
  String cdOutside(String command) {
    Path current = workspace;
    Matcher m = CD.matcher(command);
    while (m.find()) {
      String arg = m.group(1) == null ? "~" : m.group(1).replaceAll("^['\"]|['\"]$", "");
      if (arg.equals("-") || arg.startsWith("-") && arg.length() > 1 && !arg.startsWith("--")) {
        continue;
      }
      if (arg.contains("$") || arg.contains("`") || arg.contains("*")) {
        continue;
      }
      Path next;
      if (arg.equals("~") || arg.startsWith("~/")) {
        next = Path.of(System.getProperty("user.home")).resolve(arg.equals("~") ? "" : arg.substring(2));
      } else {
        next = current.resolve(arg);
      }
      next = next.normalize();
      if (!next.startsWith(workspace)) {
        return arg;
      }
      current = next;
    }
    return null;
  }

  private static Result error(String message) {
    return new Result("error: " + message, true, false);
  }
}
