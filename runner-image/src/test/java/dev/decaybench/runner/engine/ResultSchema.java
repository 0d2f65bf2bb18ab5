package dev.decaybench.runner.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/** Validates a result.json against the published schema (schema/result.schema.json). */
public final class ResultSchema {

  private ResultSchema() {}

  public static List<String> problems(Path resultJson) throws IOException {
    try (InputStream schema = ResultSchema.class.getResourceAsStream("/schema/result.schema.json")) {
      JsonSchema s = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
      return s.validate(new ObjectMapper().readTree(resultJson.toFile())).stream()
          .map(ValidationMessage::getMessage).toList();
    }
  }
}
