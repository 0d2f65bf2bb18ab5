package dev.decaybench.runner.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

/** A hash over every file name and content under a directory, to prove it was left untouched. */
final class DirectoryDigest {

  private DirectoryDigest() {}

  static String of(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Path p : files.sorted().toList()) {
        md.update(dir.relativize(p).toString().getBytes());
        if (Files.isRegularFile(p)) {
          md.update(Files.readAllBytes(p));
        }
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
