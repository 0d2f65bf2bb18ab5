package dev.decaybench.runner.run.agent.llm;

import dev.decaybench.runner.run.agent.ApiKeys;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * The trajectory of an llm agent as plain text, written as it happens (a killed run still leaves
 * what it did): a header per message or event, then its text, with the API key replaced by
 * {@code ***} everywhere.
 */
final class Transcript implements Closeable {

  private static final int MAX_SECTION_CHARS = 200_000;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final BufferedWriter out;
  private final String apiKey;

  Transcript(Path file, String apiKey) throws IOException {
    this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    this.apiKey = apiKey;
  }

  /** {@code ### header} then the body. */
  synchronized void section(String header, String body) {
    String text = body == null ? "" : body;
    if (text.length() > MAX_SECTION_CHARS) {
      text = text.substring(0, MAX_SECTION_CHARS) + "\n[... " + (text.length() - MAX_SECTION_CHARS)
          + " more characters not shown ...]";
    }
    write("\n### " + header + "  [" + LocalTime.now().format(TIME) + "]\n" + text
        + (text.endsWith("\n") || text.isEmpty() ? "" : "\n"));
  }

  /** A one-line event (retries, mode changes, the end). */
  synchronized void note(String line) {
    write("--- " + line + "  [" + LocalTime.now().format(TIME) + "]\n");
  }

  private void write(String text) {
    try {
      out.write(ApiKeys.redact(text, apiKey));
      out.flush();
    } catch (IOException e) {
      // a full disk must not end the trial; the outcome still records how it ended
    }
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
