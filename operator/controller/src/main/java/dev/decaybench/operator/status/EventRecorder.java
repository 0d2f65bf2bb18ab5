package dev.decaybench.operator.status;

import dev.decaybench.model.v1alpha1.Conditions;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kubernetes events for milestones (Normal) and failures (Warning). Best effort: an event that
 * cannot be written is logged, never fails a reconciliation.
 */
public class EventRecorder {

  public static final String COMPONENT = "decaybench-operator";
  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
  private static final int MAX_MESSAGE = 1024;

  private final KubernetesClient client;
  private final Clock clock;

  public EventRecorder(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  public void normal(HasMetadata object, Reason reason, String message) {
    record(object, "Normal", reason, message);
  }

  public void warning(HasMetadata object, Reason reason, String message) {
    record(object, "Warning", reason, message);
  }

  private void record(HasMetadata object, String type, Reason reason, String message) {
    String now = Conditions.timestamp(clock.instant());
    String text = message == null ? "" : message.length() <= MAX_MESSAGE ? message
        : message.substring(0, MAX_MESSAGE - 3) + "...";
    try {
      client.v1().events().inNamespace(object.getMetadata().getNamespace()).resource(
          new EventBuilder()
              .withNewMetadata()
                .withGenerateName(object.getMetadata().getName() + ".")
                .withNamespace(object.getMetadata().getNamespace())
              .endMetadata()
              .withNewInvolvedObject()
                .withApiVersion(object.getApiVersion()).withKind(object.getKind())
                .withName(object.getMetadata().getName())
                .withNamespace(object.getMetadata().getNamespace())
                .withUid(object.getMetadata().getUid())
              .endInvolvedObject()
              .withType(type).withReason(reason.name()).withMessage(text)
              .withNewSource().withComponent(COMPONENT).endSource()
              .withReportingComponent(COMPONENT)
              .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
              .build())
          .create();
    } catch (RuntimeException e) {
      LOG.warn("could not record event {} for {}/{}: {}", reason, object.getKind(),
          object.getMetadata().getName(), e.getMessage());
    }
  }
}
