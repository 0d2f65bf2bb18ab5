package dev.decaybench.runner.util;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where decaybench itself lies on this machine: a source checkout (the runner's classes or jar
 * under {@code runner-image/target}) or an installation directory (the jar's, e.g.
 * {@code /opt/decaybench} in the images). It holds the reference apps and stored solutions, so
 * sandboxes empty it: an agent or app that copied one would score as if it had written it.
 */
public final class Installation {

  private Installation() {}

  /** The checkout's root or the jar's directory; empty when it cannot be told. */
  public static Optional<Path> directory() {
    try {
      Path code = Path.of(Installation.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI()).toAbsolutePath().normalize();
      for (Path p = code; p != null && p.getParent() != null; p = p.getParent()) {
        if (p.getFileName().toString().equals("runner-image")
            && Files.isRegularFile(p.getParent().resolve("pom.xml"))) {
          return Optional.of(p.getParent());
        }
      }
      Path dir = Files.isDirectory(code) ? code : code.getParent();
      return dir == null || dir.getParent() == null ? Optional.empty() : Optional.of(dir);
    } catch (URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
