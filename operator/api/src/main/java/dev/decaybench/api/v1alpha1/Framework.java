package dev.decaybench.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The eight web frameworks of the constraint-decay suite. {@link #family()} is the task family
 * (the paper's docker folder: {@code uv} for Python, {@code node} for Node.js) and
 * {@link #orm()} the ORM that the family's ORM constraint names.
 */
public enum Framework {
  @JsonProperty("flask") FLASK("flask", "uv"),
  @JsonProperty("fastapi") FASTAPI("fastapi", "uv"),
  @JsonProperty("aiohttp") AIOHTTP("aiohttp", "uv"),
  @JsonProperty("django") DJANGO("django", "uv"),
  @JsonProperty("express") EXPRESS("express", "node"),
  @JsonProperty("koa") KOA("koa", "node"),
  @JsonProperty("fastify") FASTIFY("fastify", "node"),
  @JsonProperty("hono") HONO("hono", "node");

  public static final String PYTHON_FAMILY = "uv";
  public static final String NODE_FAMILY = "node";

  private final String value;
  private final String family;

  Framework(String value, String family) {
    this.value = value;
    this.family = family;
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
