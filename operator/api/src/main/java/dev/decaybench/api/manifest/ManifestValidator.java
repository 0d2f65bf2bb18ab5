package dev.decaybench.api.manifest;

import dev.decaybench.api.v1alpha1.AgentSpec;
import dev.decaybench.api.v1alpha1.AgentType;
import dev.decaybench.api.v1alpha1.ConstraintVariant;
import dev.decaybench.api.v1alpha1.EvaluationRun;
import dev.decaybench.api.v1alpha1.EvaluationRunSpec;
import dev.decaybench.api.v1alpha1.Framework;
import dev.decaybench.api.v1alpha1.Images;
import dev.decaybench.api.v1alpha1.SecretKeyRef;
import dev.decaybench.api.v1alpha1.TaskSelection;
import dev.decaybench.api.v1alpha1.Timeouts;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Semantic checks of a run, beyond what the CRD schema can say: the fields each agent type needs,
 * ranges, duplicates, constraint variants of the built-in suite, selections that cannot match
 * any task. Each problem is one sentence starting with the field's path. Works on a run as read
 * by {@link ManifestReader} and on one the operator got from the API server.
 */
public final class ManifestValidator {

  /** DNS-1123 label: the run's name is used in trial names and as a label value. */
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final int MAX_NAME = 63;
  private static final Pattern TASK_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
  private static final Pattern VARIANT_NAME = Pattern.compile("[a-z0-9_]+(-[a-z0-9_]+)*");
  private static final Pattern IMAGE = Pattern.compile("[^\\s]+");
  private static final String AGENT_TYPES = String.join(", ", Names.enumValues(AgentType.class));

  private ManifestValidator() {}

  /** Every problem of the run, in field order; empty when it is valid. */
  public static List<String> validate(EvaluationRun run) {
    List<String> problems = new ArrayList<>();
    if (run == null) {
      problems.add("no run given");
      return problems;
    }
    checkMetadata(run.getMetadata(), problems);
    EvaluationRunSpec spec = run.getSpec();
    if (spec == null) {
      problems.add("spec: required (at least spec.agent.type)");
      return problems;
    }
    checkAgent(spec.getAgent(), problems);
    checkTasks(spec.getTasks(), problems);
    atLeastOne("spec.repeats", spec.getRepeats(), problems);
    atLeastOne("spec.parallelism", spec.getParallelism(), problems);
    checkTimeouts(spec.getTimeouts(), problems);
    checkImages(spec.getImages(), problems);
    return problems;
  }

  /** {@link #validate} that throws a {@link ManifestException} listing every problem. */
  public static void requireValid(EvaluationRun run, String source) throws ManifestException {
    List<String> problems = validate(run);
    if (!problems.isEmpty()) {
      throw new ManifestException(source, problems);
    }
  }

  private static void checkMetadata(ObjectMeta metadata, List<String> problems) {
    if (metadata == null) {
      problems.add("metadata.name: required");
      return;
    }
    String name = metadata.getName();
    if (name == null || name.isEmpty()) {
      problems.add("metadata.name: required");
    } else if (name.length() > MAX_NAME || !DNS_LABEL.matcher(name).matches()) {
      problems.add("metadata.name: '" + name + "' is not a valid name (lowercase letters, digits"
          + " and '-', starting and ending with a letter or digit, at most " + MAX_NAME
          + " characters)");
    }
    String namespace = metadata.getNamespace();
    if (namespace != null && (namespace.length() > MAX_NAME
        || !DNS_LABEL.matcher(namespace).matches())) {
      problems.add("metadata.namespace: '" + namespace + "' is not a valid namespace name");
    }
    if (metadata.getAdditionalProperties() != null) {
      for (String field : metadata.getAdditionalProperties().keySet()) {
        problems.add("metadata." + field + ": unknown field '" + field + "'"
            + Names.didYouMean(field, List.of("name", "namespace", "labels", "annotations",
                "generateName")));
      }
    }
  }

  // ---- agent ----

  private static void checkAgent(AgentSpec agent, List<String> problems) {
    if (agent == null) {
      problems.add("spec.agent: required (with a type: " + AGENT_TYPES + ")");
      return;
    }
    AgentType type = agent.getType();
    if (type == null) {
      problems.add("spec.agent.type: required (one of " + AGENT_TYPES + ")");
    } else {
      switch (type) {
        case LLM -> {
          required("spec.agent.model", agent.getModel(), type, problems);
          required("spec.agent.endpoint", agent.getEndpoint(), type, problems);
          if (agent.getApiKeySecretRef() == null) {
            problems.add("spec.agent.apiKeySecretRef: required for agent type 'llm' (name and"
                + " key of the Secret holding the API key; never put the key in the manifest)");
          }
        }
        case COMMAND -> {
          if (agent.getCommand() == null || agent.getCommand().isEmpty()) {
            problems.add("spec.agent.command: required for agent type 'command' (a list: the"
                + " program and its arguments)");
          }
        }
        case IMAGE -> required("spec.agent.image", agent.getImage(), type, problems);
        case REPLAY -> required("spec.agent.replayFrom", agent.getReplayFrom(), type, problems);
        case REFERENCE -> { }
      }
      unused(agent, type, problems);
    }
    String endpoint = agent.getEndpoint();
    if (endpoint != null && !endpoint.isBlank()
        && !endpoint.matches("https?://[^\\s/]+.*")) {
      problems.add("spec.agent.endpoint: must be an http:// or https:// URL (got '" + endpoint
          + "')");
    }
    SecretKeyRef ref = agent.getApiKeySecretRef();
    if (ref != null) {
      notBlank("spec.agent.apiKeySecretRef.name", ref.getName(), problems, true);
      notBlank("spec.agent.apiKeySecretRef.key", ref.getKey(), problems, true);
    }
    List<String> command = agent.getCommand();
    if (command != null) {
      for (int i = 0; i < command.size(); i++) {
        if (command.get(i) == null || command.get(i).isBlank()) {
          problems.add("spec.agent.command[" + i + "]: must not be empty");
        }
      }
    }
    if (agent.getImage() != null && !agent.getImage().isBlank()
        && !IMAGE.matcher(agent.getImage()).matches()) {
      problems.add("spec.agent.image: '" + agent.getImage() + "' is not an image reference");
    }
    atLeastOne("spec.agent.maxSteps", agent.getMaxSteps(), problems);
    atLeastOne("spec.agent.timeoutSeconds", agent.getTimeoutSeconds(), problems);
  }

  /** Fields that the agent type would silently ignore are mistakes worth reporting. */
  private static void unused(AgentSpec agent, AgentType type, List<String> problems) {
    if (agent.getReplayFrom() != null && type != AgentType.REPLAY) {
      problems.add("spec.agent.replayFrom: only used by agent type 'replay' (type is '" + type
          + "')");
    }
    if (agent.getImage() != null && type != AgentType.IMAGE) {
      problems.add("spec.agent.image: only used by agent type 'image' (type is '" + type
          + "'; runner images go under spec.images)");
    }
    if (agent.getCommand() != null && type != AgentType.COMMAND && type != AgentType.IMAGE) {
      problems.add("spec.agent.command: only used by agent types 'command' and 'image' (type is '"
          + type + "')");
    }
    if (type == AgentType.REFERENCE || type == AgentType.REPLAY) {
      if (agent.getModel() != null) {
        problems.add("spec.agent.model: not used by agent type '" + type + "'");
      }
      if (agent.getEndpoint() != null) {
        problems.add("spec.agent.endpoint: not used by agent type '" + type + "'");
      }
      if (agent.getApiKeySecretRef() != null) {
        problems.add("spec.agent.apiKeySecretRef: not used by agent type '" + type + "'");
      }
    }
  }

  private static void required(String path, String value, AgentType type, List<String> problems) {
    if (value == null || value.isBlank()) {
      problems.add(path + ": required for agent type '" + type + "'");
    }
  }

  // ---- tasks ----

  private static void checkTasks(TaskSelection tasks, List<String> problems) {
    if (tasks == null) {
      return; // defaults: the whole built-in suite
    }
    String suite = tasks.getSuite();
    boolean custom = tasks.getTaskDirectory() != null;
    if (suite != null && suite.isBlank()) {
      problems.add("spec.tasks.suite: must not be empty (omit it for "
          + TaskSelection.DEFAULT_SUITE + ")");
    } else if (suite != null && !custom && !suite.equals(TaskSelection.DEFAULT_SUITE)) {
      problems.add("spec.tasks.suite: unknown suite '" + suite + "' (built in: "
          + TaskSelection.DEFAULT_SUITE + "; set spec.tasks.taskDirectory for a custom suite)"
          + Names.didYouMean(suite, List.of(TaskSelection.DEFAULT_SUITE)));
    }
    if (custom) {
      notBlank("spec.tasks.taskDirectory", tasks.getTaskDirectory(), problems, false);
    }

    Set<Framework> frameworks = EnumSet.noneOf(Framework.class);
    List<Framework> fw = tasks.getFrameworks();
    if (fw != null) {
      notEmptyList("spec.tasks.frameworks", fw, "frameworks", problems);
      for (int i = 0; i < fw.size(); i++) {
        Framework f = fw.get(i);
        if (f != null && !frameworks.add(f)) {
          problems.add("spec.tasks.frameworks[" + i + "]: duplicate framework '" + f + "'");
        }
      }
    }

    Set<Integer> levels = new HashSet<>();
    List<Integer> lv = tasks.getLevels();
    if (lv != null) {
      notEmptyList("spec.tasks.levels", lv, "levels", problems);
      for (int i = 0; i < lv.size(); i++) {
        Integer level = lv.get(i);
        if (level == null) {
          problems.add("spec.tasks.levels[" + i + "]: must be a level 0..3");
        } else if (level < 0 || level > ConstraintVariant.MAX_LEVEL) {
          problems.add("spec.tasks.levels[" + i + "]: level " + level + " is out of range 0.."
              + ConstraintVariant.MAX_LEVEL);
        } else if (!levels.add(level)) {
          problems.add("spec.tasks.levels[" + i + "]: duplicate level " + level);
        }
      }
    }

    List<String> vs = tasks.getVariants();
    if (vs != null) {
      notEmptyList("spec.tasks.variants", vs, "variants", problems);
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < vs.size(); i++) {
        String path = "spec.tasks.variants[" + i + "]";
        String v = vs.get(i);
        if (v == null || v.isBlank()) {
          problems.add(path + ": must not be empty");
          continue;
        }
        if (!seen.add(v)) {
          problems.add(path + ": duplicate variant '" + v + "'");
          continue;
        }
        if (custom) {
          if (!VARIANT_NAME.matcher(v).matches()) {
            problems.add(path + ": '" + v + "' is not a variant name (lowercase words joined by"
                + " '-')");
          }
          continue;
        }
        checkBuiltInVariant(path, v, frameworks, levels, problems);
      }
    }

    List<String> names = tasks.getNames();
    if (names != null) {
      notEmptyList("spec.tasks.names", names, "task names", problems);
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < names.size(); i++) {
        String n = names.get(i);
        String path = "spec.tasks.names[" + i + "]";
        if (n == null || n.isBlank()) {
          problems.add(path + ": must not be empty");
        } else if (!TASK_NAME.matcher(n).matches()) {
          problems.add(path + ": '" + n + "' is not a task name (letters, digits, '.', '_' and"
              + " '-')");
        } else if (!seen.add(n)) {
          problems.add(path + ": duplicate task '" + n + "'");
        }
      }
    }
  }

  private static void checkBuiltInVariant(String path, String name, Set<Framework> frameworks,
      Set<Integer> levels, List<String> problems) {
    ConstraintVariant variant;
    try {
      variant = ConstraintVariant.parse(name);
    } catch (IllegalArgumentException e) {
      problems.add(path + ": '" + name + "' is not a constraint variant: " + e.getMessage());
      return;
    }
    if (!variant.name().equals(name)) {
      problems.add(path + ": write '" + variant.name() + "' (constraints in the order"
          + " clean_architecture, database, ORM), not '" + name + "'");
      return;
    }
    if (!levels.isEmpty() && !levels.contains(variant.level())) {
      problems.add(path + ": '" + name + "' is level " + variant.level()
          + ", which spec.tasks.levels " + levels.stream().sorted().toList()
          + " excludes, so it selects no task");
    }
    if (!frameworks.isEmpty() && frameworks.stream().noneMatch(variant::appliesTo)) {
      List<String> matching = EnumSet.allOf(Framework.class).stream()
          .filter(variant::appliesTo).map(Framework::value).toList();
      problems.add(path + ": '" + name + "' exists only for " + String.join(", ", matching)
          + ", none of which spec.tasks.frameworks selects");
    }
  }

  // ---- the rest ----

  private static void checkTimeouts(Timeouts timeouts, List<String> problems) {
    if (timeouts == null) {
      return;
    }
    atLeastOne("spec.timeouts.trialSeconds", timeouts.getTrialSeconds(), problems);
    atLeastOne("spec.timeouts.runSeconds", timeouts.getRunSeconds(), problems);
    atLeastOne("spec.timeouts.healthSeconds", timeouts.getHealthSeconds(), problems);
    Integer trial = timeouts.getTrialSeconds();
    Integer run = timeouts.getRunSeconds();
    Integer health = timeouts.getHealthSeconds();
    if (health != null && trial != null && health >= 1 && trial >= 1 && health > trial) {
      problems.add("spec.timeouts.healthSeconds: " + health + " exceeds"
          + " spec.timeouts.trialSeconds (" + trial + ")");
    }
    if (trial != null && run != null && trial >= 1 && run >= 1 && trial > run) {
      problems.add("spec.timeouts.trialSeconds: " + trial + " exceeds spec.timeouts.runSeconds ("
          + run + ")");
    }
  }

  private static void checkImages(Images images, List<String> problems) {
    if (images == null) {
      return;
    }
    image("spec.images.runner", images.getRunner(), problems);
    image("spec.images.postgres", images.getPostgres(), problems);
    image("spec.images.runtime", images.getRuntime(), problems);
  }

  private static void image(String path, String value, List<String> problems) {
    if (value == null) {
      return;
    }
    if (value.isBlank()) {
      problems.add(path + ": must not be empty (omit it to use the operator's default)");
    } else if (!IMAGE.matcher(value).matches()) {
      problems.add(path + ": '" + value + "' is not an image reference");
    }
  }

  private static void atLeastOne(String path, Integer value, List<String> problems) {
    if (value != null && value < 1) {
      problems.add(path + ": must be at least 1 (got " + value + ")");
    }
  }

  private static void notBlank(String path, String value, List<String> problems,
      boolean required) {
    if (value == null) {
      if (required) {
        problems.add(path + ": required");
      }
    } else if (value.isBlank()) {
      problems.add(path + ": must not be empty");
    }
  }

  private static void notEmptyList(String path, List<?> list, String what,
      List<String> problems) {
    if (list.isEmpty()) {
      problems.add(path + ": an empty list selects no task (omit it to select all " + what
          + ")");
    }
  }
}
