package dev.decaybench.runner.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.result.VerifierResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaperVerifiersTest {

  private static VerifierResult one(Map<String, String> files, String constraint) {
    return new PaperVerifiers().verify(new PatchFiles(files), List.of(constraint)).get(0);
  }

  @Test
  void cleanArchitectureNeedsThreeLayersAndNoUpwardImport() {
    Map<String, String> ok = Map.of(
        "src/routes/a.js", "const s = require('../services/articleService');",
        "src/services/articleService.js", "const r = require('../repositories/articleRepository');",
        "src/repositories/articleRepository.js", "const { Article } = require('../models');",
        "src/models/index.js", "module.exports = {};");
    assertThat(one(ok, "clean_architecture").passed()).isTrue();

    Map<String, String> upward = new java.util.HashMap<>(ok);
    upward.put("src/repositories/userRepository.js", "const s = require('../services/userService');");
    VerifierResult r = one(upward, "clean_architecture");
    assertThat(r.passed()).isFalse();
    assertThat(r.evidence()).anyMatch(e -> e.contains("userRepository.js (repositories) imports ../services/userService"));

    assertThat(one(Map.of("app.py", "import flask", "routes/x.py", ""), "clean_architecture").reason())
        .startsWith("only 1/4 layers");
  }

  @Test
  void databaseCheckWantsTheRequiredOneAndNotTheOther() {
    assertThat(one(Map.of("db.py", "URL = 'postgresql://user:password@postgres/conduit'"), "postgres").passed()).isTrue();
    VerifierResult both = one(Map.of("db.py", "import psycopg2\nURL = 'sqlite:///x.db'"), "postgres");
    assertThat(both.passed()).isFalse();
    assertThat(both.reason()).contains("also found sqlite evidence: connstr:sqlite");
    assertThat(one(Map.of("package-lock.json", "\"pg\": {}", "a.js", "dialect: 'sqlite'"), "sqlite").passed())
        .as("lock files are ignored").isTrue();
  }

  @Test
  void ormCheckLooksForAnyEvidence() {
    assertThat(one(Map.of("requirements.txt", "SQLAlchemy>=1.4"), "sqlalchemy").passed()).isTrue();
    assertThat(one(Map.of("package.json", "{\"dependencies\": {\"sequelize\": \"6\"}}"), "sequelize").passed()).isTrue();
    assertThat(one(Map.of("a.js", "const knex = require('knex')"), "sequelize").passed()).isFalse();
  }

  @Test
  void emptyPatchFailsEveryCheck() {
    assertThat(one(Map.of(), "postgres").reason()).isEqualTo("no files in the patch");
  }

  @Test
  void unifiedDiffKeepsOnlyAddedLines() {
    PatchFiles p = PatchFiles.fromUnifiedDiff("""
        diff --git a/db.py b/db.py
        --- a/db.py
        +++ b/db.py
        @@ -1,2 +1,2 @@
        -URL = 'sqlite:///old.db'
        +URL = 'postgresql://postgres/conduit'
        """);
    assertThat(p.addedText()).containsOnlyKeys("db.py");
    assertThat(p.addedText().get("db.py")).isEqualTo("URL = 'postgresql://postgres/conduit'\n");
  }
}
