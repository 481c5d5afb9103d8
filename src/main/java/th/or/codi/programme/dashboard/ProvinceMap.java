package th.or.codi.programme.dashboard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import th.or.codi.programme.provinces.Province;

/**
 * Which path of the dashboard's map of Thailand ({@code plugin-webapp/programme/app/map/
 * thailand.svg}, the npm package {@code @svg-maps/thailand} 2.0.0, CC-BY-4.0) draws which province.
 * The map's ids are its own ({@code nsn} for Nakhon Sawan), so the table {@value #TABLE} maps each
 * to the ISO 3166-2:TH code the reference data uses ({@code TH-60}). A province of the reference
 * data that the table does not name is reported by {@link #notOnMap}, so a province added later is
 * shown as missing from the map rather than silently left out.
 */
public final class ProvinceMap {

  /**
   * The table on the classpath: {@code svg-id TAB iso-code TAB name-on-map}, {@code #} comments.
   */
  public static final String TABLE = "map/thailand-ids.tsv";

  private static final ProvinceMap SHIPPED = read(TABLE);

  private final Map<String, String> idByCode;

  private ProvinceMap(Map<String, String> idByCode) {
    this.idByCode = Collections.unmodifiableMap(idByCode);
  }

  /** The shipped table, read once. */
  public static ProvinceMap shipped() {
    return SHIPPED;
  }

  /** The map's path id of the province with this ISO code, if the map draws it. */
  public Optional<String> svgId(String code) {
    return Optional.ofNullable(idByCode.get(code));
  }

  /** Every ISO code the map draws, with its path id, in the table's order. */
  public Map<String, String> idsByCode() {
    return idByCode;
  }

  /** The provinces the map cannot draw, in the order given. */
  public List<Province> notOnMap(List<Province> provinces) {
    List<Province> missing = new ArrayList<>();
    for (Province province : provinces) {
      if (!idByCode.containsKey(province.code())) {
        missing.add(province);
      }
    }
    return missing;
  }

  /**
   * What the dashboard's map needs of the reference data: each province with its names, role and
   * path id ({@code svgId}, absent when the map cannot draw it), and those it cannot draw again as
   * {@code notOnMap}, for the page to name them.
   */
  public Map<String, Object> forDashboard(List<Province> provinces) {
    List<Map<String, Object>> all = new ArrayList<>();
    List<Map<String, Object>> missing = new ArrayList<>();
    for (Province province : provinces) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("code", province.code());
      entry.put("th", province.nameTh());
      entry.put("en", province.nameEn());
      entry.put("role", province.role());
      entry.put("svgId", idByCode.get(province.code()));
      all.add(entry);
      if (!idByCode.containsKey(province.code())) {
        missing.add(entry);
      }
    }
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("provinces", all);
    map.put("notOnMap", missing);
    return map;
  }

  /**
   * Reads a table from the classpath; a line that is not {@code id TAB code [TAB name]}, or an id
   * or code given twice, stops it with the line's number.
   */
  static ProvinceMap read(String resource) {
    InputStream in = ProvinceMap.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("map table " + resource + " is not on the classpath");
    }
    Map<String, String> idByCode = new LinkedHashMap<>();
    Map<String, String> codeById = new LinkedHashMap<>();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      while ((line = lines.readLine()) != null) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t");
        if (cells.length < 2 || !cells[1].matches("TH-\\d{2}") || cells[0].isBlank()) {
          throw new IllegalStateException(resource + " line " + n + ": not 'svg-id TAB TH-nn'");
        }
        String id = cells[0].trim();
        String code = cells[1].trim();
        if (idByCode.putIfAbsent(code, id) != null || codeById.putIfAbsent(id, code) != null) {
          throw new IllegalStateException(
              resource + " line " + n + ": " + id + " or " + code + " is already mapped");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ProvinceMap(idByCode);
  }
}
