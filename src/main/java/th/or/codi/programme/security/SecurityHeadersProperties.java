package th.or.codi.programme.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code programme.security-headers.*}: what {@link SecurityHeaders} sends.
 *
 * @param referrerPolicy {@code strict-origin-when-cross-origin}: another site learns at most the
 *     origin (never a path or query with a task id or business key), nothing after a downgrade to
 *     http; the application's own pages keep the full referrer, which Camunda's optional
 *     Origin/Referer check of the CSRF filter (csrf.target-origin) falls back on
 * @param permissionsPolicy browser features no page of the programme uses, turned off for every
 *     page and every frame in it
 * @param hstsMaxAge how long a browser keeps to https once it saw the header; zero (the default,
 *     demo on plain http) sends no Strict-Transport-Security; prod sets a year
 * @param hstsIncludeSubdomains whether the HSTS rule covers every subdomain too (only when all of
 *     them serve https)
 */
@ConfigurationProperties("programme.security-headers")
public record SecurityHeadersProperties(
    @DefaultValue("strict-origin-when-cross-origin") String referrerPolicy,
    @DefaultValue(
            "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
                + "hid=(), magnetometer=(), microphone=(), midi=(), payment=(), picture-in-picture=(), "
                + "publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()")
        String permissionsPolicy,
    @DefaultValue("0s") Duration hstsMaxAge,
    @DefaultValue("false") boolean hstsIncludeSubdomains) {

  /** The Strict-Transport-Security value, or null when HSTS is off. */
  public String strictTransportSecurity() {
    if (hstsMaxAge == null || hstsMaxAge.isZero() || hstsMaxAge.isNegative()) {
      return null;
    }
    return "max-age="
        + hstsMaxAge.toSeconds()
        + (hstsIncludeSubdomains ? "; includeSubDomains" : "");
  }
}
