package dev.decaybench.model.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import java.util.List;

/**
 * The agent of a run. Which other fields are needed depends on {@link #getType() type}:
 * {@code llm} needs model, endpoint and apiKeySecretRef; {@code command} needs command;
 * {@code image} needs image; {@code replay} needs replayFrom; {@code reference} needs nothing.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "model", "endpoint", "apiKeySecretRef", "command", "image",
    "replayFrom", "maxSteps", "timeoutSeconds", "price"})
public class AgentSpec {

  @Required
  @JsonPropertyDescription("reference, gold, replay, command, image or llm.")
  private AgentType type;

  @JsonPropertyDescription("Model name passed to the agent (required for llm).")
  private String model;

  @JsonPropertyDescription("OpenAI-compatible base URL (required for llm).")
  private String endpoint;

  @JsonPropertyDescription("Secret key holding the API key; given to the agent phase only.")
  private SecretKeyRef apiKeySecretRef;

  @JsonPropertyDescription("Agent command line, one argument per item (required for command).")
  private List<String> command;

  @JsonPropertyDescription("Agent container image (required for image).")
  private String image;

  @JsonPropertyDescription("Path or URL of the stored trials or patches to evaluate (required for"
      + " replay).")
  private String replayFrom;

  @Min(1)
  @Max(100000)
  @JsonPropertyDescription("Step limit of the agent.")
  private Integer maxSteps;

  @Min(1)
  @Max(2592000)
  @JsonPropertyDescription("Time limit of the agent phase of one trial, in seconds.")
  private Integer timeoutSeconds;

  @JsonPropertyDescription("Price of the model's tokens, per million input and output tokens;"
      + " optional: without it the reports show tokens but no cost.")
  private TokenPrice price;

  public AgentSpec() {}

  public AgentSpec(AgentType type) {
    this.type = type;
  }

  public AgentType getType() {
    return type;
  }

  public void setType(AgentType type) {
    this.type = type;
  }

  public String getModel() {
    return model;
  }

  public void setModel(String model) {
    this.model = model;
  }

  public String getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(String endpoint) {
    this.endpoint = endpoint;
  }

  public SecretKeyRef getApiKeySecretRef() {
    return apiKeySecretRef;
  }

  public void setApiKeySecretRef(SecretKeyRef apiKeySecretRef) {
    this.apiKeySecretRef = apiKeySecretRef;
  }

  public List<String> getCommand() {
    return command;
  }

  public void setCommand(List<String> command) {
    this.command = command;
  }

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public String getReplayFrom() {
    return replayFrom;
  }

  public void setReplayFrom(String replayFrom) {
    this.replayFrom = replayFrom;
  }

  public Integer getMaxSteps() {
    return maxSteps;
  }

  public void setMaxSteps(Integer maxSteps) {
    this.maxSteps = maxSteps;
  }

  public Integer getTimeoutSeconds() {
    return timeoutSeconds;
  }

  public void setTimeoutSeconds(Integer timeoutSeconds) {
    this.timeoutSeconds = timeoutSeconds;
  }

  public TokenPrice getPrice() {
    return price;
  }

  public void setPrice(TokenPrice price) {
    this.price = price;
  }
}
