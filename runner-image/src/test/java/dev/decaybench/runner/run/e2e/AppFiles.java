package dev.decaybench.runner.run.e2e;

import dev.decaybench.runner.engine.TestApps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A known-good app as the files a model would write, in the order it would write them: the start
 * script and the dependency list first, then the code (so an agent stopped half-way leaves an app
 * that has run.sh but not all of its modules).
 */
record AppFiles(String framework, List<File> files) {

  record File(String path, String content) {}

  private static final List<String> FIRST = List.of("run.sh", "requirements.txt", "package.json");

  static final AppFiles FLASK = of("Flask", TestApps.FLASK);
  static final AppFiles EXPRESS = of("Express", TestApps.EXPRESS);

  static AppFiles of(String framework, String referenceApp) {
    Path root = TestApps.reference(referenceApp);
    try (Stream<Path> s = Files.walk(root)) {
      List<File> files = s.filter(Files::isRegularFile)
          .filter(p -> !root.relativize(p).toString().startsWith("node_modules"))
          .map(p -> new File(root.relativize(p).toString(), read(p)))
          .sorted(Comparator.comparing((File f) -> FIRST.contains(f.path()) ? FIRST.indexOf(f.path()) : FIRST.size())
              .thenComparing(File::path))
          .toList();
      return new AppFiles(framework, files);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The app a prompt asks for: its title line names the framework ("... in Flask"). */
  static AppFiles forPrompt(String prompt) {
    String title = prompt.lines().findFirst().orElse("");
    if (title.endsWith(" in " + FLASK.framework())) {
      return FLASK;
    }
    if (title.endsWith(" in " + EXPRESS.framework())) {
      return EXPRESS;
    }
    throw new IllegalArgumentException("the scripted model knows no app for: " + title);
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
