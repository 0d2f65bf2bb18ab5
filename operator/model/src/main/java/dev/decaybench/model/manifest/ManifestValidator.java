package dev.decaybench.model.manifest;

import dev.decaybench.model.v1alpha1.AgentSpec;
import dev.decaybench.model.v1alpha1.AgentType;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationRunSpec;
import dev.decaybench.model.v1alpha1.Images;
import dev.decaybench.model.v1alpha1.SecretKeyRef;
import dev.decaybench.model.v1alpha1.Timeouts;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Semantic checks of a run, beyond what the CRD schema can say: the fields each agent type needs,
 * ranges, duplicates, constraint variants of the built-in suite, selections that cannot match
 * any task. Each problem is one sentence starting with the field's path. Works on a run as read
 * by {@link ManifestReader} and on one the operator got from the API server.
 */
public final class ManifestValidator {

  /** DNS-1123 label: the run's name is used in trial names and as a label value. */
  static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  static final int MAX_NAME = 63;
  static final Pattern TASK_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
  static final Pattern VARIANT_NAME = Pattern.compile("[a-z0-9_]+(-[a-z0-9_]+)*");
  static final Pattern IMAGE = Pattern.compile("[^\\s]+");
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
    TaskSelectionCheck.check(spec.getTasks(), problems);
    if (spec.getAgent() != null && spec.getAgent().getType() == AgentType.GOLD
        && (spec.getTasks() == null || spec.getTasks().getTaskDirectory() == null)) {
      // the built-in suite is greenfield: every gold trial would give up
      problems.add("spec.agent.type: 'gold' reverses feature tasks' removal patches and the built-in"
          + " suite has none: set spec.tasks.taskDirectory to feature tasks, or use 'reference'");
    }
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
        case REFERENCE, GOLD -> { }
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
    if (agent.getPrice() != null) {
      // both halves, or the cost of one side would silently be 0
      price("spec.agent.price.inputPerMillion", agent.getPrice().getInputPerMillion(), problems);
      price("spec.agent.price.outputPerMillion", agent.getPrice().getOutputPerMillion(), problems);
    }
  }

  private static void price(String field, Double value, List<String> problems) {
    if (value == null || value.isNaN() || value < 0) {
      problems.add(field + ": must be a number of at least 0 (got " + value + ")");
    }
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
    if (type == AgentType.REFERENCE || type == AgentType.GOLD || type == AgentType.REPLAY) {
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

  static void image(String path, String value, List<String> problems) {
    if (value == null) {
      return;
    }
    if (value.isBlank()) {
      problems.add(path + ": must not be empty (omit it to use the operator's default)");
    } else if (!IMAGE.matcher(value).matches()) {
      problems.add(path + ": '" + value + "' is not an image reference");
    }
  }

  static void atLeastOne(String path, Integer value, List<String> problems) {
    if (value != null && value < 1) {
      problems.add(path + ": must be at least 1 (got " + value + ")");
    }
  }

  static void notBlank(String path, String value, List<String> problems,
      boolean required) {
    if (value == null) {
      if (required) {
        problems.add(path + ": required");
      }
    } else if (value.isBlank()) {
      problems.add(path + ": must not be empty");
    }
  }

  static void notEmptyList(String path, List<?> list, String what,
      List<String> problems) {
    if (list.isEmpty()) {
      problems.add(path + ": an empty list selects no task (omit it to select all " + what
          + ")");
    }
  }
}
