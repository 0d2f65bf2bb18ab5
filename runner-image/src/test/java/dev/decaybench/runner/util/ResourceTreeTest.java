package dev.decaybench.runner.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceTreeTest {

  @TempDir
  Path tmp;

  /** Parallel trials copy reference apps out of the same jar at the same moment. */
  @Test
  void concurrentCopiesFromOneJarAreAllComplete() throws Exception {
    Path jar = tmp.resolve("apps.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("apps/"));
      for (int i = 0; i < 300; i++) {
        out.putNextEntry(new JarEntry("apps/pkg" + (i % 10) + "/file" + i + ".py"));
        out.write(("x = " + i + "\n").getBytes());
      }
      out.putNextEntry(new JarEntry("apps/run.sh"));
      out.write("#!/bin/sh\n".getBytes());
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<Long>> copies = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        Path target = tmp.resolve("copy" + t);
        copies.add(pool.submit(() -> {
          ResourceTree.copy(loader, "apps", target);
          try (Stream<Path> s = Files.walk(target)) {
            return s.filter(Files::isRegularFile).count();
          }
        }));
      }
      for (Future<Long> f : copies) {
        assertThat(f.get()).isEqualTo(301);
      }
      pool.shutdown();
      assertThat(Files.isExecutable(tmp.resolve("copy0/run.sh"))).isTrue();
    }
  }
}
