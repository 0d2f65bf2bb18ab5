package dev.decaybench.runner.classify.facts;

import dev.decaybench.runner.classify.facts.LogSignature.Kind;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where an exception of the app's own code was raised: the app frames of the Python traceback
 * before the exception line, or of the Node stack after it (library frames are skipped). Used to
 * tell a crash in the data-access code (repositories, sessions, query building) from a crash
 * anywhere else.
 */
public final class RaiseSite {

  /**
   * The exception line; the app frame or code line that puts it in the data layer (or null); the
   * innermost app frame with its code line (empty when the log has no app frame).
   */
  public record Site(LogFacts.Hit exception, String dataLayerLine, String appFrame) {
    public boolean inDataLayer() {
      return dataLayerLine != null;
    }
  }

  private static final Pattern EXCEPTION_LINE = Pattern.compile(
      "^\\s*(?:[\\w.$]+\\.)?[A-Z]\\w*(?:Error|Exception|Exit)\\b(?::|$)|^\\s*Error: ");
  private static final Pattern LIBRARY = Pattern.compile("site-packages|dist-packages|node_modules|node:internal|/lib/python3|<anonymous>");
  private static final Pattern FRAME = Pattern.compile("^\\s*(?:File \"|at )");
  private static final Pattern DATA_LAYER_FRAME = Pattern.compile(
      "(?i)repositor(?!y/)|[/_.]repo\\b|\\brepo[s]?[/.]|data_?store|\\bdao\\b|/db/|/db\\.|database|/models?/|models?\\.py|session");
  private static final Pattern DATA_LAYER_CODE = Pattern.compile(
      "SessionLocal|\\bsession\\.|\\bdb\\.(?:session|query|execute|all|get|run|prepare)|\\.execute\\(|\\.query\\(|\\.join\\("
      + "|\\.filter(?:_by)?\\(|\\bselect\\(|cursor|\\.find(?:All|One|ByPk)\\(|\\.prepare\\(|sqlite3\\.Row");
  private static final Pattern DATA_LAYER_MESSAGE = Pattern.compile("SessionLocal|sqlite3\\.Row|'Session'|'Connection'|'Cursor'");

  private RaiseSite() {}

  /** The last app exception in the log and where it was raised; null when the log shows none. */
  public static Site last(LogFacts log) {
    List<LogFacts.Hit> hits = log.all(Kind.APP_EXCEPTION);
    for (int i = hits.size() - 1; i >= 0; i--) {
      LogFacts.Hit h = hits.get(i);
      if (h.setup() || !EXCEPTION_LINE.matcher(h.line()).find()) {
        continue;
      }
      PythonFrame py = innermostPythonFrame(log, h);
      return new Site(h, dataLayerLine(log, h, py), py == null ? "" : py.joined());
    }
    return null;
  }

  /** An app frame of a Python traceback; {@code code} is its source line, null when none follows. */
  private record PythonFrame(String frame, String code) {
    String joined() {
      return frame.strip() + (code == null ? "" : " | " + code.strip());
    }
  }

  /** The innermost app (non-library) frame of the traceback above the exception, or null. */
  private static PythonFrame innermostPythonFrame(LogFacts log, LogFacts.Hit h) {
    PythonFrame out = null;
    List<String> before = log.before(h, 24);
    for (int i = 0; i < before.size(); i++) {
      String line = before.get(i);
      if (line.contains("File \"") && !LIBRARY.matcher(line).find()) {
        String next = i + 1 < before.size() ? before.get(i + 1) : "";
        out = new PythonFrame(line, next.contains("File \"") ? null : next);
      }
    }
    return out;
  }

  private static String dataLayerLine(LogFacts log, LogFacts.Hit h, PythonFrame py) {
    if (DATA_LAYER_MESSAGE.matcher(h.line()).find()) {
      return h.line().strip();
    }
    // Python: the innermost app frame of the traceback above, with its code line
    String frame = py == null ? null : py.frame();
    String code = py == null ? null : py.code();
    // Node: the first app frame of the stack below the message
    if (frame == null) {
      for (String line : log.after(h, 12)) {
        if (FRAME.matcher(line).find() && !LIBRARY.matcher(line).find()) {
          frame = line;
          break;
        }
      }
    }
    if (frame != null && DATA_LAYER_FRAME.matcher(frame).find()) {
      return frame.strip();
    }
    if (code != null && DATA_LAYER_CODE.matcher(code).find()) {
      return code.strip();
    }
    return null;
  }
}
