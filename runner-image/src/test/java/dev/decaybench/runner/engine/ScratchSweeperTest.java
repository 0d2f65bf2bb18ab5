package dev.decaybench.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchSweeperTest {

  @TempDir
  Path parent;

  @Test
  void aNewScratchDirectoryIsOnlyOursAndCarriesOurPid() throws Exception {
    Path first = ScratchSweeper.create(parent);
    Path second = ScratchSweeper.create(parent);

    assertThat(first).isNotEqualTo(second);
    assertThat(first.getFileName().toString()).startsWith(ScratchSweeper.PREFIX);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first))).isEqualTo("rwx------");
    assertThat(Files.readString(first.resolve("owner.pid")).strip())
        .isEqualTo(Long.toString(ProcessHandle.current().pid()));
  }

  @Test
  void onlyDirectoriesOfEndedProcessesAreSwept() throws Exception {
    Path ours = ScratchSweeper.create(parent);
    Path abandoned = Files.createDirectory(parent.resolve(ScratchSweeper.PREFIX + "gone"));
    Process ended = new ProcessBuilder("true").start();
    ended.waitFor();
    Files.writeString(abandoned.resolve("owner.pid"), Long.toString(ended.pid()));
    Path beingMade = Files.createDirectory(parent.resolve(ScratchSweeper.PREFIX + "young"));

    ScratchSweeper.sweepAbandoned(parent);

    assertThat(ours).exists();
    assertThat(beingMade).as("no owner yet, and young: still being made").exists();
    assertThat(abandoned).doesNotExist();
  }
}
