package dev.decaybench.runner.util;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the head and the tail of a stream of any size in fixed memory: a 1 GB log costs the same
 * as a 1 MB one, and the start-up error at the top and the last stack trace both survive.
 */
public final class BoundedLog {

  private final byte[] head;
  private final byte[] tail;
  private int headLen;
  private long tailWritten;
  private long total;
  private BoundedLog next;

  public BoundedLog(int headBytes, int tailBytes) {
    this.head = new byte[headBytes];
    this.tail = new byte[tailBytes];
  }

  public synchronized void append(byte[] buf, int off, int len) {
    if (next != null) {
      next.append(buf, off, len);
      return;
    }
    total += len;
    int toHead = Math.min(len, head.length - headLen);
    System.arraycopy(buf, off, head, headLen, toHead);
    headLen += toHead;
    for (int i = off + toHead; i < off + len; i++) {
      tail[(int) (tailWritten++ % tail.length)] = buf[i];
    }
  }

  public void append(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    append(b, 0, b.length);
  }

  /** Copies a stream into this log until it ends (run it on its own thread). */
  public void drain(InputStream in) {
    byte[] buf = new byte[65536];
    try (in) {
      int n;
      while ((n = in.read(buf)) > 0) {
        append(buf, 0, n);
      }
    } catch (IOException e) {
      // the process closed its side; nothing more to read
    }
  }

  /**
   * From now on, what the app writes goes to {@code later} and this log keeps only what came
   * before: one log per phase of a trial, from one stream.
   */
  public synchronized void continueIn(BoundedLog later) {
    this.next = later;
  }

  /**
   * Waits until nothing has been written for {@code quietMillis} (at most {@code maxMillis}):
   * what the app logs about a request may reach the pipe after its answer.
   */
  public void awaitQuiet(long quietMillis, long maxMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + maxMillis;
    long seen = totalBytes();
    long quietSince = System.currentTimeMillis();
    while (System.currentTimeMillis() < deadline) {
      Thread.sleep(Math.max(1, quietMillis / 4));
      long now = totalBytes();
      if (now != seen) {
        seen = now;
        quietSince = System.currentTimeMillis();
      } else if (System.currentTimeMillis() - quietSince >= quietMillis) {
        return;
      }
    }
  }

  public synchronized long totalBytes() {
    return total;
  }

  public synchronized boolean truncated() {
    return tailWritten > tail.length;
  }

  /** The kept bytes, with a marker where the middle was dropped; invalid UTF-8 is replaced. */
  public synchronized String text() {
    StringBuilder sb = new StringBuilder(new String(head, 0, headLen, StandardCharsets.UTF_8));
    if (tailWritten == 0) {
      return sb.toString();
    }
    long dropped = tailWritten - Math.min(tailWritten, tail.length);
    if (dropped > 0) {
      sb.append("\n[... decaybench: ").append(dropped).append(" bytes of log omitted ...]\n");
    }
    sb.append(new String(tailBytes(), StandardCharsets.UTF_8));
    return sb.toString();
  }

  /** The last {@code maxChars} characters (for result.json). */
  public String lastChars(int maxChars) {
    String all = text();
    return all.length() <= maxChars ? all : all.substring(all.length() - maxChars);
  }

  private byte[] tailBytes() {
    int n = (int) Math.min(tailWritten, tail.length);
    byte[] out = new byte[n];
    long start = tailWritten - n;
    for (int i = 0; i < n; i++) {
      out[i] = tail[(int) ((start + i) % tail.length)];
    }
    return out;
  }
}
