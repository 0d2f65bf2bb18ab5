package dev.decaybench.model.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The eight web frameworks of the constraint-decay suite: the one list of them (task catalogue,
 * planners, images, classifier all read it). {@link #family()} is the task family
 * (the paper's docker folder: {@code uv} for Python, {@code node} for Node.js) and
 * {@link #orm()} the ORM that the family's ORM constraint names.
 */
public enum Framework {
  @JsonProperty("flask") FLASK("flask", "Flask", Family.PYTHON),
  @JsonProperty("fastapi") FASTAPI("fastapi", "FastAPI", Family.PYTHON),
  @JsonProperty("aiohttp") AIOHTTP("aiohttp", "aiohttp", Family.PYTHON),
  @JsonProperty("django") DJANGO("django", "Django", Family.PYTHON),
  @JsonProperty("express") EXPRESS("express", "Express", Family.NODE),
  @JsonProperty("koa") KOA("koa", "Koa", Family.NODE),
  @JsonProperty("fastify") FASTIFY("fastify", "Fastify", Family.NODE),
  @JsonProperty("hono") HONO("hono", "Hono", Family.NODE);

  /** The families' names, in a holder: the constants above cannot name this enum's own fields. */
  private static final class Family {
    static final String PYTHON = "uv";
    static final String NODE = "node";
  }

  public static final String PYTHON_FAMILY = Family.PYTHON;
  public static final String NODE_FAMILY = Family.NODE;

  private final String value;
  private final String title;
  private final String family;

  Framework(String value, String title, String family) {
    this.value = value;
    this.title = title;
    this.family = family;
  }

  /** How prompts and reports name it ({@code FastAPI}). */
  public String title() {
    return title;
  }

  /** The name used in manifests and task names ({@code flask}, ...). */
  public String value() {
    return value;
  }

  /** {@code uv} (Python) or {@code node}. */
  public String family() {
    return family;
  }

  /** The ORM of this framework's family: {@code sqlalchemy} or {@code sequelize}. */
  public String orm() {
    return PYTHON_FAMILY.equals(family) ? ConstraintVariant.SQLALCHEMY : ConstraintVariant.SEQUELIZE;
  }

  public static Optional<Framework> fromValue(String value) {
    return Arrays.stream(values()).filter(f -> f.value.equals(value)).findFirst();
  }

  /** Every manifest name, in declaration order. */
  public static List<String> names() {
    return Arrays.stream(values()).map(Framework::value).toList();
  }

  @Override
  public String toString() {
    return value;
  }
}
