package dev.decaybench.operator.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Collection;
import java.util.List;

/**
 * Ownership by uid. JOSDK maps secondaries to primaries by name, and a name is reused when a run
 * is deleted and created again: until the garbage collector removes them, the old run's trials
 * (and an old trial's pods) carry the new one's name but belong to no one it knows.
 */
final class Owners {

  private Owners() {}

  static boolean owns(HasMetadata owner, HasMetadata child) {
    String uid = owner.getMetadata().getUid();
    return uid != null && child.getMetadata().getOwnerReferences().stream()
        .anyMatch(r -> uid.equals(r.getUid()));
  }

  /** Those of {@code found} (looked up by name) that really belong to {@code owner}. */
  static <T extends HasMetadata> List<T> ownedBy(HasMetadata owner, Collection<T> found) {
    return found.stream().filter(c -> owns(owner, c)).toList();
  }
}
