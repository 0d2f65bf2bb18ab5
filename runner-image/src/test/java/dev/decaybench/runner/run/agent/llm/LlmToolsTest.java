package dev.decaybench.runner.run.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmToolsTest {

  @TempDir
  Path tmp;

  @Test
  void endpointWithOrWithoutV1() {
    assertThat(ChatClient.completionsUri("http://localhost:8000"))
        .isEqualTo(URI.create("http://localhost:8000/v1/chat/completions"));
    assertThat(ChatClient.completionsUri("http://localhost:8000/v1/"))
        .isEqualTo(URI.create("http://localhost:8000/v1/chat/completions"));
    assertThat(ChatClient.completionsUri("https://api.example.com/openai"))
        .isEqualTo(URI.create("https://api.example.com/openai/chat/completions"));
    assertThat(ChatClient.completionsUri("https://api.example.com/v1/chat/completions"))
        .isEqualTo(URI.create("https://api.example.com/v1/chat/completions"));
  }

  @Test
  void retryAfterInSecondsOrAsADate() {
    assertThat(ChatClient.retryAfterMillis(Optional.of("3"))).isEqualTo(3000);
    assertThat(ChatClient.retryAfterMillis(Optional.of("0.5"))).isEqualTo(500);
    assertThat(ChatClient.retryAfterMillis(Optional.empty())).isEqualTo(-1);
    assertThat(ChatClient.retryAfterMillis(Optional.of("soon"))).isEqualTo(-1);
    assertThat(ChatClient.retryAfterMillis(Optional.of("Wed, 21 Oct 2015 07:28:00 GMT"))).isZero();
    assertThat(ChatClient.retryable(429)).isTrue();
    assertThat(ChatClient.retryable(502)).isTrue();
    assertThat(ChatClient.retryable(400)).isFalse();
    assertThat(ChatClient.retryable(401)).isFalse();
    assertThat(ChatClient.retryable(403)).isFalse();
  }

  @Test
  void fencedBlocksAndFinishLines() {
    FencedActions.Action a = FencedActions.parse("Plan.\n```bash\nls -la\n```\nthen\n```sh\npwd\n```");
    assertThat(a.command()).isEqualTo("ls -la");
    assertThat(a.blocks()).isEqualTo(2);
    assertThat(a.finish()).isFalse();
    assertThat(FencedActions.parse("All done.\nFINISH\n").finish()).isTrue();
    assertThat(FencedActions.parse("**FINISH**").finish()).isTrue();
    assertThat(FencedActions.parse("I will FINISH later").finish()).isFalse();
    assertThat(FencedActions.parse("```bash\necho\nFINISH\n```").finish()).isFalse();
    assertThat(FencedActions.parse("```python\nprint(1)\n```").command()).isNull();
  }

  @Test
  void cdGuardFollowsLiteralTargets() throws Exception {
    try (ShellRunner shell = new ShellRunner(tmp, null, 1024)) {
      ToolBox box = new ToolBox(tmp, shell);
      assertThat(box.cdOutside("cd src && ls")).isNull();
      assertThat(box.cdOutside("cd src && cd .. && ls")).isNull();
      assertThat(box.cdOutside("cd src; cd ../..")).isEqualTo("../..");
      assertThat(box.cdOutside("ls && cd /etc")).isEqualTo("/etc");
      assertThat(box.cdOutside("cd")).isEqualTo("~");
      assertThat(box.cdOutside("(cd /tmp && ls)")).isEqualTo("/tmp");
      assertThat(box.cdOutside("echo cd /tmp")).isNull();
      assertThat(box.cdOutside("cdrom-tool --help")).isNull();
      assertThat(box.cdOutside("cd \"" + tmp.resolve("app") + "\"")).isNull();
    }
  }

  @Test
  void longOutputKeepsHeadAndTail() throws Exception {
    try (ShellRunner shell = new ShellRunner(tmp, null, 10 * 1024)) {
      ShellRunner.Result r = shell.run("echo FIRST; seq 1 100000; echo LAST", 30);
      assertThat(r.exitCode()).isZero();
      assertThat(r.output()).startsWith("FIRST").contains("bytes of log omitted").endsWith("LAST\n");
      assertThat(r.output().length()).isLessThan(11 * 1024);
    }
  }

  @Test
  void shellResultsSayTheExitCodeAndHowMuchOfTheOutputTheModelSees() throws Exception {
    try (ShellRunner shell = new ShellRunner(tmp, null, 1024)) {
      ToolBox box = new ToolBox(tmp, shell);
      ToolBox.Result failed = box.runShell("echo hi; exit 3", 30);
      assertThat(failed.text()).isEqualTo("exit code 3, 3 bytes of output\nhi\n");
      assertThat(failed.error()).isTrue();
      assertThat(box.runShell("true", 30).text()).isEqualTo("exit code 0, no output\n");
      ToolBox.Result longOne = box.runShell("echo HEAD; seq 1 5000; echo TAIL", 30);
      assertThat(longOne.text()).startsWith("exit code 0, 23903 bytes of output (only its head and tail are"
          + " shown: the middle is cut)\nHEAD").contains("bytes of log omitted").endsWith("TAIL\n");
    }
  }

  @Test
  void aScriptWrittenByTheModelIsNotExecutableAndTheResultsSaySo() throws Exception {
    try (ShellRunner shell = new ShellRunner(tmp, null, 10 * 1024)) {
      ToolBox box = new ToolBox(tmp, shell);
      ToolBox.Result written = box.writeFile("run.sh", "#!/usr/bin/env bash\necho started\n");
      assertThat(written.text()).isEqualTo("wrote 33 bytes to run.sh (mode rw-r--r--, not executable:"
          + " `./run.sh` is refused with Permission denied; run it with `bash run.sh` or `chmod +x run.sh` first)");
      assertThat(box.writeFile("notes/readme.txt", "plain\n").text()).isEqualTo("wrote 6 bytes to notes/readme.txt");
      ToolBox.Result refused = box.runShell("./run.sh", 30);
      assertThat(refused.text()).startsWith("exit code 126,").contains("./run.sh: Permission denied");
      assertThat(box.runShell("bash run.sh", 30).text()).isEqualTo("exit code 0, 8 bytes of output\nstarted\n");
    }
  }
}
