package dev.decaybench.helm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.operator.config.Setting;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One version string for images: the chart's appVersion is what images/build.sh tags, what the
 * chart's defaults pull and what the operator defaults to without the chart. A mismatch means a
 * cluster that can never pull its images.
 */
class ImageVersionTest {

  @Test
  void theOperatorsDefaultImagesCarryTheChartsAppVersion() throws Exception {
    String appVersion = appVersion();

    assertThat(Setting.RUNNER_IMAGE.defaultValue()).endsWith(":" + appVersion + "-python");
    assertThat(Setting.RUNTIME_IMAGE_PYTHON.defaultValue()).endsWith(":" + appVersion + "-python");
    assertThat(Setting.RUNTIME_IMAGE_NODE.defaultValue()).endsWith(":" + appVersion + "-node");
  }

  @Test
  void theBuildScriptTagsWithTheChartsAppVersionAndTheChartPullsIt() throws Exception {
    String script = Files.readString(Chart.repoRoot().resolve("images/build.sh"));
    String appVersion = appVersion();

    assertThat(script).contains("helm/decaybench/Chart.yaml")
        .contains("decaybench-runner:$version-python").contains("decaybench-runner:$version-node")
        .doesNotContain("project.version");
    assertThat(Chart.render().one("Deployment").toString())
        .contains("decaybench/decaybench-operator:" + appVersion)
        .contains("decaybench/decaybench-runner:" + appVersion + "-python")
        .contains("decaybench/decaybench-runner:" + appVersion + "-node");
  }

  private static String appVersion() throws Exception {
    Matcher m = Pattern.compile("(?m)^appVersion:\\s*\"?([^\"\\s]+)\"?\\s*$")
        .matcher(Files.readString(Chart.dir().resolve("Chart.yaml")));
    assertThat(m.find()).isTrue();
    return m.group(1);
  }
}
