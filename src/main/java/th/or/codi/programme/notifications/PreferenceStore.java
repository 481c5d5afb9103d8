package th.or.codi.programme.notifications;

import org.camunda.bpm.engine.IdentityService;
import th.or.codi.programme.notifications.Preferences.Delivery;
import th.or.codi.programme.notifications.Preferences.Language;

/**
 * A person's {@link Preferences} in the engine's identity store, as user info (table {@code
 * ACT_ID_INFO}): no second user store; an administrator's changes in Admin and the person's own are
 * the same rows. Unknown values read as the defaults.
 */
public final class PreferenceStore {

  static final String DELIVERY = "programme.notifications.delivery";
  static final String LANGUAGE = "programme.notifications.language";
  static final String WEEKLY = "programme.notifications.weekly-digest";

  private final IdentityService identity;

  public PreferenceStore(IdentityService identity) {
    this.identity = identity;
  }

  public Preferences of(String userId) {
    return new Preferences(
        lenient(() -> Delivery.of(identity.getUserInfo(userId, DELIVERY))),
        lenient(() -> Language.of(identity.getUserInfo(userId, LANGUAGE))),
        weekly(identity.getUserInfo(userId, WEEKLY)));
  }

  public void save(String userId, Preferences preferences) {
    identity.setUserInfo(userId, DELIVERY, preferences.delivery().key());
    identity.setUserInfo(userId, LANGUAGE, preferences.language().key());
    if (preferences.weeklyDigest() == null) {
      identity.deleteUserInfo(userId, WEEKLY);
    } else {
      identity.setUserInfo(userId, WEEKLY, preferences.weeklyDigest().toString());
    }
  }

  private static Boolean weekly(String value) {
    return value == null || value.isBlank() ? null : Boolean.valueOf(value.trim());
  }

  private static <T> T lenient(java.util.function.Supplier<T> read) {
    try {
      return read.get();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
