package th.or.codi.programme.evidence;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code programme.evidence}: the largest evidence file, the most evidence one task may carry, and
 * the content types (detected from the bytes) that are accepted.
 */
@ConfigurationProperties("programme.evidence")
public record EvidenceProperties(
    @DefaultValue("20MB") DataSize maxFileSize,
    @DefaultValue("100MB") DataSize maxTaskSize,
    @DefaultValue({
          "application/pdf",
          "image/jpeg",
          "image/png",
          "image/heic",
          "image/heif",
          "image/webp",
          EvidenceTypes.DOCX,
          EvidenceTypes.XLSX,
          EvidenceTypes.ODT,
          EvidenceTypes.ODS
        })
        List<String> allowedTypes) {

  public EvidenceProperties {
    allowedTypes = List.copyOf(allowedTypes);
  }
}
