package dev.decaybench.model.manifest;

import java.util.List;

/**
 * A run manifest could not be read or is invalid. {@link #getMessage()} is meant for a human as
 * it is (print it, not the stack trace): the source, then one line per problem, each starting
 * with the path of the field, e.g. {@code spec.tasks.levels[0]: level 7 is out of range 0..3}.
 */
public class ManifestException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final List<String> problems;

  public ManifestException(String source, List<String> problems) {
    super(format(source, problems), null, false, false);
    this.source = source;
    this.problems = List.copyOf(problems);
  }

  public ManifestException(String source, String problem) {
    this(source, List.of(problem));
  }

  /** Where the manifest came from: a file path or a short description. */
  public String getSource() {
    return source;
  }

  /** Every problem found, one human sentence each (never empty). */
  public List<String> getProblems() {
    return problems;
  }

  static String format(String source, List<String> problems) {
    String prefix = source == null || source.isEmpty() ? "" : source + ": ";
    if (problems.size() == 1) {
      return prefix + problems.get(0);
    }
    StringBuilder sb = new StringBuilder(prefix).append(problems.size()).append(" problems:");
    for (String p : problems) {
      sb.append("\n  - ").append(p);
    }
    return sb.toString();
  }
}
