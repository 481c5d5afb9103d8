package th.or.codi.programme.labels;

import java.util.Arrays;
import java.util.Optional;

/**
 * A thing the programme names in both languages, in one shape: the stable key the models, the
 * variables and the REST API use, the Thai and the English words, and the two together as the pages
 * and the process variables show them ("ไทย / English"). The parties, stages, monthly statuses,
 * outcomes and pipeline states are each an enum of this type, and the labels endpoint ({@code GET
 * /engine-rest/programme/labels}) sends every one of them in this shape.
 */
public interface Labelled {

  /** The stable English key, e.g. {@code study-visit}. */
  String key();

  String th();

  String en();

  /** "ไทย / English". */
  default String label() {
    return th() + " / " + en();
  }

  /** The one of {@code values} with the key, if any. */
  static <L extends Labelled> Optional<L> byKey(L[] values, String key) {
    return Arrays.stream(values).filter(value -> value.key().equals(key)).findFirst();
  }
}
