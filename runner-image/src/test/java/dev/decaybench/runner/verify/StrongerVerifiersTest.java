package dev.decaybench.runner.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.result.VerifierResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrongerVerifiersTest {

  private static final Map<String, String> PY_LAYERED = Map.of(
      "app.py", "from routes import register\n",
      "routes/__init__.py", "from . import articles\n",
      "routes/articles.py", "from services import article_service\n",
      "services/article_service.py", "from repositories.article_repository import find\n",
      "repositories/article_repository.py", "from ..models.article import Article\nfrom models import user\n",
      "models/article.py", "class Article: __tablename__ = 'articles'\n",
      "models/user.py", "class User: __tablename__ = 'users'\n");

  @Test
  void importGraphAcceptsOneLayerDownPerImport() {
    VerifierResult r = new ImportGraphVerifier().verify(new SourceFiles(PY_LAYERED));
    assertThat(r.passed()).as(r.reason()).isTrue();
  }

  @Test
  void importGraphLetsEveryLayerUseTheModels() {
    // clean architecture: entities are data every layer uses; only the task's rule is checked
    Map<String, String> files = new java.util.HashMap<>(PY_LAYERED);
    files.put("services/article_service.py",
        "from repositories.article_repository import find\nfrom models.article import Article\n");
    files.put("routes/articles.py", "from services import article_service\nfrom models.user import User\n");
    VerifierResult r = new ImportGraphVerifier().verify(new SourceFiles(files));
    assertThat(r.passed()).as(String.join("; ", r.evidence())).isTrue();
  }

  @Test
  void importGraphFlagsAModelThatImportsAService() {
    Map<String, String> files = new java.util.HashMap<>(PY_LAYERED);
    files.put("models/user.py", "from services.article_service import slugify\n");
    VerifierResult r = new ImportGraphVerifier().verify(new SourceFiles(files));
    assertThat(r.passed()).isFalse();
    assertThat(r.evidence()).containsExactly(
        "models/user.py:1: from services.article_service import slugify (models -> services, upwards)");
  }

  @Test
  void importGraphFlagsARouteThatSkipsTheServiceLayer() {
    Map<String, String> files = new java.util.HashMap<>(PY_LAYERED);
    files.put("routes/tags.py", "import json\nfrom repositories.article_repository import find\n");
    VerifierResult r = new ImportGraphVerifier().verify(new SourceFiles(files));
    assertThat(r.passed()).isFalse();
    assertThat(r.evidence()).containsExactly(
        "routes/tags.py:2: from repositories.article_repository import find (routes -> repositories, bypasses the services)");
  }

  @Test
  void importGraphResolvesRelativeJavaScriptRequiresAndFlagsUpwardOnes() {
    VerifierResult r = new ImportGraphVerifier().verify(new SourceFiles(Map.of(
        "src/routes/a.js", "const s = require('../services/a');",
        "src/services/a.js", "const r = require('../repositories/a.js');",
        "src/repositories/a.js", "import { A } from '../models';\nconst x = require('../services/a')",
        "src/models/index.js", "module.exports = {}")));
    assertThat(r.passed()).isFalse();
    assertThat(r.evidence()).singleElement().asString()
        .startsWith("src/repositories/a.js:2: ../services/a (repositories -> services, upwards)");
  }

  @Test
  void runtimeDatabaseProofNeedsTheSuitesRowsInPostgres() {
    DatabaseFootprint good = new DatabaseFootprint(List.of("users", "articles"),
        Map.of("db1", "public.users.username"), List.of(), List.of(), null);
    assertThat(new RuntimeDatabaseVerifier().verify(good, "postgres").passed()).isTrue();

    DatabaseFootprint sqlite = new DatabaseFootprint(List.of(), Map.of(), List.of("db1"),
        List.of("conduit.db"), null);
    VerifierResult r = new RuntimeDatabaseVerifier().verify(sqlite, "postgres");
    assertThat(r.passed()).isFalse();
    assertThat(r.reason()).isEqualTo("data went to SQLite, not PostgreSQL");
    assertThat(new RuntimeDatabaseVerifier().verify(sqlite, "sqlite").passed()).isTrue();
  }

  @Test
  void ormUsageWantsAModelPerTableAndNoHandWrittenSql() {
    SourceFiles orm = new SourceFiles(Map.of("models/user.py", "class User(Base):\n    __tablename__ = 'users'\n"));
    assertThat(new OrmUsageVerifier().verify(orm, "sqlalchemy", List.of("users")).passed()).isTrue();
    assertThat(new OrmUsageVerifier().verify(orm, "sqlalchemy", List.of("users", "favorites")).reason())
        .isEqualTo("1 table(s) not mapped by sqlalchemy");

    SourceFiles raw = new SourceFiles(Map.of(
        "models/user.py", "__tablename__ = 'users'\n",
        "repositories/user_repository.py", "def find(c):\n    c.execute(\"SELECT id FROM users WHERE username = %s\", (u,))\n"));
    VerifierResult r = new OrmUsageVerifier().verify(raw, "sqlalchemy", List.of("users"));
    assertThat(r.passed()).isFalse();
    assertThat(r.evidence()).anyMatch(e -> e.startsWith("hand-written SQL: repositories/user_repository.py:2"));
  }

  @Test
  void sequelizeModelNamesMatchPluralTables() {
    SourceFiles js = new SourceFiles(Map.of("src/models/index.js",
        "const User = sequelize.define('User', {});\nconst Favorite = sequelize.define('Favorite', {}, { tableName: 'article_favorites' });"));
    assertThat(new OrmUsageVerifier().verify(js, "sequelize", List.of("Users", "article_favorites")).passed()).isTrue();
  }
}
