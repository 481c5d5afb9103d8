package th.or.codi.programme.notifications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** The few facts a message carries beyond its task (a reminder's number, a due date), as JSON. */
final class Details {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Details() {}

  static String of(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    try {
      return JSON.writeValueAsString(map);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> read(String detail) {
    if (detail == null || detail.isBlank()) {
      return Map.of();
    }
    try {
      return JSON.readValue(detail, Map.class);
    } catch (JsonProcessingException e) {
      return Map.of();
    }
  }
}
