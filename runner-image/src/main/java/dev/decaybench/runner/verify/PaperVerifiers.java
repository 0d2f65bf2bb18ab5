package dev.decaybench.runner.verify;

import dev.decaybench.model.result.VerifierResult;
import java.util.ArrayList;
import java.util.List;

/** Runs the paper's static check for each constraint of the task; their verdict gates strict A%. */
public final class PaperVerifiers {

  private final CleanArchitectureVerifier architecture = new CleanArchitectureVerifier();
  private final DatabaseVerifier database = new DatabaseVerifier();
  private final OrmVerifier orm = new OrmVerifier();

  public List<VerifierResult> verify(PatchFiles patch, List<String> constraints) {
    List<VerifierResult> out = new ArrayList<>();
    for (String c : constraints) {
      switch (c) {
        case "clean_architecture" -> out.add(architecture.verify(patch));
        case "postgres", "sqlite" -> out.add(database.verify(patch, c));
        case "sqlalchemy", "sequelize" -> out.add(orm.verify(patch, c));
        default -> throw new IllegalArgumentException("unknown constraint " + c
            + " (known: clean_architecture, postgres, sqlite, sqlalchemy, sequelize)");
      }
    }
    return out;
  }
}
