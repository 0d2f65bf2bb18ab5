package dev.decaybench.model.v1alpha1;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A constraint variant of the built-in suite, e.g. {@code clean_architecture-postgres-sqlalchemy}:
 * up to three constraints (clean architecture; a database, postgres or sqlite; the family's ORM,
 * which needs a database). Its level L0..L3 is the number of constraints; {@code unconstrained} is
 * L0. The canonical name lists the tokens in that order, as the task names do.
 */
public record ConstraintVariant(boolean cleanArchitecture, String database, String orm) {

  public static final String UNCONSTRAINED = "unconstrained";
  public static final String CLEAN_ARCHITECTURE = "clean_architecture";
  public static final String POSTGRES = "postgres";
  public static final String SQLITE = "sqlite";
  public static final String SQLALCHEMY = "sqlalchemy";
  public static final String SEQUELIZE = "sequelize";
  public static final List<String> TOKENS =
      List.of(CLEAN_ARCHITECTURE, POSTGRES, SQLITE, SQLALCHEMY, SEQUELIZE);
  public static final int MAX_LEVEL = 3;

  public ConstraintVariant {
    if (database != null && !database.equals(POSTGRES) && !database.equals(SQLITE)) {
      throw new IllegalArgumentException("unknown database '" + database + "'");
    }
    if (orm != null && !orm.equals(SQLALCHEMY) && !orm.equals(SEQUELIZE)) {
      throw new IllegalArgumentException("unknown ORM '" + orm + "'");
    }
    if (orm != null && database == null) {
      throw new IllegalArgumentException(
          "'" + orm + "' needs a database (" + POSTGRES + " or " + SQLITE + ")");
    }
  }

  /**
   * Parses a variant name. Tokens may come in any order here; {@link #name()} is the canonical
   * spelling. Throws {@link IllegalArgumentException} with a human message when the name is not a
   * variant of the built-in suite.
   */
  public static ConstraintVariant parse(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("empty variant name");
    }
    if (name.equals(UNCONSTRAINED)) {
      return new ConstraintVariant(false, null, null);
    }
    boolean clean = false;
    String database = null;
    String orm = null;
    for (String token : name.split("-", -1)) {
      switch (token) {
        case CLEAN_ARCHITECTURE -> {
          if (clean) {
            throw new IllegalArgumentException("'" + token + "' appears twice");
          }
          clean = true;
        }
        case POSTGRES, SQLITE -> {
          if (database != null) {
            throw new IllegalArgumentException(
                "two databases ('" + database + "' and '" + token + "'): choose one");
          }
          database = token;
        }
        case SQLALCHEMY, SEQUELIZE -> {
          if (orm != null) {
            throw new IllegalArgumentException(
                "two ORMs ('" + orm + "' and '" + token + "'): choose one");
          }
          orm = token;
        }
        case UNCONSTRAINED -> throw new IllegalArgumentException(
            "'unconstrained' cannot be combined with constraints");
        default -> throw new IllegalArgumentException("unknown constraint '" + token
            + "' (known: " + UNCONSTRAINED + ", " + String.join(", ", TOKENS) + ")");
      }
    }
    return new ConstraintVariant(clean, database, orm);
  }

  /** Canonical name: {@code unconstrained} or the tokens joined by '-' in the order above. */
  public String name() {
    List<String> tokens = tokens();
    return tokens.isEmpty() ? UNCONSTRAINED : String.join("-", tokens);
  }

  /** The constraint tokens, in canonical order (empty for unconstrained). */
  public List<String> tokens() {
    List<String> tokens = new ArrayList<>(3);
    if (cleanArchitecture) {
      tokens.add(CLEAN_ARCHITECTURE);
    }
    if (database != null) {
      tokens.add(database);
    }
    if (orm != null) {
      tokens.add(orm);
    }
    return tokens;
  }

  /** L0..L3: the number of constraints. */
  public int level() {
    return tokens().size();
  }

  /** True when this variant exists for the framework (its ORM, if any, is the family's). */
  public boolean appliesTo(Framework framework) {
    return orm == null || Objects.equals(orm, framework.orm());
  }

  /**
   * The ten variants of one framework in the built-in suite's order (the task catalogue, run
   * plans and reports all follow it): unconstrained; one constraint; a database with the ORM;
   * clean architecture with a database; then with the ORM as well.
   */
  public static List<ConstraintVariant> allFor(Framework framework) {
    String orm = framework.orm();
    return List.of(
        new ConstraintVariant(false, null, null),
        new ConstraintVariant(true, null, null),
        new ConstraintVariant(false, POSTGRES, null), new ConstraintVariant(false, SQLITE, null),
        new ConstraintVariant(false, POSTGRES, orm), new ConstraintVariant(false, SQLITE, orm),
        new ConstraintVariant(true, POSTGRES, null), new ConstraintVariant(true, SQLITE, null),
        new ConstraintVariant(true, POSTGRES, orm), new ConstraintVariant(true, SQLITE, orm));
  }

  /** The names of {@link #allFor}, in that order. */
  public static List<String> namesFor(Framework framework) {
    return allFor(framework).stream().map(ConstraintVariant::name).toList();
  }

  @Override
  public String toString() {
    return name();
  }
}
