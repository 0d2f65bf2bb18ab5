package dev.decaybench.operator.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;

/**
 * The operator reads what the API server stored, and the API server stores what the CRD schema
 * lets through: an integer field may hold 99999999999, a newer CRD may carry fields this model
 * lacks. One object that does not map onto the model must not stop the informer (and with it
 * the operator, into a crash loop). So: unknown fields are ignored, and integers beyond the
 * int range saturate; validation then reports the value (see TrialPlanner's trial limit).
 */
public final class TolerantSerialization {

  private TolerantSerialization() {}

  public static KubernetesSerialization create() {
    return new KubernetesSerialization(new ObjectMapper(), true) {
      @Override
      protected void configureMapper(ObjectMapper mapper) {
        super.configureMapper(mapper);
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        // registered after fabric8's modules, so these deserializers are asked first
        SimpleModule module = new SimpleModule("decaybench-tolerant");
        module.addDeserializer(Integer.class, new SaturatingInteger(Integer.class, null));
        module.addDeserializer(int.class, new SaturatingInteger(Integer.TYPE, 0));
        mapper.registerModule(module);
      }
    };
  }

  /** An int that is too large or too small becomes Integer.MAX_VALUE / MIN_VALUE. */
  static final class SaturatingInteger extends StdDeserializer<Integer> {

    private final NumberDeserializers.IntegerDeserializer standard;

    SaturatingInteger(Class<Integer> type, Integer nullValue) {
      super(type);
      this.standard = new NumberDeserializers.IntegerDeserializer(type, nullValue);
    }

    @Override
    public Integer deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_NUMBER_INT
          && p.getNumberType() != JsonParser.NumberType.INT) {
        return p.getBigIntegerValue().signum() < 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE;
      }
      return standard.deserialize(p, ctx);
    }

    @Override
    public Integer getNullValue(DeserializationContext ctx) throws JsonMappingException {
      return standard.getNullValue(ctx);
    }
  }
}
