package dev.decaybench.operator;

import dev.decaybench.operator.config.OperatorConfig;
import io.fabric8.kubernetes.client.Config;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar decaybench-operator.jar [--setting=value ...]}: runs the operator against the
 * cluster of the current kubeconfig (KUBECONFIG, ~/.kube/config) or, inside a pod, its service
 * account. Settings: {@code --help} or operator/README.md.
 */
public final class Main {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    List<String> argList = Arrays.asList(args);
    if (argList.contains("--help") || argList.contains("-h")) {
      System.out.print(OperatorConfig.help());
      return;
    }
    OperatorConfig config;
    try {
      config = OperatorConfig.load(System.getenv(), argList);
    } catch (IllegalArgumentException e) {
      System.err.println("decaybench-operator: " + e.getMessage());
      System.exit(2);
      return;
    }
    Config clientConfig = Config.autoConfigure(null);
    DecaybenchOperator operator = DecaybenchOperator.start(config, clientConfig,
        Clock.systemUTC());
    LOG.info("decaybench operator started against {} (namespaces: {}), metrics on :{}",
        clientConfig.getMasterUrl(), config.namespaces().isEmpty() ? "all"
            : config.namespaces(), operator.httpPort());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      operator.close();
      stopped.countDown();
    }, "decaybench-shutdown"));
    stopped.await();
  }
}
