package dev.decaybench.runner.util;

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

  @Test
  void whatIsWrittenAfterTheSplitGoesOnlyToTheLaterLog() {
    BoundedLog paper = new BoundedLog(64, 64);
    BoundedLog extended = new BoundedLog(64, 64);
    paper.append("paper request\n");
    paper.continueIn(extended);
    paper.append("duplicate key\n");
    assertThat(paper.text()).isEqualTo("paper request\n");
    assertThat(extended.text()).isEqualTo("duplicate key\n");
  }

  @Test
  void awaitQuietReturnsOnceNothingIsWritten() throws InterruptedException {
    BoundedLog log = new BoundedLog(16, 16);
    long t0 = System.currentTimeMillis();
    log.awaitQuiet(50, 5_000);
    assertThat(System.currentTimeMillis() - t0).isLessThan(2_000);
  }
}
