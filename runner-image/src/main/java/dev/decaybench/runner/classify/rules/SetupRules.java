package dev.decaybench.runner.classify.rules;

import static dev.decaybench.runner.classify.model.Taxonomy.OTHER;
import static dev.decaybench.runner.classify.model.Taxonomy.SERVER_STARTUP_FAILURE;

import dev.decaybench.runner.classify.facts.Facts;
import dev.decaybench.runner.classify.model.Verdict;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A set-up command (npm install, pip install, ...) failed. Whose fault it is decides the class: a
 * network or registry that could not be reached is the harness's infrastructure, anything else
 * (a dependency that does not exist, a broken package.json) is the app's.
 */
final class SetupRules {

  /**
   * How a failed set-up command appears among the start-up notes; the readers write it with
   * {@code TrialDirectoryReader.setupFailedNote} (classify.input).
   */
  private static final Pattern FAILED = Pattern.compile("^setup command failed \\(exit (-?\\d+)\\): (.*)$");

  /** An error of the network itself: no name resolution, no route, no connection, no answer. */
  private static final Pattern NETWORK = Pattern.compile(
      "\\b(?:ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ESOCKETTIMEDOUT|ENETUNREACH"
          + "|EHOSTUNREACH|ERR_SOCKET_TIMEOUT)\\b|Failed to establish a new connection"
          + "|Temporary failure in name resolution|Name or service not known|Network is unreachable"
          + "|ConnectTimeoutError|ReadTimeoutError|ProxyError|Could not resolve host"
          + "|problem related to network connectivity|trouble with your network connection"
          + "|All attempts to connect to \\S+ failed");

  /**
   * ... met while fetching packages: the line names a registry, a URL or the installer's own
   * network report. Without this an ECONNREFUSED of a migration script (127.0.0.1:5432) would count.
   */
  private static final Pattern FETCHING = Pattern.compile(
      "registry|request to https?://|Retrying \\(Retry\\(|NewConnectionError|/simple/|pypi"
          + "|pythonhosted|getaddrinfo|Could not fetch URL|Could not resolve host|network"
          + "|^npm (?:ERR!|error) (?:code|errno) E|All attempts to connect to");

  /** A registry that answered with a server error: its outage, not the app's request. */
  private static final Pattern REGISTRY_DOWN = Pattern.compile(
      "\\b5\\d\\d (?:Service Unavailable|Bad Gateway|Gateway Time-?out|Internal Server Error)\\b.*"
          + "(?:registry|pypi|pythonhosted)");

  /**
   * A tool that downloads binaries while it installs (Prisma fetches its query and schema engines
   * from binaries.prisma.sh in {@code npm install} and {@code prisma generate}): a download that
   * failed is the machine's network or that host, whatever the HTTP status.
   */
  private static final Pattern BINARY_DOWNLOAD = Pattern.compile(
      "binaries\\.prisma\\.sh|Failed to fetch (?:the engine file|sha256 checksum)"
          + "|(?i:prisma).*(?:engine|binar(?:y|ies)).*(?:download|fetch)");

  /** Lines that say why an install failed, most telling first. */
  private static final List<Pattern> CAUSES = Stream.of("No matching version", "is not in this registry",
      "404 Not Found", "No matching distribution", "Could not find a version", "EJSONPARSE|Unexpected token",
      "ERESOLVE", "command not found|No such file", "Cannot find module|ModuleNotFoundError|SyntaxError")
      .map(Pattern::compile).toList();
  private static final Pattern ERROR_LINE = Pattern.compile("(?i)^(?:npm (?:ERR!|error)|error\\b|ERROR:)");
  private static final int EXCERPT = 200;

  private SetupRules() {}

  /** setup-unreachable: set-up failed because the network or a package registry could not be reached. */
  static Verdict unreachable(Facts f) {
    List<String> failed = failedCommands(f);
    if (failed.isEmpty()) {
      return downloadWhileStarting(f);
    }
    String line = networkLine(f.evidence.setupLog());
    String download = line != null ? null : binaryDownloadLine(f.evidence.setupLog());
    if (line == null && download == null) {
      return null;
    }
    Evidence ev = new Evidence();
    failed.forEach(ev::add);
    ev.add("setup log: " + (line != null ? line : download));
    ev.add(line != null ? "the network or a package registry was unreachable during set-up: an infrastructure"
        + " problem of the harness, not the agent's; evaluate the trial again"
        : "a tool could not download the binaries it fetches at install time (Prisma's engines):"
        + " an infrastructure problem of the harness, not the agent's; evaluate the trial again"
        + " where that host is reachable");
    return Verdict.of(OTHER, 0.9, ev.list());
  }

  /**
   * A tool that fetched binaries while the app started (a feature task's {@code prisma generate}
   * among its migrations) and failed: the run step has no network, so this is the harness's.
   */
  private static Verdict downloadWhileStarting(Facts f) {
    String line = binaryDownloadLine(f.evidence.serverLog());
    if (line == null) {
      return null;
    }
    return Verdict.of(OTHER, 0.85, new Evidence().add("server log: " + line)
        .add("a tool tried to download binaries (Prisma's engines) while the app started, where"
            + " the trial has no network: an infrastructure problem of the harness, not the agent's;"
            + " the binaries must come with set-up")
        .list());
  }

  /** setup-failed: a set-up command failed on the app's own files, so the app was not built as the task says. */
  static Verdict failed(Facts f) {
    List<String> failed = failedCommands(f);
    if (failed.isEmpty()) {
      return null;
    }
    Evidence ev = new Evidence();
    failed.forEach(ev::add);
    String cause = causeLine(f.evidence.setupLog());
    if (cause != null) {
      ev.add("setup log: " + cause);
    }
    ev.add("the set-up failed on the app's own files (package.json, requirements): the app was"
        + " not set up as the task says");
    return Verdict.of(SERVER_STARTUP_FAILURE, 0.9, ev.list());
  }

  static List<String> failedCommands(Facts f) {
    return f.evidence.startupNotes().stream().filter(n -> FAILED.matcher(n).matches()).toList();
  }

  static String networkLine(String setupLog) {
    for (String line : setupLog.lines().toList()) {
      Matcher network = NETWORK.matcher(line);
      if (network.find() && FETCHING.matcher(line).find()) {
        return excerpt(line.strip(), Math.max(0, network.start() - (line.length() - line.strip().length())));
      }
      if (REGISTRY_DOWN.matcher(line).find()) {
        return excerpt(line.strip(), 0);
      }
    }
    return null;
  }

  static String binaryDownloadLine(String setupLog) {
    for (String line : setupLog.lines().toList()) {
      Matcher m = BINARY_DOWNLOAD.matcher(line);
      if (m.find()) {
        return excerpt(line.strip(), Math.max(0, m.start() - (line.length() - line.strip().length())));
      }
    }
    return null;
  }

  /** A long pip line keeps the part around the error (the evidence list clips at 240 characters). */
  private static String excerpt(String line, int at) {
    if (line.length() <= EXCERPT) {
      return line;
    }
    int from = Math.max(0, Math.min(at - 60, line.length() - EXCERPT));
    return (from > 0 ? "..." : "") + line.substring(from, Math.min(line.length(), from + EXCERPT));
  }

  /** The most telling line of a failed install: a known cause, else the last error line. */
  private static String causeLine(String setupLog) {
    List<String> lines = setupLog.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    for (Pattern cause : CAUSES) {
      for (String line : lines) {
        if (cause.matcher(line).find()) {
          return excerpt(line, 0);
        }
      }
    }
    String lastError = null;
    for (String line : lines) {
      if (ERROR_LINE.matcher(line).find()) {
        lastError = line;
      }
    }
    String last = lastError != null ? lastError : lines.isEmpty() ? null : lines.get(lines.size() - 1);
    return last == null ? null : excerpt(last, 0);
  }
}
