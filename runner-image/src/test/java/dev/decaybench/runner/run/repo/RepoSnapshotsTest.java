package dev.decaybench.runner.run.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.decaybench.runner.task.TaskDefinition;
import dev.decaybench.runner.util.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoSnapshotsTest {

  private static final String UNREACHABLE = "https://example.invalid/upstream/realworld-mini.git";

  @TempDir
  Path tmp;

  @Test
  void aCommitIsFetchedOnceThenRepeatsCopyItFromTheCacheEvenWhenTheRepositoryIsGone() throws IOException {
    FeatureRepoFixture f = FeatureRepoFixture.create(tmp, null);
    RepoSnapshots snapshots = new RepoSnapshots(tmp.resolve("cache"), RepoDirectories.NONE);
    TaskDefinition.Repo repo = new TaskDefinition.Repo("file://" + f.bare(), f.commit(), null);

    assertThat(snapshots.checkout(repo, tmp.resolve("ws1"))).startsWith("fetched file://");
    Trees.deleteQuietly(f.bare());
    assertThat(snapshots.checkout(repo, tmp.resolve("ws2"))).startsWith("cached ");

    for (String ws : List.of("ws1", "ws2")) {
      assertThat(tmp.resolve(ws).resolve("routes/comments.py")).exists();
      assertThat(tmp.resolve(ws).resolve(".git")).doesNotExist();
      assertThat(Files.readString(tmp.resolve(ws).resolve("app.py")))
          .isEqualTo(Files.readString(f.tree().resolve("app.py")));
    }
  }

  @Test
  void aLocalPathAsTheUrlIsFetchedLikeAFileUrl() throws IOException {
    FeatureRepoFixture f = FeatureRepoFixture.create(tmp, null);
    RepoSnapshots snapshots = new RepoSnapshots(tmp.resolve("cache"), RepoDirectories.NONE);

    snapshots.checkout(new TaskDefinition.Repo(f.bare().toString(), f.commit(), null), tmp.resolve("ws"));

    assertThat(tmp.resolve("ws/routes/comments.py")).exists();
  }

  @Test
  void aLocalMirrorNamedByTheRepositorysShortNameStandsInForAnUnreachableUrl() throws IOException {
    FeatureRepoFixture f = FeatureRepoFixture.create(tmp, UNREACHABLE);
    RepoDirectories dirs = RepoDirectories.parse(List.of("realworld-mini=" + f.bare()), tmp);
    RepoSnapshots snapshots = new RepoSnapshots(tmp.resolve("cache"), dirs);

    String from = snapshots.checkout(new TaskDefinition.Repo(UNREACHABLE, f.commit(), null), tmp.resolve("ws"));

    assertThat(from).isEqualTo("fetched file://" + f.bare() + " at " + f.commit());
    assertThat(tmp.resolve("ws/routes/comments.py")).exists();
  }

  @Test
  void aPlainDirectoryNamedByTheFullUrlIsCopiedAsItIs() throws IOException {
    FeatureRepoFixture f = FeatureRepoFixture.create(tmp, UNREACHABLE);
    RepoDirectories dirs = RepoDirectories.of(Map.of(UNREACHABLE, "plain-copy"), tmp);
    RepoSnapshots snapshots = new RepoSnapshots(tmp.resolve("cache"), dirs);

    String from = snapshots.checkout(new TaskDefinition.Repo(UNREACHABLE, f.commit(), null), tmp.resolve("ws"));

    assertThat(from).isEqualTo("directory " + f.tree());
    assertThat(tmp.resolve("ws/routes/comments.py")).exists();
    assertThat(tmp.resolve("cache")).doesNotExist();
  }

  @Test
  void aRepositoryThatCannotBeFetchedSaysHowToGiveALocalCopy() {
    RepoSnapshots snapshots = new RepoSnapshots(tmp.resolve("cache"), RepoDirectories.NONE);
    TaskDefinition.Repo repo = new TaskDefinition.Repo("file://" + tmp.resolve("nothing-here.git"),
        "0123456789abcdef0123456789abcdef01234567", null);

    assertThatThrownBy(() -> snapshots.checkout(repo, tmp.resolve("ws")))
        .isInstanceOf(IOException.class).hasMessageContaining("--repo-dir NAME=DIR");
  }

  @Test
  void aCommitThatIsNoFullIdIsRefusedBeforeAnyFetch() {
    RepoSnapshots snapshots = new RepoSnapshots(tmp.resolve("cache"), RepoDirectories.NONE);

    assertThatThrownBy(() -> snapshots.checkout(new TaskDefinition.Repo(UNREACHABLE, "main", null),
        tmp.resolve("ws"))).hasMessageContaining("full 40-character commit id");
  }

  @Test
  void repoDirEntriesNeedANameAndADirectory() {
    assertThatThrownBy(() -> RepoDirectories.parse(List.of("realworld-mini"), tmp))
        .hasMessageContaining("NAME=DIR");
    assertThat(RepoDirectories.shortName("https://github.com/mhegelheimer/realworld-flask.git"))
        .isEqualTo("realworld-flask");
    assertThat(RepoDirectories.shortName("/srv/mirrors/realworld-aiohttp/")).isEqualTo("realworld-aiohttp");
  }
}
