package dev.decaybench.runner.verify;

import dev.decaybench.model.result.VerifierResult;
import java.util.ArrayList;
import java.util.List;

/**
 * decaybench's checks beside the paper's: the import graph for clean architecture, the runtime
 * database proof for postgres/sqlite, ORM usage for sqlalchemy/sequelize. They decide
 * strictAPctPlus, never strictAPct.
 */
public final class StrongerVerifiers {

  public List<VerifierResult> verify(SourceFiles sources, DatabaseFootprint footprint,
      List<String> constraints) {
    List<VerifierResult> out = new ArrayList<>();
    for (String c : constraints) {
      switch (c) {
        case "clean_architecture" -> out.add(new ImportGraphVerifier().verify(sources));
        case "postgres", "sqlite" -> {
          if (footprint != null) {
            out.add(new RuntimeDatabaseVerifier().verify(footprint, c));
          }
        }
        case "sqlalchemy", "sequelize" -> out.add(new OrmUsageVerifier().verify(sources, c,
            footprint == null ? List.of() : footprint.tables()));
        default -> { }
      }
    }
    return out;
  }
}
