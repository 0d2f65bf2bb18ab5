package dev.decaybench.runner.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundTest {

  @Test
  void theResultAndTheWorksOwnDurationAreTakenLater() throws Exception {
    Background<String> work = Background.start("test", () -> {
      sleep(120);
      return "done";
    });

    assertThat(work.join()).isEqualTo("done");
    assertThat(work.millis()).isBetween(100L, 5_000L);
  }

  @Test
  void whatTheWorkThrewIsThrownAsItWas() {
    Background<String> failing = Background.start("test", () -> {
      throw new IOException("template missing");
    });
    Background<String> broken = Background.start("test", () -> {
      throw new IllegalArgumentException("unknown constraint mongodb");
    });

    assertThatThrownBy(failing::join).isExactlyInstanceOf(IOException.class).hasMessage("template missing");
    assertThatThrownBy(broken::join).isExactlyInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Why PostgreSQL is started by a thread that waits: a process with a parent-death signal (as
   * bubblewrap's --die-with-parent sets) is killed when the thread that started it ends.
   */
  @Test
  void aProcessStartedInTheBackgroundLivesUntilReleased() throws Exception {
    CompletableFuture<Void> release = new CompletableFuture<>();
    Process held = Background.start("test", () -> dyingWithParent(), release).join();
    Process unheld = Background.start("test", () -> dyingWithParent()).join();

    assertThat(unheld.waitFor(5, TimeUnit.SECONDS)).as("ended with the thread that started it").isTrue();
    assertThat(held.waitFor(500, TimeUnit.MILLISECONDS)).as("still running while held").isFalse();
    release.complete(null);
    assertThat(held.waitFor(5, TimeUnit.SECONDS)).as("ended once released").isTrue();
  }

  /** Returns once the process is up, as the work waits for PostgreSQL to be ready. */
  private static Process dyingWithParent() throws IOException {
    Process p = new ProcessBuilder("setpriv", "--pdeathsig", "KILL", "sh", "-c", "echo up; exec sleep 30")
        .start();
    assertThat(new String(p.getInputStream().readNBytes(3))).isEqualTo("up\n");
    return p;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
