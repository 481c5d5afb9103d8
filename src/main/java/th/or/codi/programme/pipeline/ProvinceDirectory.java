package th.or.codi.programme.pipeline;

import org.springframework.stereotype.Component;
import th.or.codi.programme.provinces.Province;
import th.or.codi.programme.provinces.ProvinceReferenceData;

/** The reference data as the models read it: {@code ${provinceDirectory.get(provinceCode)}}. */
@Component("provinceDirectory")
public class ProvinceDirectory {

  private final ProvinceReferenceData referenceData;

  public ProvinceDirectory(ProvinceReferenceData referenceData) {
    this.referenceData = referenceData;
  }

  public Province get(String provinceCode) {
    return referenceData.requireByCode(provinceCode);
  }
}
