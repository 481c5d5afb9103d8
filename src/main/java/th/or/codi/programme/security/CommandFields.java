package th.or.codi.programme.security;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads what an engine command was asked to do from its fields. The engine's command classes keep
 * their arguments in protected fields without getters; the names are those of Camunda 7.24 and
 * {@code CommandFieldsTest} builds each command the policy reads, so an engine upgrade that renames
 * one fails the build instead of silently switching a rule off.
 */
final class CommandFields {

  private static final Map<String, Field> FIELDS = new ConcurrentHashMap<>();

  private CommandFields() {}

  /** The value of the named field, declared by the command's class or a superclass. */
  static <T> T get(Object command, String name, Class<T> type) {
    Field field =
        FIELDS.computeIfAbsent(
            command.getClass().getName() + "#" + name, key -> find(command.getClass(), name));
    try {
      return type.cast(field.get(command));
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(
          "cannot read " + name + " of " + command.getClass().getName(), e);
    }
  }

  private static Field find(Class<?> type, String name) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      try {
        Field field = c.getDeclaredField(name);
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException e) {
        // declared further up
      }
    }
    throw new IllegalStateException(
        type.getName()
            + " has no field "
            + name
            + ": the engine changed; review security/CommandPolicy against this version");
  }
}
