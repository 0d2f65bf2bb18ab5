package dev.decaybench.runner.cli;

/**
 * Ends the JVM without a 300 ms wait at the end of every command. On exit HotSpot waits up to
 * 300 ms for each thread blocked in a native call to return (VM_Exit's
 * wait_for_threads_in_native_to_block), and the JDK's HTTP client leaves its selector thread in
 * epoll_wait; Java 17 has no way to close the client. An interrupt ends that thread's loop.
 * Called when the command is done: no request is in flight any more.
 */
final class QuickExit {

  private static final long JOIN_MILLIS = 100;

  private QuickExit() {}

  static void exit(int code) {
    releaseNativeWaiters();
    System.exit(code);
  }

  /** Ends the HTTP clients' selector threads; the number still running after. */
  static int releaseNativeWaiters() {
    int left = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.isDaemon() && t.getName().startsWith("HttpClient-")
          && t.getName().endsWith("-SelectorManager")) {
        t.interrupt();
        try {
          t.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return left + 1;
        }
        left += t.isAlive() ? 1 : 0;
      }
    }
    return left;
  }
}
