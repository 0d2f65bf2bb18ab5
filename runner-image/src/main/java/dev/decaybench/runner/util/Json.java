package dev.decaybench.runner.util;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The one JSON configuration for every file decaybench writes. */
public final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
