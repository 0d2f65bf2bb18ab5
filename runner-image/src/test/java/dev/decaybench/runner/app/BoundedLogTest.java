package dev.decaybench.runner.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoundedLogTest {

  @Test
  void smallLogIsKeptWhole() {
    BoundedLog log = new BoundedLog(16, 16);
    log.append("hello\n");
    assertThat(log.text()).isEqualTo("hello\n");
    assertThat(log.truncated()).isFalse();
  }

  @Test
  void hugeLogKeepsHeadAndTailAndCountsWhatWasDropped() {
    BoundedLog log = new BoundedLog(5, 5);
    log.append("HEAD-");
    for (int i = 0; i < 1000; i++) {
      log.append("middle");
    }
    log.append("-TAIL");
    assertThat(log.totalBytes()).isEqualTo(6010);
    assertThat(log.truncated()).isTrue();
    assertThat(log.text()).startsWith("HEAD-").endsWith("-TAIL").contains("6000 bytes of log omitted");
  }
}
