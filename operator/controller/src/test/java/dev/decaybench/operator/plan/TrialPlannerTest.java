package dev.decaybench.operator.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.decaybench.model.manifest.ManifestReader;
import dev.decaybench.model.plan.PlanException;
import dev.decaybench.model.plan.PlannedTrial;
import dev.decaybench.model.plan.TaskRef;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationRunSpec;
import dev.decaybench.model.v1alpha1.Framework;
import dev.decaybench.model.v1alpha1.TaskSelection;
import dev.decaybench.operator.testing.Crds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one TrialPlanner: the operator's suite (names) plans exactly the trials that
 * {@code decaybench run} plans from its task definitions.
 */
class TrialPlannerTest {

  static Stream<TaskSelection> selections() {
    return Stream.of(
        selection(null, null, null, null),
        selection(List.of(Framework.FLASK), null, null, null),
        selection(List.of(Framework.EXPRESS, Framework.DJANGO), List.of(0, 3), null, null),
        selection(null, List.of(2), null, null),
        selection(null, null, List.of("unconstrained", "postgres-sequelize",
            "clean_architecture-sqlite-sqlalchemy"), null),
        selection(List.of(Framework.HONO), null, List.of("sqlite", "sqlite-sequelize"), null),
        selection(null, null, null, List.of("koa-openapi-postgres", "flask-openapi-unconstrained",
            "aiohttp-openapi-clean_architecture-postgres-sqlalchemy")),
        selection(List.of(Framework.FASTIFY), List.of(1), null,
            List.of("fastify-openapi-sqlite", "flask-openapi-sqlite")));
  }

  @ParameterizedTest
  @MethodSource("selections")
  void sameTrialsInTheSameOrderAsTheLocalPlanner(TaskSelection selection) throws Exception {
    EvaluationRunSpec spec = new EvaluationRunSpec();
    spec.setTasks(selection);
    spec.setRepeats(3);

    List<String> local = dev.decaybench.runner.run.LocalSuite.plan(spec, Path.of("."))
        .stream().map(t -> t.task().name() + "#" + t.repeat()).toList();
    List<PlannedTrial<TaskRef>> ours = ClusterSuite.plan(spec);

    assertThat(ours.stream().map(t -> t.ref().name() + "#" + t.repeat()).toList())
        .isNotEmpty().containsExactlyElementsOf(local);
    for (int i = 0; i < ours.size(); i++) {
      assertThat(ours.get(i).index()).isEqualTo(i);
    }
  }

  @Test
  void variantNamesAndLevelsMatchTheRunnersTaskCatalog() throws Exception {
    for (Framework f : Framework.values()) {
      assertThat(dev.decaybench.model.v1alpha1.ConstraintVariant.namesFor(f))
          .containsExactlyElementsOf(dev.decaybench.runner.task.TaskCatalog.variantNames(f.value()));
    }
    EvaluationRunSpec spec = new EvaluationRunSpec();
    spec.setRepeats(1);
    List<PlannedTrial<TaskRef>> all = ClusterSuite.plan(spec);
    assertThat(all).hasSize(80);
    var catalog = dev.decaybench.runner.task.TaskCatalog.all();
    for (int i = 0; i < all.size(); i++) {
      assertThat(all.get(i).ref().name()).isEqualTo(catalog.get(i).name());
      assertThat(all.get(i).ref().level()).isEqualTo(catalog.get(i).level());
      assertThat(all.get(i).ref().variant()).isEqualTo(catalog.get(i).variant());
      assertThat(all.get(i).ref().framework().value()).isEqualTo(catalog.get(i).framework());
    }
  }

  @Test
  void aCustomSuiteNeedsItsTaskNames() {
    EvaluationRunSpec spec = new EvaluationRunSpec();
    TaskSelection sel = new TaskSelection();
    sel.setTaskDirectory("/opt/tasks");
    spec.setTasks(sel);
    assertThatThrownBy(() -> ClusterSuite.plan(spec)).isInstanceOf(PlanException.class)
        .hasMessageContaining("spec.tasks.names")
        .satisfies(e -> assertThat(((PlanException) e).reason())
            .isEqualTo("CustomSuiteNeedsNames"));

    sel.setNames(List.of("my-task", "flask-openapi-postgres"));
    spec.setRepeats(2);
    assertThat(assertDoesNotThrow(spec)).extracting(t -> t.ref().name() + "#" + t.repeat()
        + "@" + t.ref().level()).containsExactly("my-task#0@null", "my-task#1@null",
            "flask-openapi-postgres#0@1", "flask-openapi-postgres#1@1");
  }

  @Test
  void featureTasksOfACustomSuiteGetTheFrameworkTheirNameStartsWith() throws PlanException {
    EvaluationRunSpec spec = new EvaluationRunSpec();
    TaskSelection sel = new TaskSelection();
    sel.setTaskDirectory("/opt/tasks/paper");
    sel.setNames(List.of("honojs-hard-focused-task-001", "express-hard-focused-task-002", "my-task"));
    sel.setFrameworks(List.of(Framework.HONO));
    spec.setTasks(sel);
    spec.setRepeats(1);

    // the Node runtime image follows from the framework; a name without one fails a frameworks
    // filter, here as locally (one rule: TaskSelection.selects)
    assertThat(ClusterSuite.plan(spec)).extracting(t -> t.ref().name() + "/" + t.ref().framework())
        .containsExactly("honojs-hard-focused-task-001/hono");
  }

  @Test
  void aSelectionOfNothingIsAPlanProblem() {
    EvaluationRunSpec spec = new EvaluationRunSpec();
    spec.setTasks(selection(List.of(Framework.FLASK), null, null, List.of("koa-openapi-sqlite")));
    assertThatThrownBy(() -> ClusterSuite.plan(spec)).isInstanceOf(PlanException.class)
        .hasMessageContaining("selects no task");
  }

  @Test
  void everyExampleManifestPlansTheSameTrialsAsLocally() throws Exception {
    Path examples = Crds.directory().getParent().resolve("examples");
    try (Stream<Path> files = Files.list(examples)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        if (!Files.readString(f).contains("kind: EvaluationRun")) {
          continue;
        }
        EvaluationRun run = ManifestReader.readValid(f);
        if (run.getSpec().getTasks().getTaskDirectory() != null) {
          continue; // a local directory: the operator needs the names
        }
        List<String> local = dev.decaybench.runner.run.LocalSuite.plan(run.getSpec(),
            f.getParent()).stream().map(t -> t.task().name() + "#" + t.repeat()).toList();
        assertThat(ClusterSuite.plan(run.getSpec()).stream().map(t -> t.ref().name() + "#" + t.repeat()))
            .as(f.getFileName().toString()).containsExactlyElementsOf(local);
      }
    }
  }

  private List<PlannedTrial<TaskRef>> assertDoesNotThrow(EvaluationRunSpec spec) {
    try {
      return ClusterSuite.plan(spec);
    } catch (PlanException e) {
      throw new AssertionError(e);
    }
  }

  private static TaskSelection selection(List<Framework> frameworks, List<Integer> levels,
      List<String> variants, List<String> names) {
    TaskSelection s = new TaskSelection();
    s.setFrameworks(frameworks);
    s.setLevels(levels);
    s.setVariants(variants);
    s.setNames(names);
    return s;
  }
}
