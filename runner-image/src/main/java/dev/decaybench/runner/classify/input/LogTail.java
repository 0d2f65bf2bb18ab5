package dev.decaybench.runner.classify.input;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Reads only the end of a possibly huge log and turns whatever bytes it holds into clean text:
 * invalid UTF-8 becomes U+FFFD, ANSI colour codes go, other control characters become '?'.
 */
public final class LogTail {

  /** How much of a log the classifier ever reads: the last 256 KiB. */
  public static final int MAX_BYTES = 256 * 1024;

  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]");

  private LogTail() {}

  /** The last {@link #MAX_BYTES} of a file as clean text; "" when the file is absent or unreadable. */
  public static String read(Path file) {
    if (file == null || !Files.isRegularFile(file)) {
      return "";
    }
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long length = raf.length();
      int n = (int) Math.min(length, MAX_BYTES);
      byte[] bytes = new byte[n];
      raf.seek(length - n);
      raf.readFully(bytes);
      String text = decode(bytes);
      if (length > n) {
        int firstBreak = text.indexOf('\n');
        text = firstBreak >= 0 ? text.substring(firstBreak + 1) : text;
      }
      return clean(text);
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /** Cleans text already in memory and keeps its last {@link #MAX_BYTES} characters. */
  public static String clean(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String t = text.length() > MAX_BYTES ? text.substring(text.length() - MAX_BYTES) : text;
    t = ANSI.matcher(t).replaceAll("");
    StringBuilder sb = new StringBuilder(t.length());
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '\r') {
        continue;
      }
      sb.append(c == '\n' || c == '\t' || c >= 0x20 && c != 0x7f ? c : '?');
    }
    return sb.toString();
  }

  private static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }
}
