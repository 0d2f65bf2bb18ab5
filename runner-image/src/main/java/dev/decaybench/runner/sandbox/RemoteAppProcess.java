package dev.decaybench.runner.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The app as the evaluator sees it when it runs in the pod's app container: its output followed
 * from the channel as it grows, alive until the app container reports its exit. It has no local
 * process handle; {@link #destroy()} asks the app container to stop everything.
 */
final class RemoteAppProcess extends Process {

  private final AppChannel channel;
  private final int seq;
  private final Runnable stop;

  RemoteAppProcess(AppChannel channel, int seq, Runnable stop) {
    this.channel = channel;
    this.seq = seq;
    this.stop = stop;
  }

  @Override
  public OutputStream getOutputStream() {
    return OutputStream.nullOutputStream();
  }

  @Override
  public InputStream getInputStream() {
    return new Following();
  }

  @Override
  public InputStream getErrorStream() {
    return InputStream.nullInputStream();
  }

  @Override
  public int waitFor() throws InterruptedException {
    Integer code;
    while ((code = channel.awaitExit(seq, Long.MAX_VALUE / 2)) == null) {
      checkInterrupted();
    }
    return code;
  }

  @Override
  public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
    boolean ended = channel.awaitExit(seq, unit.toMillis(timeout)) != null;
    checkInterrupted();
    return ended;
  }

  private static void checkInterrupted() throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
  }

  @Override
  public int exitValue() {
    Integer code = channel.exitCode(seq);
    if (code == null) {
      throw new IllegalThreadStateException("the app is running");
    }
    return code;
  }

  @Override
  public boolean isAlive() {
    return channel.exitCode(seq) == null;
  }

  @Override
  public void destroy() {
    stop.run();
  }

  @Override
  public Process destroyForcibly() {
    stop.run();
    return this;
  }

  /** The app's output file, read as it grows, until the app has ended and all of it was read. */
  private final class Following extends InputStream {

    private RandomAccessFile file;
    private boolean closed;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        while (!closed) {
          boolean ended = channel.exitCode(seq) != null;
          Path out = channel.outputOf(seq);
          if (file == null && Files.exists(out)) {
            file = new RandomAccessFile(out.toFile(), "r");
          }
          int n = file == null ? -1 : file.read(b, off, len);
          if (n > 0) {
            return n;
          }
          if (ended) {
            return -1;
          }
          Thread.sleep(AppChannel.POLL_MILLIS);
        }
        return -1;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return -1;
      }
    }

    @Override
    public void close() throws IOException {
      closed = true;
      if (file != null) {
        file.close();
      }
    }
  }
}
