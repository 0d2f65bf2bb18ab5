package dev.decaybench.runner.verify;

import dev.decaybench.model.result.VerifierResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The paper's ORM check: any evidence of the required ORM in the patch. */
public final class OrmVerifier {

  private static final Map<String, Map<String, Pattern>> EVIDENCE = new LinkedHashMap<>();
  static {
    Map<String, Pattern> sqlalchemy = new LinkedHashMap<>();
    sqlalchemy.put("import:sqlalchemy", Pattern.compile(
        "(?:^|\\s)import\\s+sqlalchemy|from\\s+sqlalchemy(?:\\.|\\s+import)", Pattern.MULTILINE));
    sqlalchemy.put("dep:sqlalchemy", Pattern.compile("(?i)sqlalchemy"));
    Map<String, Pattern> sequelize = new LinkedHashMap<>();
    int i = Pattern.CASE_INSENSITIVE;
    sequelize.put("import:sequelize", Pattern.compile("require\\(\\s*['\"]sequelize['\"]\\s*\\)", i));
    sequelize.put("esm:sequelize", Pattern.compile("from\\s+['\"]sequelize['\"]", i));
    sequelize.put("dep:sequelize", Pattern.compile("['\"]sequelize['\"]\\s*:", i));
    sequelize.put("usage:sequelize", Pattern.compile("new\\s+Sequelize\\s*\\(", i));
    EVIDENCE.put("sqlalchemy", sqlalchemy);
    EVIDENCE.put("sequelize", sequelize);
  }

  /** @param expected {@code sqlalchemy} or {@code sequelize} */
  public VerifierResult verify(PatchFiles patch, String expected) {
    if (patch.isEmpty()) {
      return new VerifierResult(expected, VerifierResult.PAPER, false, "no files in the patch", List.of());
    }
    List<String> found = TextEvidence.labelsFound(TextEvidence.blob(patch), EVIDENCE.get(expected));
    return new VerifierResult(expected, VerifierResult.PAPER, !found.isEmpty(),
        found.isEmpty() ? "no " + expected + " evidence found"
            : "found " + expected + " evidence: " + String.join(", ", found),
        found.stream().map(l -> expected + ": " + l).toList());
  }
}
